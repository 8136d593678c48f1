package io.github.devopsconnector.arm;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsconnector.testing.ArmSimulator;
import io.github.devopsconnector.testing.ArmSimulatorOptions;
import io.github.devopsconnector.testing.VirtualTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * ARM's subscription budgets: the simulator reports what is left ({@code x-ms-ratelimit-remaining-subscription-*})
 * and answers 429 past it; the client slows down before the budget runs out. The simulator's clock moves only when
 * the client waits, so the test is exact and instant.
 */
class ThrottlingTest {

  @Test
  void theClientPacesItselfBeforeTheReadBudgetRunsOutAndIsNeverThrottled() {
    VirtualTime time = VirtualTime.startingAt(Instant.parse("2025-01-01T00:00:00Z"));
    try (ArmSimulator simulator = ArmSimulator.builder().options(ArmSimulatorOptions.builder().clock(time.clock())
        .readBudget(6).readRefillPerSecond(1).build()).build().start();
        DefenderConnectorClient client = ArmTestSupport.builder(simulator, "alice", null)
            .sleeper(time.sleeper())
            .rateLimitReserve(2)
            .buildClient()) {
      for (int i = 0; i < 20; i++) {
        assertThat(client.listConnectors(ArmTestSupport.SUBSCRIPTION).stream().count()).isZero();
      }
      assertThat(simulator.counters().throttledResponses()).as("429 answers").isZero();
      // Three reads use the budget down to the reserve; every later read waits for a token to come back.
      assertThat(time.sleeps()).hasSize(20 - 4).allMatch(Duration.ofSeconds(1)::equals);
    }
  }

  @Test
  void aBudgetSpentElsewhereGives429WhichIsRetriedAfterItsWait() {
    VirtualTime time = VirtualTime.startingAt(Instant.parse("2025-01-01T00:00:00Z"));
    try (ArmSimulator simulator = ArmSimulator.builder().options(ArmSimulatorOptions.builder().clock(time.clock())
        .readBudget(2).readRefillPerSecond(1).build()).build().start();
        DefenderConnectorClient client = ArmTestSupport.builder(simulator, "alice", null)
            .sleeper(time.sleeper())
            .buildClient()) {
      // Another client of the same subscription and principal spends the read budget first.
      DefenderConnectorClient other = ArmTestSupport.client(simulator, "alice", new ArmTestSupport.RecordingSleeper());
      other.listConnectors(ArmTestSupport.SUBSCRIPTION).stream().count();
      other.listConnectors(ArmTestSupport.SUBSCRIPTION).stream().count();

      assertThat(client.listConnectors(ArmTestSupport.SUBSCRIPTION).stream().count()).isZero();
      assertThat(simulator.counters().throttledResponses()).isEqualTo(1);
      assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1));
    }
  }
}
