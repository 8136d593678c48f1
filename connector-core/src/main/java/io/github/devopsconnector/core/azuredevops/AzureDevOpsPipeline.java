package io.github.devopsconnector.core.azuredevops;

import org.immutables.value.Value;

/** A pipeline (build definition) of a project. */
@Value.Immutable
public abstract class AzureDevOpsPipeline {

  AzureDevOpsPipeline() {}

  /** The pipeline id. */
  public abstract long id();

  /** The pipeline name. */
  public abstract String name();

  /** The folder it is in, such as {@code \} or {@code \team}. */
  public abstract String folder();

  /** A pipeline. */
  public static AzureDevOpsPipeline of(long id, String name, String folder) {
    return ImmutableAzureDevOpsPipeline.builder().id(id).name(name).folder(folder).build();
  }
}
