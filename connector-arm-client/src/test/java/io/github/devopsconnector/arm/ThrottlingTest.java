package io.github.devopsconnector.arm;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsconnector.testing.ArmSimulator;
import io.github.devopsconnector.testing.ArmSimulatorOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * ARM's subscription budgets: the simulator reports what is left ({@code x-ms-ratelimit-remaining-subscription-*})
 * and answers 429 past it; the client slows down before the budget runs out. The simulator's clock moves only when
 * the client waits, so the test is exact and instant.
 */
class ThrottlingTest {

  /** A clock that moves when told. */
  static final class ManualClock extends Clock {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2025-01-01T00:00:00Z"));

    void advance(Duration duration) {
      now.updateAndGet(at -> at.plus(duration));
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }

  @Test
  void theClientPacesItselfBeforeTheReadBudgetRunsOutAndIsNeverThrottled() {
    ManualClock clock = new ManualClock();
    List<Duration> waits = new CopyOnWriteArrayList<>();
    try (ArmSimulator simulator = ArmSimulator.builder().options(ArmSimulatorOptions.builder().clock(clock)
        .readBudget(6).readRefillPerSecond(1).build()).build().start();
        DefenderConnectorClient client = ArmTestSupport.builder(simulator, "alice", null)
            .sleeper(duration -> {
              waits.add(duration);
              clock.advance(duration);
            })
            .rateLimitReserve(2)
            .buildClient()) {
      for (int i = 0; i < 20; i++) {
        assertThat(client.listConnectors(ArmTestSupport.SUBSCRIPTION).stream().count()).isZero();
      }
      assertThat(simulator.counters().throttledResponses()).as("429 answers").isZero();
      // Three reads use the budget down to the reserve; every later read waits for a token to come back.
      assertThat(waits).hasSize(20 - 4).allMatch(Duration.ofSeconds(1)::equals);
    }
  }

  @Test
  void aBudgetSpentElsewhereGives429WhichIsRetriedAfterItsWait() {
    ManualClock clock = new ManualClock();
    List<Duration> waits = new CopyOnWriteArrayList<>();
    try (ArmSimulator simulator = ArmSimulator.builder().options(ArmSimulatorOptions.builder().clock(clock)
        .readBudget(2).readRefillPerSecond(1).build()).build().start();
        DefenderConnectorClient client = ArmTestSupport.builder(simulator, "alice", null)
            .sleeper(duration -> {
              waits.add(duration);
              clock.advance(duration);
            })
            .buildClient()) {
      // Another client of the same subscription and principal spends the read budget first.
      DefenderConnectorClient other = ArmTestSupport.client(simulator, "alice", new ArmTestSupport.RecordingSleeper());
      other.listConnectors(ArmTestSupport.SUBSCRIPTION).stream().count();
      other.listConnectors(ArmTestSupport.SUBSCRIPTION).stream().count();

      assertThat(client.listConnectors(ArmTestSupport.SUBSCRIPTION).stream().count()).isZero();
      assertThat(simulator.counters().throttledResponses()).isEqualTo(1);
      assertThat(waits).containsExactly(Duration.ofSeconds(1));
    }
  }
}
