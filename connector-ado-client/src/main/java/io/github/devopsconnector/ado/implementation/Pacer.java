package io.github.devopsconnector.ado.implementation;

import com.azure.core.http.HttpHeaders;
import com.azure.core.util.logging.ClientLogger;
import java.time.Clock;
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
 */
public final class Pacer {
  private static final ClientLogger LOGGER = new ClientLogger(Pacer.class);

  /** Requests are spaced out once less than 1/RESERVE_DIVISOR of the budget is left. */
  static final int RESERVE_DIVISOR = 20;
  /** ...or fewer than this many TSTUs: about as many requests as a discovery has in flight at once. */
  static final int MIN_RESERVE = 16;

  private final RetrySettings settings;
  private final Clock clock;
  private final Sleeper sleeper;
  private final AtomicReference<Instant> notBefore = new AtomicReference<>(Instant.MIN);
  /** The gap between request starts while the budget is nearly used up; zero otherwise. */
  private final AtomicReference<Duration> spacing = new AtomicReference<>(Duration.ZERO);

  /** A pacer that reads time from the clock and waits with the sleeper. */
  public Pacer(RetrySettings settings, Clock clock, Sleeper sleeper) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  /** The settings. */
  public RetrySettings settings() {
    return settings;
  }

  /** The current instant. */
  public Instant now() {
    return clock.instant();
  }

  /** How long the next request must still wait; zero when it may go now. */
  public Duration pendingWait() {
    Instant now = clock.instant();
    Instant until = notBefore.get();
    if (!until.isAfter(now)) {
      return Duration.ZERO;
    }
    Duration wait = Duration.between(now, until);
    return wait.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : wait;
  }

  /** Waits until the next request may go (its turn, while requests are spaced out). */
  public void awaitTurn() {
    sleep(reserveTurn());
  }

  /**
   * Takes the next request's turn and returns how long it must wait for it. While the service reports its budget
   * nearly used up, turns are {@link #spacing()} apart, so that requests waiting together do not all start at once
   * when the wait ends; otherwise this is {@link #pendingWait()}.
   */
  public Duration reserveTurn() {
    Duration gap = spacing.get();
    if (gap.isZero()) {
      return pendingWait();
    }
    Instant now = clock.instant();
    while (true) {
      Instant current = notBefore.get();
      Instant turn = current.isAfter(now) ? current : now;
      if (notBefore.compareAndSet(current, turn.plus(gap))) {
        Duration wait = Duration.between(now, turn);
        return wait.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : wait;
      }
    }
  }

  /** The gap kept between request starts now; zero unless the budget is nearly used up. */
  public Duration spacing() {
    return spacing.get();
  }

  /** Waits for the duration (nothing for zero). */
  public void sleep(Duration duration) {
    if (duration.isZero() || duration.isNegative()) {
      return;
    }
    try {
      sleeper.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WaitInterruptedException(e);
    }
  }

  /**
   * Reads a response's pacing headers and moves the "not before" instant forward accordingly. Does nothing when
   * the settings say not to honor them.
   */
  public void observe(HttpHeaders headers) {
    if (!settings.honorRetryAfter() || headers == null) {
      return;
    }
    Instant now = clock.instant();
    Duration pace = Duration.ZERO;
    Optional<Duration> retryAfter = RateLimitHeaders.retryAfter(headers, now);
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
    if (remaining.isPresent()) {
      if (remaining.get() <= 0) {
        pace = max(pace, settings.baseDelay());
      }
      if (limit.isPresent() && limit.get() > 0
          && (remaining.get() * RESERVE_DIVISOR < limit.get() || remaining.get() < MIN_RESERVE)) {
        // Less than a twentieth of the budget left: spread what is left over the time until X-RateLimit-Reset, so
        // that delays (and, past them, 429s) do not start. Nothing is sure to leave the sliding window before then
        // (a burst leaves it all at once), and the cost of a request is not sent, so it counts as one TSTU, which
        // simple reads do not exceed. With more left, requests go unspaced again: usage stays near the ceiling.
        spacing.set(spacingFor(remaining.get(), RateLimitHeaders.reset(headers), now));
      } else {
        spacing.set(Duration.ZERO);
      }
    } else if (delay.isEmpty() && retryAfter.isEmpty()) {
      // The service sends the headers only near the limit: without them, the budget is far from used up.
      spacing.set(Duration.ZERO);
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

  /** The gap that spends the remaining units (and one more) by the reset. */
  private Duration spacingFor(long remaining, Optional<Instant> reset, Instant now) {
    long units = Math.max(0, remaining) + 1;
    Duration gap = reset.filter(r -> r.isAfter(now)).map(r -> Duration.between(now, r).dividedBy(units))
        .orElse(settings.baseDelay().dividedBy(4));
    return gap.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : gap;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** Thrown when a wait is interrupted; the thread's interrupt flag is set again. */
  public static final class WaitInterruptedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WaitInterruptedException(InterruptedException cause) {
      super("Interrupted while waiting before an Azure DevOps request.", cause);
    }
  }
}
