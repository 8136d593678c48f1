package io.github.devopsconnector.gitlab;

import com.azure.core.annotation.ServiceClient;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.gitlab.GitLabClient;
import io.github.devopsconnector.core.gitlab.GitLabGroup;
import io.github.devopsconnector.core.gitlab.GitLabProject;
import io.github.devopsconnector.core.gitlab.GitLabUser;
import io.github.devopsconnector.gitlab.implementation.GitLabOperations;
import java.util.List;

/**
 * The {@link GitLabClient} over the GitLab REST API (v4). Build one with {@link GitLabRestClientBuilder}. Immutable
 * once built and safe to share between threads; requests of one client share its rate-limit pacing.
 *
 * <p>Every method fails with {@link ServiceException}: {@code NOT_AUTHORIZED} (401: the token is missing, invalid,
 * expired or revoked; 403: the token lacks the scope, such as {@code insufficient_scope}, which is then the service
 * error code), {@code NOT_FOUND} (404: GitLab hides what the user cannot see), {@code THROTTLED} (429, after the
 * waits the call's limits allow, with GitLab's {@code Retry-After}), {@code TRANSIENT} (5xx after retries, I/O
 * failures, timeouts) or {@code PROTOCOL} (malformed JSON, a missing field, a redirect, a {@code Link} header that
 * loops, leaves the host or passes the page limit). The exception carries the HTTP status, the request id
 * ({@code X-Request-Id}), GitLab's message (scrubbed) and a remediation.
 *
 * <p><b>What the token needs.</b> A personal access token (or an OAuth token) with the {@code read_api} scope reads
 * every route the client uses: {@code GET /user}, {@code GET /groups}, {@code GET /groups/:id/members/all/:user_id},
 * {@code GET /namespaces/:id} and {@code GET /groups/:id/projects}. GitLab shows a group's plan to its Owners only,
 * so the client reads it for groups the user owns, and {@link GitLabGroup#plan()} is empty for the others.
 *
 * <p><b>Group paths.</b> A top-level group whose path the SDK cannot represent as an organization name is left out
 * of {@link #groups()}, with a warning in the log.
 *
 * <p><b>Closing.</b> The client owns its HTTP connections and threads (none when the HTTP client or pipeline came
 * from the caller). {@link #close()} releases them; calls afterwards fail with {@link IllegalStateException}.
 */
@ServiceClient(builder = GitLabRestClientBuilder.class)
public final class GitLabRestClient implements GitLabClient, AutoCloseable {
  private final GitLabOperations gitLab;
  private final GitLabServiceVersion version;
  private final String description;

  GitLabRestClient(GitLabOperations gitLab, GitLabServiceVersion version, String description) {
    this.gitLab = gitLab;
    this.version = version;
    this.description = description;
  }

  /**
   * The GitLab REST API version in the request paths ({@code /api/v4}).
   *
   * @return the version
   */
  public GitLabServiceVersion getServiceVersion() {
    return version;
  }

  /** {@inheritDoc} Reads {@code GET /user}. */
  @Override
  public GitLabUser currentUser() {
    return gitLab.currentUser();
  }

  /** {@inheritDoc} Reads the groups, each group's membership of the user and, for owned groups, the namespace. */
  @Override
  public List<GitLabGroup> groups() {
    return gitLab.groups();
  }

  /** {@inheritDoc} Reads every page of the group's projects, subgroups included. */
  @Override
  public List<GitLabProject> projects(GitLabGroup group) {
    return gitLab.projects(group);
  }

  /** Closes the HTTP connections and threads the client owns; later calls fail. Closing again does nothing. */
  @Override
  public void close() {
    gitLab.close();
  }

  /**
   * The endpoint, API version and kind of credential, never the credential itself.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return description;
  }
}
