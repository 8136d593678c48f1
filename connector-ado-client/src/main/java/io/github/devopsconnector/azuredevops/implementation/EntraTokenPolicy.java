package io.github.devopsconnector.azuredevops.implementation;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import io.github.devopsconnector.http.SecretScrubber;
import java.util.Locale;
import reactor.core.publisher.Mono;

/**
 * Authenticates with Microsoft Entra tokens for Azure DevOps (scope {@value #SCOPE}) through azure-core's
 * {@link BearerTokenAuthenticationPolicy} and its token cache. azure-core refuses bearer tokens over plain http;
 * the builder only lets http through to loopback hosts (Azure DevOps Server on the same machine, simulators), so
 * for those requests this policy sets the header itself and skips azure-core's https check.
 *
 * <p>With a token it also sends {@code X-VSS-ForceMsaPassThrough: true}, as the Azure CLI's DevOps extension does
 * through the Python client's {@code force_msa_pass_through} option (microsoft/azure-devops-python-api#130): a
 * Microsoft account (MSA) signed in through Microsoft Entra carries an Entra token, and without the header the
 * service does not pass that MSA identity through, so its requests (projects, for one) fail
 * (Azure/azure-functions-devops-build#24). It is not sent with personal access tokens, where it changes nothing:
 * the token itself names the user.
 */
public final class EntraTokenPolicy extends BearerTokenAuthenticationPolicy {
  /** Lets the service pass a Microsoft account signed in through Microsoft Entra through to the organization. */
  static final HttpHeaderName FORCE_MSA_PASS_THROUGH = HttpHeaderName.fromString("X-VSS-ForceMsaPassThrough");
  /** The Azure DevOps resource's default scope. */
  public static final String SCOPE = "499b84ac-1321-427f-aa17-267ca6975798/.default";

  private final SecretScrubber scrubber;

  /** A policy that gets tokens from the credential. */
  public EntraTokenPolicy(TokenCredential credential) {
    this(credential, SecretScrubber.create());
  }

  /** A policy that gets tokens from the credential and tells the scrubber each token it sends. */
  public EntraTokenPolicy(TokenCredential credential, SecretScrubber scrubber) {
    super(credential, SCOPE);
    this.scrubber = scrubber;
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

  /** The token goes to the scrubber, so that a server echoing it (or any error quoting it) is masked. */
  private void remember(HttpPipelineCallContext context) {
    String value = context.getHttpRequest().getHeaders().getValue(HttpHeaderName.AUTHORIZATION);
    if (value != null && value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      scrubber.add(value.substring(7).trim());
    }
  }

  @Override
  public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
    context.getHttpRequest().setHeader(FORCE_MSA_PASS_THROUGH, "true");
    if (isHttps(context)) {
      return super.processSync(context, next);
    }
    requireLoopback(context);
    authorizeRequestSync(context);
    return next.processSync();
  }

  @Override
  public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
    context.getHttpRequest().setHeader(FORCE_MSA_PASS_THROUGH, "true");
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
    if (!io.github.devopsconnector.http.Urls.isLoopbackHost(context.getHttpRequest().getUrl().getHost())) {
      throw new IllegalStateException("Refusing to send a Microsoft Entra token over http to a host that is not "
          + "a loopback address.");
    }
  }

  @Override
  public String toString() {
    return "EntraTokenPolicy[scope=" + SCOPE + "]";
  }
}
