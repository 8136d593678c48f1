package io.github.devopsconnector.github.implementation;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.policy.HttpPipelineSyncPolicy;
import java.util.Objects;

/**
 * Authenticates with a GitHub token (a personal access token, or a GitHub App's user access token):
 * {@code Authorization: Bearer <token>} (docs.github.com/rest/authentication/authenticating-to-the-rest-api). Never
 * shows the token in {@link #toString()}. Sits after the origin guard, which removes any Authorization header and
 * refuses hosts that are not the configured endpoint.
 */
public final class GitHubTokenPolicy extends HttpPipelineSyncPolicy {
  private final String headerValue;

  /**
   * A policy for the token; the caller has checked it.
   *
   * @param token the token
   */
  public GitHubTokenPolicy(String token) {
    this.headerValue = "Bearer " + Objects.requireNonNull(token, "token");
  }

  @Override
  protected void beforeSendingRequest(HttpPipelineCallContext context) {
    context.getHttpRequest().setHeader(HttpHeaderName.AUTHORIZATION, headerValue);
  }

  @Override
  public HttpPipelinePosition getPipelinePosition() {
    return HttpPipelinePosition.PER_RETRY;
  }

  @Override
  public String toString() {
    return "GitHubTokenPolicy[****]";
  }
}
