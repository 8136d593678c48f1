package io.github.devopsconnector.testing;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The answers of the Azure DevOps rate limit, as "Rate and usage limits"
 * (https://learn.microsoft.com/azure/devops/integrate/concepts/rate-limits) documents them.
 */
final class AdoSimRateHeaders {

  static final String RATE_RESOURCE = "Core";

  private AdoSimRateHeaders() {}

  /**
   * A blocked request: 429 with {@code TF400733} and {@code Retry-After}, as "Rate and usage limits" documents;
   * {@code X-RateLimit-Remaining} is 0 ("If requests are already delayed or blocked, it's 0"). No
   * {@code X-RateLimit-Delay}: a blocked request was not delayed.
   */
  static AdoSimReply throttled(double retrySeconds, double limit, double resetSeconds) {
    AdoSimReply reply = AdoSimReply.error(429, "TF400733: The request has been canceled: Request was blocked due to exceeding "
        + "usage of resource '" + RATE_RESOURCE + "' in namespace 'User'.",
        "Microsoft.TeamFoundation.Framework.Server.RequestBlockedException, "
            + "Microsoft.TeamFoundation.Framework.Server", "RequestBlockedException");
    reply = reply.withHeader("Retry-After", Long.toString(Math.max(1, (long) Math.ceil(retrySeconds))));
    for (Map.Entry<String, String> header : rateHeaders(0, limit, resetSeconds).entrySet()) {
      reply = reply.withHeader(header.getKey(), header.getValue());
    }
    return reply;
  }

  /**
   * The headers of a served request near or past the limit. "Except for X-RateLimit-Delay, all these headers are
   * sent before requests start getting delayed"; {@code X-RateLimit-Delay} and {@code Retry-After} (which "still
   * returns HTTP 200") only once the request was held back.
   */
  static Map<String, String> rateHeaders(AdoSimRateLimiter.Decision decision, double limit) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (decision.delayNanos() > 0) {
      headers.put("Retry-After", Long.toString(Math.max(1, (long) Math.ceil(seconds(decision.retryAfterNanos())))));
      headers.put("X-RateLimit-Delay", String.format(Locale.ROOT, "%.3f", seconds(decision.delayNanos())));
    }
    headers.putAll(rateHeaders(decision.remaining(), limit, seconds(decision.untilEmptyNanos())));
    return headers;
  }

  /** {@code X-RateLimit-Resource}, {@code -Limit}, {@code -Remaining} and {@code -Reset} (Unix epoch seconds). */
  private static Map<String, String> rateHeaders(long remaining, double limit, double resetSeconds) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-RateLimit-Resource", RATE_RESOURCE);
    headers.put("X-RateLimit-Limit", Long.toString((long) Math.floor(limit)));
    headers.put("X-RateLimit-Remaining", Long.toString(remaining));
    long reset = (long) Math.ceil((System.currentTimeMillis() + resetSeconds * 1000) / 1000.0);
    headers.put("X-RateLimit-Reset", Long.toString(reset));
    return headers;
  }

  static double seconds(long nanos) {
    return Duration.ofNanos(Math.max(0, nanos)).toMillis() / 1000.0;
  }
}
