package io.github.devopsconnector.http;

import io.github.devopsconnector.core.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The time hooks of a client: the {@link Clock} it reads time from (when a pause ends, how old a
 * {@code Retry-After} date is) and the {@link Sleeper} that waits between retries and while pacing. Tests pass a
 * virtual pair so that waits cost no real time.
 */
public final class Waits {
  private final Clock clock;
  private final Sleeper sleeper;

  /**
   * Time hooks.
   *
   * @param clock the clock
   * @param sleeper the sleeper
   */
  public Waits(Clock clock, Sleeper sleeper) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  /**
   * The system clock (UTC) and a sleeper that sleeps the calling thread.
   *
   * @return the hooks
   */
  public static Waits system() {
    return new Waits(Clock.systemUTC(), Sleeper.system());
  }

  /**
   * The clock.
   *
   * @return the clock
   */
  public Clock clock() {
    return clock;
  }

  /**
   * The current instant, from the clock.
   *
   * @return the instant
   */
  public Instant now() {
    return clock.instant();
  }

  /**
   * Waits for the duration (nothing for zero or less).
   *
   * @param duration the wait
   * @throws WaitInterruptedException if the thread is interrupted while waiting; its interrupt flag is set again
   */
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

  /** Thrown when a wait is interrupted; the thread's interrupt flag is set again. */
  public static final class WaitInterruptedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WaitInterruptedException(InterruptedException cause) {
      super("Interrupted while waiting before a request.", cause);
    }
  }
}
