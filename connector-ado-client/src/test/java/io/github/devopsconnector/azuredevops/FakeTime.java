package io.github.devopsconnector.azuredevops;

import io.github.devopsconnector.core.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A clock that only moves when the client sleeps or a test moves it; records every sleep. */
public final class FakeTime extends Clock implements Sleeper {
  private volatile Instant now;
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  /** A clock at {@code start}. */
  public FakeTime(Instant start) {
    this.now = start;
  }

  /** A clock at a fixed instant. */
  public FakeTime() {
    this(Instant.parse("2026-11-21T10:00:00Z"));
  }

  @Override
  public synchronized void sleep(Duration duration) {
    sleeps.add(duration);
    now = now.plus(duration);
  }

  /** Moves the clock to {@code instant} (forward or back), as a test says time has passed. */
  public synchronized void moveTo(Instant instant) {
    now = instant;
  }

  /** Every sleep so far. */
  List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  /** The sum of the sleeps. */
  Duration slept() {
    return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
