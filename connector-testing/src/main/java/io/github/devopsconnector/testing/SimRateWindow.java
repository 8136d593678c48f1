package io.github.devopsconnector.testing;

import java.time.Duration;
import java.time.Instant;

/**
 * A fixed-window request quota, as GitHub's primary rate limit and GitLab's per-user limit count: at most
 * {@code limit} requests from the start of a window of {@code window}; the next window starts with the first request
 * after it ends. Thread-safe.
 */
final class SimRateWindow {

  /**
   * One request's turn.
   *
   * @param allowed whether it is within the quota
   * @param used the requests of the window, this one included when allowed
   * @param limit the quota
   * @param resetEpoch when the window ends, in epoch seconds
   */
  record Turn(boolean allowed, int used, int limit, long resetEpoch) {
    /** The requests left in the window. */
    int remaining() {
      return Math.max(0, limit - used);
    }

    /** Whole seconds until the window ends, at least one. */
    long secondsToReset() {
      return Math.max(1, resetEpoch - Instant.now().getEpochSecond());
    }
  }

  private final int limit;
  private final long windowMillis;
  private long start = System.currentTimeMillis();
  private int used;

  SimRateWindow(int limit, Duration window) {
    this.limit = limit;
    this.windowMillis = window.toMillis();
  }

  /** Counts a request, unless the window's quota is used up. */
  synchronized Turn take() {
    long now = System.currentTimeMillis();
    if (now - start >= windowMillis) {
      start = now;
      used = 0;
    }
    long resetEpoch = (start + windowMillis + 999) / 1000;
    if (used >= limit) {
      return new Turn(false, used, limit, resetEpoch);
    }
    used++;
    return new Turn(true, used, limit, resetEpoch);
  }
}
