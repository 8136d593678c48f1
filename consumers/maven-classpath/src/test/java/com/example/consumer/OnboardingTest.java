package com.example.consumer;

import static io.github.devopsconnector.testing.assertj.ConnectorAssertions.assertThat;

import io.github.devopsconnector.core.Connector;
import io.github.devopsconnector.core.ConnectorBuilder;
import io.github.devopsconnector.core.FindingCode;
import io.github.devopsconnector.core.Identity;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsClient;
import io.github.devopsconnector.core.discovery.Inventory;
import io.github.devopsconnector.core.discovery.InventoryDiscovery;
import io.github.devopsconnector.core.discovery.Preflight;
import io.github.devopsconnector.core.discovery.PreflightReport;
import io.github.devopsconnector.core.edit.TenantRegistry;
import io.github.devopsconnector.testing.AzureDevOpsSimulator;
import io.github.devopsconnector.testing.AzureDevOpsSimulator.Fault;
import io.github.devopsconnector.testing.AzureDevOpsSimulator.Route;
import io.github.devopsconnector.testing.junit5.SimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OnboardingTest {

  // Both simulators serve src/test/resources/estates/contoso.json for the tests of this class.
  @RegisterExtension
  static final SimulatorExtension simulators = SimulatorExtension.forEstateResource("/estates/contoso.json")
      .virtualTime();   // retries and Retry-After waits cost no real time

  @Test
  void contosoIsGreyedOutAndFabrikamIsDiscovered(AzureDevOpsClient ado, AzureDevOpsSimulator simulator,
      TenantRegistry registry) {
    ConnectorBuilder builder = ConnectorBuilder.azureDevOps()
        .name("contoso-ado")
        .subscription("0806e1cd-cfda-4ff8-b99c-2b0af42cffd3")
        .resourceGroup("security-rg")
        .region("atlantis")
        .tenant("72f988bf-86f1-41af-91ab-2d7cd011db47")
        .owner(Identity.of("d6245f20-2af8-44f4-9451-8107cb2767db", "Dana Adler"))
        .allExistingAndFutureOrganizations();
    assertThat(builder.validate()).hasError(FindingCode.REGION_UNKNOWN).on("region");
    Connector connector = builder.region("centralus").build();

    PreflightReport preflight = Preflight.builder().client(ado).tenantRegistry(registry).build().check(connector);
    assertThat(preflight).organization("contoso").isGreyedOutBy(FindingCode.ADO_ACCESS_LEVEL_INSUFFICIENT);
    assertThat(preflight).organization("fabrikam").isEligible();

    simulator.failNext(Route.PROJECTS, Fault.THROTTLE, 2);   // 429 with Retry-After, twice
    Inventory inventory = InventoryDiscovery.builder().client(ado).build()
        .discover(OrganizationSelection.allExisting());
    assertThat(inventory).isComplete().hasTotals(2, 2, 3, 1);
  }
}
