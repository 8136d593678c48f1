package io.github.devopsconnector.azuredevops.implementation;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.policy.HttpPipelineSyncPolicy;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * Authenticates with a personal access token: HTTP Basic with an empty user name, {@code Basic base64(":" + pat)}.
 * Never shows the token in {@link #toString()}.
 */
public final class PersonalAccessTokenPolicy extends HttpPipelineSyncPolicy {
  private final String headerValue;

  /** A policy for the token; the caller has checked that it is not blank. */
  public PersonalAccessTokenPolicy(String personalAccessToken) {
    Objects.requireNonNull(personalAccessToken, "personalAccessToken");
    this.headerValue = "Basic " + encode(personalAccessToken);
  }

  /** The Base64 text the token is sent as, so that it can be scrubbed from messages as well. */
  public static String encode(String personalAccessToken) {
    return Base64.getEncoder().encodeToString((":" + personalAccessToken).getBytes(StandardCharsets.UTF_8));
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
    return "PersonalAccessTokenPolicy[****]";
  }
}
