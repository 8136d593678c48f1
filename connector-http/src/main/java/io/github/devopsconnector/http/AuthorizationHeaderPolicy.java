package io.github.devopsconnector.http;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.policy.HttpPipelineSyncPolicy;
import java.util.Objects;

/**
 * Authenticates every attempt with a fixed {@code Authorization} value made from a static credential (a personal
 * access token, a GitHub token). Never shows the value in {@link #toString()}. Sits after the origin guard, which
 * removes any {@code Authorization} header and refuses hosts that are not the configured endpoints.
 */
public class AuthorizationHeaderPolicy extends HttpPipelineSyncPolicy {
  private final String headerValue;

  /**
   * A policy that sends this value.
   *
   * @param headerValue the whole header value, scheme included ({@code Bearer ...}, {@code Basic ...})
   * @throws NullPointerException if the value is null
   */
  protected AuthorizationHeaderPolicy(String headerValue) {
    this.headerValue = Objects.requireNonNull(headerValue, "headerValue");
  }

  @Override
  protected final void beforeSendingRequest(HttpPipelineCallContext context) {
    context.getHttpRequest().setHeader(HttpHeaderName.AUTHORIZATION, headerValue);
  }

  @Override
  public final HttpPipelinePosition getPipelinePosition() {
    return HttpPipelinePosition.PER_RETRY;
  }

  /**
   * The policy's class name, never the credential.
   *
   * @return {@code Name[****]}
   */
  @Override
  public final String toString() {
    return getClass().getSimpleName() + "[****]";
  }
}
