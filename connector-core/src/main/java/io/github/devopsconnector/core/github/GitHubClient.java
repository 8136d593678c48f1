package io.github.devopsconnector.core.github;

import io.github.devopsconnector.core.ServiceException;
import java.util.List;
import java.util.Optional;

/**
 * What the library needs from GitHub, as the signed-in user sees it, for the Defender for Cloud GitHub app.
 * Listing methods read every page themselves. Implementations must be thread-safe.
 *
 * <p>Every method fails with {@link ServiceException}, whose {@link ServiceException#kind()} tells not-found,
 * not-authorized, throttled (primary and secondary rate limits), transient and protocol failures apart.
 */
public interface GitHubClient {

  /**
   * The slug of Defender for Cloud's GitHub app, which Microsoft's documents call "Microsoft Security DevOps"
   * (GitHub makes an app's slug from its name); implementations let callers configure another.
   */
  String DEFAULT_APP_SLUG = "microsoft-security-devops";

  /**
   * The {@link ServiceException#serviceErrorCode() service error code} of the {@code NOT_AUTHORIZED}
   * {@link ServiceException} a client throws, without sending a request, when the answer needs a GitHub App's user
   * access token and the client holds another kind of token (a personal access token): GitHub serves
   * {@code GET /user/installations} and {@code GET /user/installations/{id}/repositories} to app user tokens only,
   * so neither the repositories of an installation limited to selected repositories nor the app's installation on
   * a personal account can be read with a personal access token. Discovery shows it as the owner's
   * {@code FAILED} outcome with this code.
   */
  String APP_USER_TOKEN_REQUIRED = "APP_USER_TOKEN_REQUIRED";

  /** The signed-in user ({@code GET /user}). */
  GitHubUser currentUser();

  /**
   * The owners the user can onboard or belongs to: every organization they are an active member of, with their
   * role ({@code GET /user/memberships/orgs}) and, where visible, the plan ({@code GET /orgs/{org}}); and their own
   * personal account when the Defender app is installed on it.
   */
  List<GitHubOwner> owners();

  /**
   * The Defender app's installation on the owner, or empty when it is not installed there
   * ({@code GET /orgs/{org}/installations}; for the user's own account {@code GET /user/installations}).
   * Reading an organization's installations needs its Owner role.
   */
  Optional<GitHubInstallation> appInstallation(GitHubOwner owner);

  /** Every repository the installation can access, archived ones included. */
  List<GitHubRepository> repositories(GitHubInstallation installation);
}
