package io.github.devopsconnector.core.ado;

import org.immutables.value.Value;

/** A pipeline (build definition) of a project. */
@Value.Immutable
public abstract class AdoPipeline {

  AdoPipeline() {}

  /** The pipeline id. */
  public abstract long id();

  /** The pipeline name. */
  public abstract String name();

  /** The folder it is in, such as {@code \} or {@code \team}. */
  public abstract String folder();

  /** A pipeline. */
  public static AdoPipeline of(long id, String name, String folder) {
    return ImmutableAdoPipeline.builder().id(id).name(name).folder(folder).build();
  }
}
