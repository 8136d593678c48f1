package io.github.devopsconnector.core.gitlab;

import java.util.Optional;
import org.immutables.value.Value;

/** The signed-in GitLab user ({@code GET /user}). */
@Value.Immutable
public abstract class GitLabUser {

  GitLabUser() {}

  /** The username, such as {@code jane.doe}. */
  public abstract String username();

  /** The numeric user id. */
  public abstract long id();

  /** The display name, when the profile has one. */
  public abstract Optional<String> name();

  /** A user. */
  public static GitLabUser of(String username, long id, Optional<String> name) {
    return ImmutableGitLabUser.builder().username(username).id(id).name(name).build();
  }
}
