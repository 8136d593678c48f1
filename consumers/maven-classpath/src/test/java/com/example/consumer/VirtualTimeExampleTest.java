package com.example.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsconnector.azuredevops.AzureDevOpsRestClientBuilder;
import io.github.devopsconnector.arm.DefenderConnectorClient;
import io.github.devopsconnector.arm.DefenderConnectorClientBuilder;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.SubscriptionId;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsClient;
import io.github.devopsconnector.core.discovery.Inventory;
import io.github.devopsconnector.core.discovery.InventoryDiscovery;
import io.github.devopsconnector.testing.ArmSimulator;
import io.github.devopsconnector.testing.AzureDevOpsSimulator;
import io.github.devopsconnector.testing.Estates;
import io.github.devopsconnector.testing.VirtualTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The example of connector-testing's README, "Virtual time", with the simulators it needs around it. */
class VirtualTimeExampleTest {

  @Test
  void throttlingWaitsVirtualTime() {
    String userId = "d6245f20-2af8-44f4-9451-8107cb2767db";
    try (AzureDevOpsSimulator simulator = AzureDevOpsSimulator.builder(Estates.builder().tokenForAllOrganizations()
            .organization("fabrikam", org -> org.project("web", p -> p.repositories("api")))
            .build()).build().start();
        ArmSimulator armSimulator = ArmSimulator.builder().build().start()) {
      // README:begin
      VirtualTime time = VirtualTime.startingAt(Instant.parse("2026-01-01T00:00:00Z"));
      AzureDevOpsClient ado = new AzureDevOpsRestClientBuilder()
          .endpoint(simulator.endpoint()).personalAccessToken(simulator.personalAccessToken())
          .clock(time.clock()).sleeper(time.sleeper())
          .buildClient();
      DefenderConnectorClient arm = new DefenderConnectorClientBuilder()
          .endpoint(armSimulator.endpoint()).credential(ArmSimulator.credential(userId))
          .clock(time.clock()).sleeper(time.sleeper())
          .buildClient();

      simulator.failNext(AzureDevOpsSimulator.Route.PROJECTS, AzureDevOpsSimulator.Fault.THROTTLE, 3);
      Inventory inventory = InventoryDiscovery.builder().client(ado).build()
          .discover(OrganizationSelection.allExisting());
      assertThat(time.sleeps()).contains(Duration.ofSeconds(1));   // the simulator's Retry-After
      Duration waited = time.elapsed();                              // virtual; no real second passed
      // README:end
      assertThat(inventory.isComplete()).isTrue();
      assertThat(waited).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
      assertThat(arm.getSecurityProviderRegistration(SubscriptionId.parse("0806e1cd-cfda-4ff8-b99c-2b0af42cffd3"))
          .isRegistered()).isTrue();
    }
  }
}
