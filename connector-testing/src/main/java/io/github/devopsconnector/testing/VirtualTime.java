package io.github.devopsconnector.testing;

import io.github.devopsconnector.core.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Time that passes only when the code under test waits: a {@link Clock} and a {@link Sleeper} that share one
 * instant. Give both to a client builder ({@code .clock(time.clock()).sleeper(time.sleeper())} on
 * {@code AzureDevOpsRestClientBuilder} and {@code DefenderConnectorClientBuilder}) and a test full of {@code 429}s and
 * {@code Retry-After} runs in milliseconds: the client makes the same requests and computes the same delays, and
 * each wait moves the clock forward instead of blocking the thread.
 *
 * <pre>{@code
 * VirtualTime time = VirtualTime.startingAt(Instant.parse("2026-01-01T00:00:00Z"));
 * AzureDevOpsClient client = new AzureDevOpsRestClientBuilder()
 *     .endpoint(simulator.baseUrl()).personalAccessToken(simulator.personalAccessToken())
 *     .clock(time.clock()).sleeper(time.sleeper())
 *     .buildClient();
 * // ... the simulator throttles twice with Retry-After: 1 ...
 * assertThat(time.elapsed()).isEqualTo(Duration.ofSeconds(2));
 * }</pre>
 *
 * <p>Thread-safe: waits from several threads each move the shared clock forward by their own duration, so under
 * concurrency {@link #elapsed()} is the sum of the waits, an upper bound of what real time would have passed.
 */
public final class VirtualTime {

  private final Instant start;
  private final Object lock = new Object();
  private Duration elapsed = Duration.ZERO;
  private final List<Duration> sleeps = new ArrayList<>();
  private final Clock clock;
  private final Sleeper sleeper;

  private VirtualTime(Instant start) {
    this.start = start;
    this.clock = new VirtualClock(ZoneOffset.UTC);
    this.sleeper = this::sleep;
  }

  /**
   * Virtual time starting at the current real instant.
   *
   * @return a new virtual time
   */
  public static VirtualTime start() {
    return new VirtualTime(Instant.now());
  }

  /**
   * Virtual time starting at this instant, for tests that compare dates.
   *
   * @param start the first instant the clock shows
   * @return a new virtual time
   */
  public static VirtualTime startingAt(Instant start) {
    return new VirtualTime(Objects.requireNonNull(start, "start"));
  }

  /**
   * The clock: the start plus every wait so far. Its zone is UTC; {@code withZone} gives the same instants in
   * another zone.
   *
   * @return the clock
   */
  public Clock clock() {
    return clock;
  }

  /**
   * The sleeper: returns at once, after moving the clock forward by the duration and recording it.
   *
   * @return the sleeper
   */
  public Sleeper sleeper() {
    return sleeper;
  }

  /**
   * The current virtual instant.
   *
   * @return the start plus every wait so far
   */
  public Instant now() {
    synchronized (lock) {
      return start.plus(elapsed);
    }
  }

  /**
   * The sum of every wait so far.
   *
   * @return the virtual time that passed
   */
  public Duration elapsed() {
    synchronized (lock) {
      return elapsed;
    }
  }

  /**
   * Every wait so far, in order (zero waits are not recorded).
   *
   * @return a snapshot of the waits
   */
  public List<Duration> sleeps() {
    synchronized (lock) {
      return List.copyOf(sleeps);
    }
  }

  /**
   * Moves the clock forward without a wait, as if the code under test had been busy that long.
   *
   * @param duration how far, zero or positive
   * @throws IllegalArgumentException if the duration is negative
   */
  public void advance(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("Time does not go back: " + duration + ".");
    }
    synchronized (lock) {
      elapsed = elapsed.plus(duration);
    }
  }

  private void sleep(Duration duration) throws InterruptedException {
    Objects.requireNonNull(duration, "duration");
    if (Thread.interrupted()) {
      throw new InterruptedException("Interrupted before a virtual wait of " + duration + ".");
    }
    if (duration.isNegative() || duration.isZero()) {
      return;
    }
    synchronized (lock) {
      elapsed = elapsed.plus(duration);
      sleeps.add(duration);
    }
  }

  /** The elapsed virtual time and the number of waits. */
  @Override
  public String toString() {
    synchronized (lock) {
      return "VirtualTime[now=" + start.plus(elapsed) + ", elapsed=" + elapsed + ", waits=" + sleeps.size() + "]";
    }
  }

  private final class VirtualClock extends Clock {
    private final ZoneId zone;

    VirtualClock(ZoneId zone) {
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
      return new VirtualClock(Objects.requireNonNull(newZone, "zone"));
    }

    @Override
    public Instant instant() {
      return now();
    }

    @Override
    public String toString() {
      return "VirtualClock[" + now() + ", " + zone + "]";
    }
  }
}
