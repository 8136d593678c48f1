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

  /**
   * Checks a static token a builder was given: not blank, and only visible ASCII characters, as a token copied
   * with surrounding text or a line break would otherwise fail later, at the service, with a less clear error.
   *
   * @param token the token
   * @param description what the token is, as in messages ({@code "GitHub token"})
   * @return the token
   * @throws IllegalArgumentException if it is blank or has whitespace, control or non-ASCII characters
   */
  public static String checkToken(String token, String description) {
    if (token.isBlank()) {
      throw new IllegalArgumentException("The " + description + " is blank.");
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        throw new IllegalArgumentException("The " + description + " has a whitespace, control or non-ASCII "
            + "character at position " + (i + 1) + "; copy it again without surrounding text.");
      }
    }
    return token;
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
