package io.github.devopsconnector.core.gitlab;

import io.github.devopsconnector.core.OrganizationName;
import org.immutables.value.Value;

/** A project somewhere in a top-level group's tree. */
@Value.Immutable
public abstract class GitLabProject {

  GitLabProject() {}

  /** The numeric project id. */
  public abstract long id();

  /** The top-level group whose tree holds the project. */
  public abstract OrganizationName group();

  /** The full path, namespaces included ({@code group/subgroup/project}, GitLab's {@code path_with_namespace}). */
  public abstract String fullPath();

  /** The display name. */
  public abstract String name();

  /** Whether it is archived (read-only); the connector still sees it. */
  @Value.Default
  public boolean archived() {
    return false;
  }

  /** The project's own path, the last segment of {@link #fullPath()}. */
  public final String path() {
    int slash = fullPath().lastIndexOf('/');
    return slash < 0 ? fullPath() : fullPath().substring(slash + 1);
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link GitLabProject}. */
  public static final class Builder extends ImmutableGitLabProject.Builder {
    Builder() {}
  }

  @Override
  public String toString() {
    return fullPath() + (archived() ? " (archived)" : "");
  }
}
