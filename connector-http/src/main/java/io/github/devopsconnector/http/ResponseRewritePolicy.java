package io.github.devopsconnector.http;

import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import reactor.core.publisher.Mono;

/**
 * A per-attempt policy that hands on the response below it, perhaps rewritten, synchronously and reactively alike.
 */
public abstract class ResponseRewritePolicy implements HttpPipelinePolicy {

  /** A policy. */
  protected ResponseRewritePolicy() {}

  /**
   * The response to hand on instead of this one (or this one).
   *
   * @param response the response from below
   * @return the response to hand on
   */
  protected abstract HttpResponse rewrite(HttpResponse response);

  @Override
  public final HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
    return rewrite(next.processSync());
  }

  @Override
  public final Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
    return next.process().map(this::rewrite);
  }

  @Override
  public final HttpPipelinePosition getPipelinePosition() {
    return HttpPipelinePosition.PER_RETRY;
  }
}
