package com.example.consumer;

import static io.github.devopsconnector.testing.assertj.ConnectorAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsClient;
import io.github.devopsconnector.core.discovery.Inventory;
import io.github.devopsconnector.core.discovery.InventoryDiscovery;
import io.github.devopsconnector.testing.ArmSimulator;
import io.github.devopsconnector.testing.AzureDevOpsSimulator;
import io.github.devopsconnector.testing.VirtualTime;
import io.github.devopsconnector.testing.junit5.SimulatorExtension;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

// The example of connector-testing's README, "The JUnit 5 extension".
// README:begin
class DiscoveryTest {

  @RegisterExtension
  static final SimulatorExtension simulators = SimulatorExtension.forEstateResource("/estates/contoso.json")
      .azureDevOps(ado -> ado.retryAfter(Duration.ofSeconds(30)).projectPageSize(10))
      .armOptions(options -> options.pollsBeforeCompletion(2))
      .azureDevOpsClient(client -> client.retryOptions(
          new RetryOptions(new ExponentialBackoffOptions().setMaxRetries(5))))
      .armIdentity("d6245f20-2af8-44f4-9451-8107cb2767db")
      .virtualTime();

  @BeforeEach
  void cleanSlate(AzureDevOpsSimulator ado, ArmSimulator arm) {
    ado.reset();
    arm.reset();
  }

  @Test
  void throttledDiscoveryCompletes(AzureDevOpsClient client, AzureDevOpsSimulator ado, VirtualTime time) {
    ado.failNext(AzureDevOpsSimulator.Route.PROJECTS, AzureDevOpsSimulator.Fault.THROTTLE, 2);
    Inventory inventory = InventoryDiscovery.builder().client(client).build()
        .discover(OrganizationSelection.allExisting());
    assertThat(inventory).isComplete();
    assertThat(time.sleeps()).contains(Duration.ofSeconds(30));
  }
}
// README:end
