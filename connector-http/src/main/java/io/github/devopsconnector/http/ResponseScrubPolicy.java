package io.github.devopsconnector.http;

import com.azure.core.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Masks the client's secrets in response bodies before azure-core's HTTP logging sees them: a server that echoes the
 * token in an error message (a service's "Bad credentials", a proxy) must not put it into the log when the caller logs
 * bodies. The last policy of the pipeline, right before the HTTP client, so that the logging policy above it reads
 * the masked body; only in pipelines that log bodies (it reads each body whole).
 */
public final class ResponseScrubPolicy extends ResponseRewritePolicy {
  private final SecretScrubber scrubber;

  /**
   * A policy.
   *
   * @param scrubber the client's scrubber, which knows its secrets
   */
  public ResponseScrubPolicy(SecretScrubber scrubber) {
    this.scrubber = scrubber;
  }

  @Override
  protected HttpResponse rewrite(HttpResponse response) {
    byte[] body = response.getBodyAsBinaryData().toBytes();
    String text = new String(body, StandardCharsets.UTF_8);
    String masked = scrubber.scrub(text);
    byte[] kept = masked.equals(text) ? body : masked.getBytes(StandardCharsets.UTF_8);
    response.close();
    return DetachedResponse.of(response.getRequest(), response.getStatusCode(), response.getHeaders(), kept,
        scrubber);
  }

  @Override
  public String toString() {
    return "ResponseScrubPolicy";
  }
}
