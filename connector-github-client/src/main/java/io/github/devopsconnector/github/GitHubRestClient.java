package io.github.devopsconnector.github;

import com.azure.core.annotation.ServiceClient;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.github.GitHubClient;
import io.github.devopsconnector.core.github.GitHubInstallation;
import io.github.devopsconnector.core.github.GitHubOwner;
import io.github.devopsconnector.core.github.GitHubRepository;
import io.github.devopsconnector.core.github.GitHubUser;
import io.github.devopsconnector.github.implementation.GitHubCall;
import io.github.devopsconnector.github.implementation.GitHubOperations;
import io.github.devopsconnector.http.HttpTransport;
import java.util.List;
import java.util.Optional;

/**
 * The {@link GitHubClient} over the GitHub REST API. Build one with {@link GitHubRestClientBuilder}. Immutable once
 * built and safe to share between threads; requests of one client share its rate-limit pacing.
 *
 * <p>Every method fails with {@link ServiceException}: {@code NOT_FOUND} (404), {@code NOT_AUTHORIZED} (401, or a
 * 403 that is not a rate limit), {@code THROTTLED} (a primary or secondary rate limit, 403 or 429, after the waits
 * the call's limits allow, with GitHub's {@code retry-after} or the time to {@code x-ratelimit-reset}),
 * {@code TRANSIENT} (5xx after retries, I/O failures, timeouts) or {@code PROTOCOL} (malformed JSON, a missing
 * field, a redirect, a {@code link} header that loops, leaves the host or passes the page limit). The exception
 * carries the HTTP status, the request id ({@code X-GitHub-Request-Id}), GitHub's message (scrubbed) and a
 * remediation.
 *
 * <p><b>What each kind of token can see.</b> GitHub serves {@code GET /user/installations} and
 * {@code GET /user/installations/{installation_id}/repositories} only to a GitHub App's user access token
 * (docs.github.com/rest/apps/installations#list-app-installations-accessible-to-the-user-access-token and
 * #list-repositories-accessible-to-the-user-access-token); a personal access token gets 403 there. The other routes
 * the client reads accept a personal access token ({@code GET /user}, {@code GET /user/memberships/orgs},
 * {@code GET /orgs/{org}}, {@code GET /orgs/{org}/repos}, and {@code GET /orgs/{org}/installations}, which needs an
 * organization owner and, for a classic token, the scope the page names, {@code admin:read}:
 * docs.github.com/rest/orgs/orgs#list-app-installations-for-an-organization). The client tells the kinds apart by
 * GitHub's token prefixes: a token given to {@link GitHubRestClientBuilder#token(String)} that starts {@code ghu_}
 * is an app user token; any other ({@code ghp_}, {@code github_pat_}, {@code gho_}) is treated as a personal access
 * token; a {@code TokenCredential} or custom pipeline is trusted to supply app user tokens.
 * <ul>
 *   <li><b>App user token</b>: organizations as below; the user's own account is an owner when the app is
 *       installed on it; an installation on selected repositories lists exactly those repositories.</li>
 *   <li><b>Personal access token</b>: for an organization the user owns, {@link #appInstallation(GitHubOwner)}
 *       reads {@code GET /orgs/{org}/installations} and tells whether the app is installed and its repository
 *       selection; with {@code all}, {@link #repositories(GitHubInstallation)} lists the organization's
 *       repositories, which are what the app sees. With {@code selected}, no route open to the token lists the
 *       selected repositories: {@link #repositories(GitHubInstallation)} throws a {@code NOT_AUTHORIZED}
 *       {@link ServiceException} whose service error code is {@link GitHubClient#APP_USER_TOKEN_REQUIRED}, without
 *       sending a request (discovery shows the owner as {@code FAILED} with that code; preflight still finds
 *       {@code GITHUB_APP_LIMITED_TO_SELECTED_REPOSITORIES}). The user's own account is not among the
 *       {@link #owners()}, since the app's installation on it cannot be read, and
 *       {@link #appInstallation(GitHubOwner)} for it throws the same exception.</li>
 * </ul>
 *
 * <p><b>Enterprise Managed Users and data residency.</b> GitHub names managed users {@code handle_shortcode}, so a
 * signed-in user whose login has an underscore is a managed user, and every owner it sees is an Enterprise Managed
 * Users owner; an endpoint on a {@code .ghe.com} host is GitHub Enterprise Cloud with data residency. The owners
 * the client returns say so ({@link GitHubOwner#enterpriseManagedUsers()}, {@link GitHubOwner#dataResidency()}).
 *
 * <p><b>Closing.</b> The client owns its HTTP connections and threads (none when the HTTP client or pipeline came
 * from the caller). {@link #close()} releases them; calls afterwards fail with {@link IllegalStateException}.
 */
@ServiceClient(builder = GitHubRestClientBuilder.class)
public final class GitHubRestClient implements GitHubClient, AutoCloseable {
  private final GitHubOperations operations;
  private final GitHubServiceVersion serviceVersion;
  private final String description;
  private final HttpTransport<GitHubCall> transport;

  GitHubRestClient(GitHubOperations operations, GitHubServiceVersion serviceVersion, String description,
      HttpTransport<GitHubCall> transport) {
    this.operations = operations;
    this.serviceVersion = serviceVersion;
    this.description = description;
    this.transport = transport;
  }

  /**
   * The REST API version the client asks for.
   *
   * @return the service version
   */
  public GitHubServiceVersion getServiceVersion() {
    return serviceVersion;
  }

  /**
   * {@inheritDoc}
   *
   * @throws ServiceException when the user cannot be read
   */
  @Override
  public GitHubUser currentUser() {
    return operations.currentUser();
  }

  /**
   * {@inheritDoc}
   *
   * <p>The user's own account is one of them only when the Defender app is installed on it, and never for a
   * managed user.
   *
   * @throws ServiceException when the user or their memberships cannot be read
   */
  @Override
  public List<GitHubOwner> owners() {
    return operations.owners();
  }

  /**
   * {@inheritDoc}
   *
   * @throws ServiceException when the installations cannot be listed ({@code NOT_AUTHORIZED} for a member who is
   *     not an Owner; {@code NOT_AUTHORIZED} with {@link GitHubClient#APP_USER_TOKEN_REQUIRED} for the user's own
   *     account when the client holds a personal access token)
   */
  @Override
  public Optional<GitHubInstallation> appInstallation(GitHubOwner owner) {
    return operations.appInstallation(owner);
  }

  /**
   * {@inheritDoc}
   *
   * <p>An installation on all repositories lists the owner's repositories; one on selected repositories lists
   * those GitHub says it can access, which needs a user access token of the app (the connector's authorization).
   *
   * @throws ServiceException when the repositories cannot be listed; {@code NOT_AUTHORIZED} with the service error
   *     code {@link GitHubClient#APP_USER_TOKEN_REQUIRED}, before any request, for an installation on selected
   *     repositories when the client holds a personal access token
   */
  @Override
  public List<GitHubRepository> repositories(GitHubInstallation installation) {
    return operations.repositories(installation);
  }

  /**
   * Releases the client's HTTP connections and threads. Closing twice does nothing more.
   */
  @Override
  public void close() {
    transport.close();
  }

  /**
   * Describes the client: endpoint, service version, app slug and kind of credential; never the credential.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return description;
  }
}
