package io.github.devopsconnector.arm.implementation;

import io.github.devopsconnector.http.Urls;
import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.policy.HttpPipelineSyncPolicy;
import io.github.devopsconnector.http.HeaderValues;
import java.net.URL;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * Adds {@code Authorization: Bearer <token>} for the ARM scope, but only to requests for the configured endpoint's
 * origin: a link or operation URL on another host gets no credentials. Unlike azure-core's
 * {@code BearerTokenAuthenticationPolicy}, it allows plain http, and only to a loopback host (a local simulator).
 * Tokens are cached until shortly before they expire.
 */
public final class ArmTokenPolicy extends HttpPipelineSyncPolicy {

  private static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofMinutes(2);

  private final TokenCredential credential;
  private final TokenRequestContext tokenRequest;
  private final URL endpoint;
  private AccessToken cached;

  /** A policy for this credential, scope and endpoint. */
  public ArmTokenPolicy(TokenCredential credential, String scope, URL endpoint) {
    this.credential = Objects.requireNonNull(credential, "credential");
    this.tokenRequest = new TokenRequestContext().addScopes(scope);
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
  }

  @Override
  protected void beforeSendingRequest(HttpPipelineCallContext context) {
    HttpRequest request = context.getHttpRequest();
    request.getHeaders().remove(HttpHeaderName.AUTHORIZATION);
    URL url = request.getUrl();
    if (!Urls.sameOrigin(url, endpoint)) {
      return;
    }
    if (!"https".equalsIgnoreCase(url.getProtocol()) && !Urls.isLoopbackHost(url.getHost())) {
      throw new IllegalStateException("Credentials are sent only over HTTPS (or to a loopback host); refusing "
          + Urls.shorten(url.toString()) + ".");
    }
    String token = token();
    // The JDK would refuse a token with a control character with the whole header in its message; refuse it first.
    java.util.Optional<String> problem = HeaderValues.problem("Authorization", "Bearer " + token);
    if (problem.isPresent()) {
      throw new IllegalStateException("The credential returned a token that cannot be sent: " + problem.get());
    }
    request.setHeader(HttpHeaderName.AUTHORIZATION, "Bearer " + token);
  }

  private synchronized String token() {
    OffsetDateTime now = OffsetDateTime.now();
    if (cached == null || cached.getExpiresAt() == null
        || !cached.getExpiresAt().minus(REFRESH_BEFORE_EXPIRY).isAfter(now)) {
      AccessToken fresh = credential.getTokenSync(tokenRequest);
      if (fresh == null || fresh.getToken() == null || fresh.getToken().isBlank()) {
        throw new IllegalStateException("The credential returned no token for the Azure Resource Manager scope.");
      }
      cached = fresh;
    }
    return cached.getToken();
  }

  @Override
  public HttpPipelinePosition getPipelinePosition() {
    return HttpPipelinePosition.PER_RETRY;
  }

  @Override
  public String toString() {
    return "ArmTokenPolicy[" + endpoint.getHost() + ", ****]";
  }
}
