package io.github.devopsconnector.azuredevops.implementation;

import java.time.Duration;

/** Waits. Replaceable so that tests can record waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

  /** Sleeps on the current thread. */
  Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

  /**
   * Waits for the duration.
   *
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;
}
