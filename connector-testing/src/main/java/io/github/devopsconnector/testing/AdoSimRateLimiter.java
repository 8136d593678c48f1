package io.github.devopsconnector.testing;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * A sliding-window budget per identity, in the spirit of Azure DevOps TSTUs: every admitted request costs one
 * unit, at most {@code budget} units fit in the window, and a refused request costs nothing.
 */
final class AdoSimRateLimiter {

  private final int budget;
  private final long windowNanos;
  private final Map<String, ArrayDeque<Long>> usage = new HashMap<>();

  AdoSimRateLimiter(int budget, Duration window) {
    this.budget = budget;
    this.windowNanos = window.toNanos();
  }

  int budget() {
    return budget;
  }

  synchronized Decision acquire(String identity, long nowNanos) {
    ArrayDeque<Long> times = usage.computeIfAbsent(identity, key -> new ArrayDeque<>());
    while (!times.isEmpty() && nowNanos - times.peekFirst() >= windowNanos) {
      times.pollFirst();
    }
    if (times.size() >= budget) {
      long untilOneFrees = times.peekFirst() + windowNanos - nowNanos;
      long untilEmpty = times.peekLast() + windowNanos - nowNanos;
      return new Decision(false, false, 0, untilOneFrees, untilEmpty);
    }
    times.addLast(nowNanos);
    int remaining = budget - times.size();
    // The service sends its headers "before requests start getting delayed": here, in the last fifth.
    boolean near = remaining * 5 < budget;
    long untilOneFrees = times.peekFirst() + windowNanos - nowNanos;
    return new Decision(true, near, remaining, untilOneFrees, windowNanos);
  }

  synchronized void reset() {
    usage.clear();
  }

  /**
   * What the limiter decided.
   *
   * @param allowed whether the request may proceed
   * @param near whether the identity is close to its budget (advisory headers on success)
   * @param remaining units left in the window after this request
   * @param untilOneFreesNanos time until the oldest unit leaves the window
   * @param untilEmptyNanos time until all usage leaves the window, if everything stopped now
   */
  record Decision(boolean allowed, boolean near, int remaining, long untilOneFreesNanos, long untilEmptyNanos) {}
}
