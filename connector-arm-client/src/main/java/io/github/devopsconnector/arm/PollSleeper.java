package io.github.devopsconnector.arm;

import java.time.Duration;

/**
 * Waits between polls of a long-running operation. The default sleeps; tests pass one that records the delays and
 * returns at once.
 */
@FunctionalInterface
public interface PollSleeper {

  /**
   * Waits this long.
   *
   * @throws InterruptedException if the thread was interrupted
   */
  void sleep(Duration duration) throws InterruptedException;

  /** The sleeper that sleeps the calling thread. */
  static PollSleeper system() {
    return duration -> Thread.sleep(duration.toMillis());
  }
}
