package io.github.devopsconnector.core.github;

import java.util.Optional;
import org.immutables.value.Value;

/** The signed-in GitHub user ({@code GET /user}). */
@Value.Immutable
public abstract class GitHubUser {

  GitHubUser() {}

  /** The login, such as {@code octocat}. */
  public abstract String login();

  /** The numeric user id. */
  public abstract long id();

  /** The display name, when the profile has one. */
  public abstract Optional<String> name();

  /**
   * Whether the user is a managed user account of an Enterprise Managed Users enterprise. GitHub documents that
   * managed users' logins end with an underscore and the enterprise's short code ({@code octocat_acme}), and an
   * underscore is not allowed in any other login.
   */
  public final boolean isManagedUser() {
    return login().indexOf('_') > 0;
  }

  /** A user. */
  public static GitHubUser of(String login, long id, Optional<String> name) {
    return ImmutableGitHubUser.builder().login(login).id(id).name(name).build();
  }
}
