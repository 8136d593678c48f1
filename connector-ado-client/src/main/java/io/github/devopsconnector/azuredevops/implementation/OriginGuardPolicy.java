package io.github.devopsconnector.azuredevops.implementation;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.policy.HttpPipelineSyncPolicy;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Set;

/**
 * Runs right before the authentication policy: a request may only go to one of the configured endpoints' origins
 * (and so only over https, or http to loopback), and it never carries an {@code Authorization} header set by
 * anything else. Redirects are never followed by the client, so this holds for every request that leaves.
 */
public final class OriginGuardPolicy extends HttpPipelineSyncPolicy {
  private final Set<String> origins;

  /** A guard for these origins ({@code scheme://host:port}, lower case). */
  public OriginGuardPolicy(Set<String> origins) {
    this.origins = Set.copyOf(Objects.requireNonNull(origins, "origins"));
  }

  @Override
  protected void beforeSendingRequest(HttpPipelineCallContext context) {
    String origin;
    try {
      origin = AdoEndpoints.origin(context.getHttpRequest().getUrl().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("The request URL is not a valid URI.", e);
    }
    if (!origins.contains(origin)) {
      throw new IllegalStateException("Refusing to send credentials to " + origin
          + ", which is not one of the configured Azure DevOps endpoints.");
    }
    context.getHttpRequest().getHeaders().remove(HttpHeaderName.AUTHORIZATION);
  }

  @Override
  public HttpPipelinePosition getPipelinePosition() {
    return HttpPipelinePosition.PER_RETRY;
  }

  @Override
  public String toString() {
    return "OriginGuardPolicy" + origins;
  }
}
