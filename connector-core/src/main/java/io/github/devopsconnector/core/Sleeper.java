package io.github.devopsconnector.core;

import java.time.Duration;

/**
 * Waits on behalf of the SDK's clients: between retries, while pacing under a rate limit, between polls of a
 * long-running operation. The clients' builders take one ({@code sleeper(Sleeper)}) together with a
 * {@link java.time.Clock}; the default sleeps the calling thread. Tests pass a virtual one, such as
 * {@code VirtualTime} of connector-testing, so that a run with throttling and {@code Retry-After} does the same
 * requests in the same order without waiting.
 */
@FunctionalInterface
public interface Sleeper {

  /**
   * Waits for the duration; returns at once for zero.
   *
   * @param duration how long, zero or positive
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;

  /**
   * The sleeper that sleeps the calling thread.
   *
   * @return the system sleeper
   */
  static Sleeper system() {
    return duration -> {
      if (!duration.isNegative() && !duration.isZero()) {
        Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
      }
    };
  }
}
