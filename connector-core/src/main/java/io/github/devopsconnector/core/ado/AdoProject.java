package io.github.devopsconnector.core.ado;

import org.immutables.value.Value;

/** An Azure DevOps project ({@code TeamProjectReference}). */
@Value.Immutable
public abstract class AdoProject {

  AdoProject() {}

  /** The project id. */
  public abstract String id();

  /** The project name. */
  public abstract String name();

  /** A project. */
  public static AdoProject of(String id, String name) {
    return ImmutableAdoProject.builder().id(id).name(name).build();
  }
}
