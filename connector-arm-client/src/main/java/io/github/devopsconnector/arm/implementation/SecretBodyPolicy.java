package io.github.devopsconnector.arm.implementation;

import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.policy.HttpPipelineSyncPolicy;
import java.net.URL;
import java.util.Objects;

/**
 * The last policy of the pipeline: swaps a request's redacted body for the real one that carries the one-time
 * authorization code, after the logging policy has seen (and perhaps logged) the redacted one. Only for the
 * configured endpoint's origin: the code never goes anywhere else.
 */
public final class SecretBodyPolicy extends HttpPipelineSyncPolicy {

  /** The context key of the real body ({@code byte[]}). */
  public static final String SECRET_BODY_KEY = "io.github.devopsconnector.arm.secret-body";

  private final URL endpoint;

  /** A policy for this endpoint. */
  public SecretBodyPolicy(URL endpoint) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
  }

  @Override
  protected void beforeSendingRequest(HttpPipelineCallContext context) {
    Object secret = context.getData(SECRET_BODY_KEY).orElse(null);
    if (!(secret instanceof byte[])) {
      return;
    }
    HttpRequest request = context.getHttpRequest();
    if (!Urls.sameOrigin(request.getUrl(), endpoint)) {
      throw new IllegalStateException("Refusing to send an authorization code to "
          + Urls.shorten(request.getUrl().toString()) + ", which is not the configured endpoint.");
    }
    request.setBody((byte[]) secret);
  }

  @Override
  public HttpPipelinePosition getPipelinePosition() {
    return HttpPipelinePosition.PER_RETRY;
  }

  @Override
  public String toString() {
    return "SecretBodyPolicy[****]";
  }
}
