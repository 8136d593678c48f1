package io.github.devopsconnector.core.azuredevops;

import org.immutables.value.Value;

/** An Azure DevOps project ({@code TeamProjectReference}). */
@Value.Immutable
public abstract class AzureDevOpsProject {

  AzureDevOpsProject() {}

  /** The project id. */
  public abstract String id();

  /** The project name. */
  public abstract String name();

  /** A project. */
  public static AzureDevOpsProject of(String id, String name) {
    return ImmutableAzureDevOpsProject.builder().id(id).name(name).build();
  }
}
