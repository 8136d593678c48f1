package io.github.devopsconnector.azuredevops.implementation;

import com.azure.core.http.HttpHeaders;
import com.azure.core.util.logging.ClientLogger;
import io.github.devopsconnector.http.Pacing;
import io.github.devopsconnector.http.RetryAfter;
import io.github.devopsconnector.http.RetrySettings;
import io.github.devopsconnector.http.Waits;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The per-client "not before" instant. Azure DevOps rate-limits the identity, not the request, so when any
 * response asks the client to slow down ({@code Retry-After}, also on a 200; {@code X-RateLimit-Delay};
 * {@code X-RateLimit-Remaining} at or near 0), every later request of the same client waits until then. Waits
 * are capped at the maximum delay. Thread-safe.
 *
 * <p>Near the budget's ceiling (the service sends {@code X-RateLimit-Limit}, {@code -Remaining} and {@code -Reset}
 * "before requests start getting delayed") the pacer keeps the client's own consumption under the limit, so that
 * delays, and past them 429s, do not start: the budget is {@code Limit} TSTUs in a sliding window that ends about at
 * {@code Reset}; the TSTUs used ({@code Limit - Remaining}) over the client's requests answered in that window and
 * sent no later than the answered one give the cost of one request; and a request may start only when fewer than 95%
 * of the limit's worth of the client's own requests were sent in the window before it (the 5% cover parallel
 * requests that reach the service in another order than they were sent). So after a burst the client waits for the burst to leave the window, and in a
 * steady run it sends as fast as the window gives TSTUs back: close to the ceiling, never above it. Another
 * consumer of the same identity makes the cost look higher, which only makes the client more careful.
 */
public final class Pacer implements Pacing {
  private static final ClientLogger LOGGER = new ClientLogger(Pacer.class);

  private final RetrySettings settings;
  private final Waits waits;
  private final AtomicReference<Instant> notBefore = new AtomicReference<>(Instant.MIN);
  /** When the client's recent requests started, for the budget model; a ring, oldest overwritten. */
  private final long[] starts = new long[MAX_TRACKED];
  private int startCount;
  private int startHead;
  /** When the client's recent answers came back: each was counted by the service by then. */
  private final long[] answers = new long[MAX_TRACKED];
  /** When the request of each of {@link #answers} was sent. */
  private final long[] answersSent = new long[MAX_TRACKED];
  private int answerCount;
  private int answerHead;
  /** Requests allowed per window near the ceiling, and the window; 0 when the budget is not near. Guarded by this. */
  private int allowedPerWindow;
  private long windowNanos;
  /** The shortest time from an answer to its reset while near the ceiling: the window, to within a little. */
  private long shortestWindowNanos = Long.MAX_VALUE;
  /** When an answer last said the budget was near its ceiling; {@code Long.MIN_VALUE} before any did. */
  private long nearSeenNanos = Long.MIN_VALUE;

  /** How many request starts the budget model remembers. */
  static final int MAX_TRACKED = 16_384;
  /** The share of the limit the client spends at most near the ceiling, in percent. */
  static final int SPEND_PERCENT = 95;
  /** The resolution of {@code X-RateLimit-Reset} (Unix epoch seconds), in nanoseconds. */
  private static final long RESET_RESOLUTION_NANOS = 1_000_000_000L;
  /** Windows longer than this are not believed (the service documents five minutes). */
  private static final Duration LONGEST_WINDOW = Duration.ofHours(1);

  /** A pacer whose waits are capped at the settings' maximum delay, on the clock of the time hooks. */
  public Pacer(RetrySettings settings, Waits waits) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.waits = Objects.requireNonNull(waits, "waits");
  }

  /** How long the next request must still wait; zero when it may go now. */
  @Override
  public Duration pendingWait() {
    Instant now = waits.now();
    Instant until = notBefore.get();
    if (!until.isAfter(now)) {
      return Duration.ZERO;
    }
    Duration wait = Duration.between(now, until);
    return wait.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : wait;
  }

  /**
   * Takes the next request's turn and returns how long it must wait for it: at least {@link #pendingWait()}, and
   * near the budget's ceiling until the window has room for it. The turn counts as a start of a request.
   */
  @Override
  public Duration reserveTurn() {
    Instant now = waits.now();
    Duration wait = pendingWait();
    long nowNanos = nanos(now);
    long turn = nowNanos + wait.toNanos();
    synchronized (this) {
      if (allowedPerWindow > 0 && startCount >= allowedPerWindow) {
        long nthMostRecent = starts[Math.floorMod(startHead - allowedPerWindow, MAX_TRACKED)];
        turn = Math.max(turn, nthMostRecent + windowNanos);
      }
      starts[startHead] = turn;
      startHead = (startHead + 1) % MAX_TRACKED;
      startCount = Math.min(startCount + 1, MAX_TRACKED);
    }
    Duration total = Duration.ofNanos(Math.max(0, turn - nowNanos));
    return total.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : total;
  }

  /** Requests the client may start per window now; 0 when the budget is not near its ceiling. */
  public synchronized int allowedPerWindow() {
    return allowedPerWindow;
  }

  private static long nanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }

  /**
   * Reads a response's pacing headers and moves the "not before" instant forward accordingly.
   */
  public void observe(HttpHeaders headers) {
    observe(headers, null);
  }

  /**
   * Like {@link #observe(HttpHeaders)}, for the answer to a request sent at {@code sentAt}: the service counted the
   * request after it was sent, so {@code X-RateLimit-Reset} minus the sending time bounds the window from above
   * however long the answer took to arrive.
   */
  @Override
  public void observe(HttpHeaders headers, Instant sentAt) {
    if (headers == null) {
      return;
    }
    Instant now = waits.now();
    Instant from = sentAt != null && !sentAt.isAfter(now) ? sentAt : now;
    synchronized (this) {
      answers[answerHead] = nanos(now);
      answersSent[answerHead] = nanos(from);
      answerHead = (answerHead + 1) % MAX_TRACKED;
      answerCount = Math.min(answerCount + 1, MAX_TRACKED);
    }
    Duration pace = Duration.ZERO;
    Optional<Duration> retryAfter = RetryAfter.of(headers, now);
    if (retryAfter.isPresent()) {
      pace = max(pace, retryAfter.get());
    }
    Optional<Duration> delay = RateLimitHeaders.delay(headers);
    if (delay.isPresent()) {
      // The service held this request back that long; hold the next one back as much, so as not to pile on.
      pace = max(pace, delay.get());
    }
    Optional<Long> remaining = RateLimitHeaders.remaining(headers);
    Optional<Long> limit = RateLimitHeaders.limit(headers);
    Optional<Instant> reset = RateLimitHeaders.reset(headers);
    boolean modelled = false;
    if (remaining.isPresent() && limit.isPresent() && limit.get() > 0 && reset.isPresent()
        && retryAfter.isEmpty() && delay.isEmpty()) {
      modelled = model(limit.get(), remaining.get(), Duration.between(from, reset.get()), nanos(from), now);
    }
    if (!modelled && remaining.isPresent()) {
      if (remaining.get() <= 0) {
        pace = max(pace, settings.baseDelay());
      } else if (limit.isPresent() && limit.get() > 0 && remaining.get() * 10 < limit.get()) {
        // Less than a tenth of the budget left and no reset time to plan with: slow down a little.
        pace = max(pace, settings.baseDelay().dividedBy(4));
      }
    }
    if (remaining.isEmpty() && delay.isEmpty() && retryAfter.isEmpty()) {
      // The service sends the headers only near the ceiling: without them, the budget is far from used up. But
      // only an answer to a request sent after the last near answer came says so: with requests in parallel, an
      // older request (counted before the budget got near) may be answered after a newer one, and must not switch
      // the pacing off while the window is full.
      synchronized (this) {
        if (sentAt == null || nanos(sentAt) > nearSeenNanos) {
          allowedPerWindow = 0;
          shortestWindowNanos = Long.MAX_VALUE;
        }
      }
    } else {
      synchronized (this) {
        nearSeenNanos = Math.max(nearSeenNanos, nanos(now));
      }
    }
    if (pace.isZero()) {
      return;
    }
    if (pace.compareTo(settings.maxDelay()) > 0) {
      pace = settings.maxDelay();
    }
    Instant until = now.plus(pace);
    Instant updated = notBefore.accumulateAndGet(until, (a, b) -> a.isAfter(b) ? a : b);
    Duration finalPace = pace;
    LOGGER.atVerbose()
        .addKeyValue("waitMillis", finalPace.toMillis())
        .addKeyValue("resource", RateLimitHeaders.resource(headers).orElse(""))
        .addKeyValue("notBefore", updated.toString())
        .log("Azure DevOps asked the client to slow down; later requests wait.");
  }

  /**
   * Plans near the ceiling: from the limit, what is left, and the window (until the reset), how many of the
   * client's requests fit in a window. False when the figures cannot be planned with.
   */
  private synchronized boolean model(long limit, long remaining, Duration window, long sentNanos, Instant now) {
    if (window.isNegative() || window.isZero() || window.compareTo(LONGEST_WINDOW) > 0) {
      return false;
    }
    long nowNanos = nanos(now);
    // X-RateLimit-Reset is in whole seconds, so one answer tells the window only to within a second; the request was
    // counted after it was sent, so the window is never longer than from the sending to the reset, and the shortest
    // such time seen so far is the closest estimate.
    shortestWindowNanos = Math.min(shortestWindowNanos, window.toNanos());
    // Until many answers narrowed it down, the estimate may still be up to a second long: count the answers over a
    // second less, which can only make a request look dearer.
    long counted = shortestWindowNanos > 2 * RESET_RESOLUTION_NANOS
        ? shortestWindowNanos - RESET_RESOLUTION_NANOS : shortestWindowNanos / 2;
    long from = nowNanos - counted;
    // Requests answered in the window and sent no later than this one: the service had counted each of them when it
    // counted this one (and perhaps some still in flight, which only makes a request look dearer). An answer to a
    // request sent later may have come back first, with parallel requests; the usage this answer carries does not
    // include it, so counting it would make a request look cheaper than it is, and a burst one request too long.
    int sent = 0;
    for (int i = 1; i <= answerCount; i++) {
      int index = Math.floorMod(answerHead - i, MAX_TRACKED);
      if (answers[index] <= from) {
        break;
      }
      if (answersSent[index] <= sentNanos) {
        sent++;
      }
    }
    long used = Math.max(0, limit - Math.max(0, remaining));
    if (sent == 0 || used == 0) {
      return false;
    }
    double cost = (double) used / sent;
    long allowed = (long) Math.floor(limit * SPEND_PERCENT / 100.0 / cost);
    if (allowed >= MAX_TRACKED) {
      // More than the model remembers fit in a window: far from the ceiling in practice.
      allowedPerWindow = 0;
      return true;
    }
    allowedPerWindow = (int) Math.max(1, allowed);
    // The estimate may be short by the time the answer took to arrive; a request that came even a little early would
    // be delayed, and a delay asks for a whole second of Retry-After: wait a fiftieth of the window longer.
    windowNanos = shortestWindowNanos + shortestWindowNanos / 50;
    return true;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
