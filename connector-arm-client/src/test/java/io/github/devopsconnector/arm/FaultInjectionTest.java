package io.github.devopsconnector.arm;

import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.arm.models.AuthorizationOutcomeUnknownException;
import io.github.devopsconnector.arm.models.CreateConnectorOptions;
import static io.github.devopsconnector.arm.ArmTestSupport.RESOURCE_GROUP;
import static io.github.devopsconnector.arm.ArmTestSupport.SUBSCRIPTION;
import static io.github.devopsconnector.arm.ArmTestSupport.client;
import static io.github.devopsconnector.arm.ArmTestSupport.connector;
import static io.github.devopsconnector.arm.ArmTestSupport.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.RetryOptions;
import io.github.devopsconnector.arm.ArmTestSupport.RecordingSleeper;
import io.github.devopsconnector.core.AuthorizationCode;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.testing.ArmSimulator;
import io.github.devopsconnector.testing.ArmSimulatorOptions;
import io.github.devopsconnector.testing.ArmSimulatorOrganization;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** Injected 503 and 429 answers are retried (except on writes carrying a code) and change nothing simulated. */
class FaultInjectionTest {

  @Test
  void theClientRidesOutInjectedFaults() {
    try (ArmSimulator simulator = ArmSimulator.builder().faultRate(0.3).seed(7).latency(Duration.ofMillis(2))
        .options(ArmSimulatorOptions.builder()
            .pollsBeforeCompletion(1)
            .pageSize(2)
            .addOrganizations(ArmSimulatorOrganization.of("org1"))
            .build()).build().start()) {
      DefenderConnectorClient client = client(simulator, "alice", new RecordingSleeper());
      int typedOutcomes = 0;
      for (int i = 1; i <= 5; i++) {
        try {
          client.createConnector(CreateConnectorOptions.of(connector("flaky-" + i,
              OrganizationSelection.explicit("org1"), "alice"), AuthorizationCode.of("code-" + i)));
        } catch (ServiceException codeNotResent) {
          assertThat(codeNotResent instanceof AuthorizationOutcomeUnknownException
              || codeNotResent.kind() == ServiceException.Kind.THROTTLED).as(codeNotResent.getMessage()).isTrue();
          // A fault on the write carrying the code is not retried: the caller learns what is known instead.
          typedOutcomes++;
        }
      }
      assertThat(client.listConnectors(SUBSCRIPTION, RESOURCE_GROUP).stream().count()).isEqualTo(5);
      client.deleteConnector(id("flaky-1"));
      assertThat(client.listConnectors(SUBSCRIPTION).stream().count()).isEqualTo(4);
      assertThat(simulator.counters().faultsInjected()).isGreaterThan(0);
      assertThat(simulator.connectorCount()).isEqualTo(4);
      assertThat(typedOutcomes).isLessThan(5);
    }
  }

  @Test
  void whenRetriesRunOutTheLastFaultIsReported() {
    try (ArmSimulator simulator = ArmSimulator.builder().faultRate(1.0)
        .faults(EnumSet.of(ArmSimulator.Fault.SERVICE_UNAVAILABLE)).build().start()) {
      DefenderConnectorClient client = ArmTestSupport.builder(simulator, "alice", new RecordingSleeper())
          .retryOptions(new RetryOptions(new FixedDelayOptions(2, Duration.ofMillis(1))))
          .buildClient();
      assertThatThrownBy(() -> client.getConnector(id("any")))
          .isInstanceOf(ServiceException.class).hasCauseInstanceOf(HttpResponseException.class)
          .hasMessageContaining("HTTP 503 (ServiceUnavailable)")
          .hasMessageContaining("retry later");
      assertThat(simulator.counters().totalRequests()).isEqualTo(3);
      assertThat(simulator.counters().faultsInjected()).isEqualTo(3);
    }
  }
}
