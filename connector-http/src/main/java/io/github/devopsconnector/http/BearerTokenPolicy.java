package io.github.devopsconnector.http;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import java.util.Locale;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * Authenticates with Microsoft Entra tokens for one scope through azure-core's
 * {@link BearerTokenAuthenticationPolicy} and its token cache, and tells the client's {@link SecretScrubber} every
 * token it sends, so that a server echoing it (or any error quoting it) is masked. azure-core refuses bearer tokens
 * over plain http; the clients only let http through to loopback hosts (a server on the same machine, simulators),
 * so for those requests this policy sets the header itself and skips azure-core's https check. Put it after an
 * {@link OriginGuardPolicy}: it authenticates whatever reaches it.
 */
public final class BearerTokenPolicy extends BearerTokenAuthenticationPolicy {
  private final String scope;
  private final SecretScrubber scrubber;
  private final HttpHeaders withToken;

  /**
   * A policy.
   *
   * @param credential the credential
   * @param scope the scope tokens are asked for, such as {@code https://management.azure.com/.default}
   * @param scrubber the client's scrubber
   * @param withToken headers every authenticated request carries besides the token (a service's own), or none
   */
  public BearerTokenPolicy(TokenCredential credential, String scope, SecretScrubber scrubber,
      HttpHeaders withToken) {
    super(credential, scope);
    this.scope = scope;
    this.scrubber = Objects.requireNonNull(scrubber, "scrubber");
    this.withToken = new HttpHeaders(Objects.requireNonNull(withToken, "withToken"));
  }

  @Override
  public void authorizeRequestSync(HttpPipelineCallContext context) {
    super.authorizeRequestSync(context);
    remember(context);
  }

  @Override
  public Mono<Void> authorizeRequest(HttpPipelineCallContext context) {
    return super.authorizeRequest(context).then(Mono.fromRunnable(() -> remember(context)));
  }

  private void remember(HttpPipelineCallContext context) {
    String value = context.getHttpRequest().getHeaders().getValue(HttpHeaderName.AUTHORIZATION);
    if (value != null && value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      scrubber.add(value.substring(7).trim());
    }
  }

  @Override
  public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
    withToken.forEach(header -> context.getHttpRequest().setHeader(HttpHeaderName.fromString(header.getName()),
        header.getValue()));
    if (isHttps(context)) {
      return super.processSync(context, next);
    }
    requireLoopback(context);
    authorizeRequestSync(context);
    return next.processSync();
  }

  @Override
  public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
    withToken.forEach(header -> context.getHttpRequest().setHeader(HttpHeaderName.fromString(header.getName()),
        header.getValue()));
    if (isHttps(context)) {
      return super.process(context, next);
    }
    return Mono.fromRunnable(() -> requireLoopback(context))
        .then(authorizeRequest(context))
        .then(Mono.defer(next::process));
  }

  private static boolean isHttps(HttpPipelineCallContext context) {
    return "https".equals(context.getHttpRequest().getUrl().getProtocol().toLowerCase(Locale.ROOT));
  }

  private static void requireLoopback(HttpPipelineCallContext context) {
    if (!Urls.isLoopbackHost(context.getHttpRequest().getUrl().getHost())) {
      throw new IllegalStateException("Refusing to send a Microsoft Entra token over http to a host that is not "
          + "a loopback address.");
    }
  }

  @Override
  public String toString() {
    return "BearerTokenPolicy[scope=" + scope + "]";
  }
}
