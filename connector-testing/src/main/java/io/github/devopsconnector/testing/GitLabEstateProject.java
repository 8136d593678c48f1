package io.github.devopsconnector.testing;

import org.immutables.value.Value;

/** A project of a {@link GitLabEstateGroup} or {@link GitLabEstateSubgroup}. */
@Value.Immutable
public abstract class GitLabEstateProject {

  GitLabEstateProject() {}

  /** The numeric project id (derived from the position in the file when read). */
  public abstract long id();

  /** The project's own path (one segment). */
  public abstract String path();

  /** The display name. */
  public abstract String name();

  /** Whether it is archived. */
  @Value.Default
  public boolean archived() {
    return false;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link GitLabEstateProject}. */
  public static final class Builder extends ImmutableGitLabEstateProject.Builder {
    Builder() {}
  }
}
