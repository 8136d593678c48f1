package io.github.devopsconnector.http;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.policy.HttpPipelineSyncPolicy;
import java.util.Objects;
import java.util.Set;

/**
 * Runs right before the authentication policy: a request may only go to one of the configured endpoints' origins
 * (and so only over https, or http to loopback), and it never carries an {@code Authorization} header set by
 * anything else. The clients never follow redirects, so this holds for every request that leaves.
 */
public final class OriginGuardPolicy extends HttpPipelineSyncPolicy {
  private final Set<String> origins;
  private final String service;

  /**
   * A guard for these origins.
   *
   * @param origins the origins, as {@link Urls#origin(java.net.URI)} writes them
   * @param service the service's name, for messages ({@code "Azure DevOps"})
   */
  public OriginGuardPolicy(Set<String> origins, String service) {
    this.origins = Set.copyOf(Objects.requireNonNull(origins, "origins"));
    this.service = Objects.requireNonNull(service, "service");
  }

  @Override
  protected void beforeSendingRequest(HttpPipelineCallContext context) {
    String origin = Urls.origin(context.getHttpRequest().getUrl());
    if (!origins.contains(origin)) {
      throw new IllegalStateException("Refusing to send credentials to " + origin
          + ", which is not one of the configured " + service + " endpoints.");
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
