package io.github.devopsconnector.core.gitlab;

import io.github.devopsconnector.core.OrganizationName;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A top-level GitLab group the signed-in user is a member of: what a GitLab connector onboards. Paths compare
 * ignoring case, as GitLab's do.
 */
@Value.Immutable
public abstract class GitLabGroup {

  GitLabGroup() {}

  /** The numeric group id. */
  public abstract long id();

  /** The group's path (its URL segment, {@code https://gitlab.com/{path}}). */
  public abstract OrganizationName path();

  /** The display name. */
  public abstract String name();

  /** The user's access level in the group. */
  public abstract GitLabAccessLevel accessLevel();

  /**
   * The plan ({@code free}, {@code premium}, {@code ultimate}, ...), where GitLab shows it (the namespace's
   * {@code plan}, visible to the group's Owners).
   */
  public abstract Optional<String> plan();

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link GitLabGroup}. */
  public static final class Builder extends ImmutableGitLabGroup.Builder {
    Builder() {}
  }
}
