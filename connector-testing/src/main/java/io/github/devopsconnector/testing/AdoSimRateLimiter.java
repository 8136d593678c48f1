package io.github.devopsconnector.testing;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The Azure DevOps global consumption limit, per identity, as "Rate and usage limits"
 * (https://learn.microsoft.com/azure/devops/integrate/concepts/rate-limits) documents it:
 * <ul>
 *   <li>consumption is counted in TSTUs in a sliding window ("200 TSTUs within any sliding five-minute window");
 *       every request costs {@code cost} TSTUs when it is served;</li>
 *   <li>up to the limit nothing is held back; past it requests are delayed ("Delays range from a few milliseconds
 *       per request up to 30 seconds"): a request waits until the window's usage is back at the limit, so the
 *       longer consumption stays high, the longer the delays;</li>
 *   <li>a request that would have to wait longer than the longest delay is blocked (429, {@code TF400733}) and
 *       costs nothing.</li>
 * </ul>
 * The service sends its headers "before requests start getting delayed"; when is not documented, so here it is once
 * the window holds {@value #NEAR_PERCENT}% of the limit.
 */
final class AdoSimRateLimiter implements SimulatorCounters.Budget {

  /** From what share of the limit on the 200 responses carry the {@code X-RateLimit-*} headers. */
  static final int NEAR_PERCENT = 80;

  private final double limit;
  private final double cost;
  private final long windowNanos;
  private final long maxDelayNanos;
  private final Map<String, Usage> usage = new HashMap<>();
  private double peakUsage;
  private long delayed;

  AdoSimRateLimiter(double limit, Duration window, double cost, Duration maxDelay) {
    this.limit = limit;
    this.cost = cost;
    this.windowNanos = window.toNanos();
    this.maxDelayNanos = maxDelay.toNanos();
  }

  double limit() {
    return limit;
  }

  /** The most TSTUs any identity had in its window at once since the last reset. */
  synchronized double peakUsage() {
    return peakUsage;
  }

  @Override
  public double peakShare() {
    return peakUsage() / limit;
  }

  /** Responses that were delayed since the last reset. */
  synchronized long delayedResponses() {
    return delayed;
  }

  synchronized Decision acquire(String identity, long nowNanos) {
    Usage window = usage.computeIfAbsent(identity, key -> new Usage());
    window.expire(nowNanos - windowNanos);
    long delay = window.sum + cost <= limit + 1e-9 ? 0 : window.untilAtMost(limit - cost, windowNanos, nowNanos);
    if (delay > maxDelayNanos) {
      long untilEmpty = window.newest() + windowNanos - nowNanos;
      return new Decision(false, false, 0, 0, delay, untilEmpty);
    }
    long servedAt = Math.max(nowNanos + delay, window.newest());
    window.add(servedAt, cost);
    double now = window.sum;
    peakUsage = Math.max(peakUsage, Math.min(now, limit + cost));
    if (delay > 0) {
      delayed++;
    }
    boolean near = delay > 0 || now * 100 >= limit * NEAR_PERCENT;
    long remaining = delay > 0 ? 0 : (long) Math.floor(Math.max(0, limit - now) + 1e-9);
    long untilEmpty = servedAt + windowNanos - nowNanos;
    long retryAfter = delay > 0 ? window.untilAtMost(limit - cost, windowNanos, nowNanos) : 0;
    return new Decision(true, near, remaining, delay, retryAfter, untilEmpty);
  }

  /** Restarts the peak and the delayed count; the usage stays. */
  @Override
  public synchronized void resetPeak() {
    peakUsage = 0;
    delayed = 0;
  }

  synchronized void reset() {
    usage.clear();
    peakUsage = 0;
    delayed = 0;
  }

  /**
   * What the limiter decided.
   *
   * @param allowed whether the request is served (perhaps after a delay) rather than blocked
   * @param near whether the response carries the {@code X-RateLimit-*} headers
   * @param remaining whole TSTUs left before delays; 0 when delayed or blocked, as the service documents
   * @param delayNanos how long the request is held back before it is served
   * @param retryAfterNanos for a delayed or blocked request, how long until a request would not be held back
   * @param untilEmptyNanos how long until the usage is back to 0 if consumption stopped now
   */
  record Decision(boolean allowed, boolean near, long remaining, long delayNanos, long retryAfterNanos,
      long untilEmptyNanos) {}

  /** One identity's consumption: when each request was served and what it cost, oldest first. */
  private static final class Usage {
    private final ArrayDeque<long[]> served = new ArrayDeque<>();
    private final ArrayDeque<Double> costs = new ArrayDeque<>();
    private double sum;

    void expire(long before) {
      while (!served.isEmpty() && served.peekFirst()[0] <= before) {
        served.pollFirst();
        sum -= costs.pollFirst();
      }
      if (served.isEmpty()) {
        sum = 0;
      }
    }

    void add(long at, double cost) {
      served.addLast(new long[] {at});
      costs.addLast(cost);
      sum += cost;
    }

    long newest() {
      return served.isEmpty() ? Long.MIN_VALUE / 2 : served.peekLast()[0];
    }

    /** How long from now until the usage is at most {@code target}, as the oldest entries leave the window. */
    long untilAtMost(double target, long windowNanos, long nowNanos) {
      double left = sum;
      var times = served.iterator();
      var amounts = costs.iterator();
      while (left > target + 1e-9 && times.hasNext()) {
        long at = times.next()[0];
        left -= amounts.next();
        if (left <= target + 1e-9) {
          return Math.max(0, at + windowNanos - nowNanos);
        }
      }
      return 0;
    }
  }
}
