package io.github.devopsconnector.testing.junit5;

import static io.github.devopsconnector.testing.assertj.ConnectorAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import io.github.devopsconnector.arm.models.ArmDevOpsConnector;
import io.github.devopsconnector.arm.models.CreateConnectorOptions;
import io.github.devopsconnector.arm.DefenderConnectorClient;
import io.github.devopsconnector.core.AuthorizationCode;
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
import io.github.devopsconnector.testing.ArmSimulator;
import io.github.devopsconnector.testing.AzureDevOpsSimulator;
import io.github.devopsconnector.testing.AzureDevOpsSimulator.Fault;
import io.github.devopsconnector.testing.AzureDevOpsSimulator.Route;
import io.github.devopsconnector.testing.Estate;
import io.github.devopsconnector.testing.VirtualTime;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SimulatorExtensionPerClassTest {

  private static final String USER = "d6245f20-2af8-44f4-9451-8107cb2767db";

  @RegisterExtension
  static final SimulatorExtension simulators = SimulatorExtension.forEstateResource("/estates/contoso.json")
      .azureDevOps(ado -> ado.retryAfter(Duration.ofSeconds(30)))
      .arm(arm -> arm.faultRate(0.5).seed(7))
      .armOptions(options -> options.retryAfterSeconds(20))
      .armClient(client -> client.retryOptions(new RetryOptions(new ExponentialBackoffOptions().setMaxRetries(20))))
      .virtualTime();

  private static AzureDevOpsSimulator startedBeforeAll;

  @BeforeAll
  static void simulatorsRunBeforeTheClassesLifecycleMethods(AzureDevOpsSimulator ado, Estate estate) {
    startedBeforeAll = ado;
    assertThat(estate.organizations()).hasSize(3);
  }

  @BeforeEach
  void cleanSlate(AzureDevOpsSimulator ado, ArmSimulator arm) {
    ado.reset();
    arm.counters().reset();
  }

  @Test
  void everyTestOfTheClassSharesTheSimulators(AzureDevOpsSimulator ado) {
    assertThat(ado).isSameAs(startedBeforeAll).isSameAs(simulators.azureDevOpsSimulator());
    assertThat(simulators.toString()).contains("the estate file /estates/contoso.json", ado.endpoint());
  }

  @Test
  void theRestClientDiscoversTheEstateFile(AzureDevOpsClient client, AzureDevOpsSimulator ado) {
    Inventory inventory = InventoryDiscovery.builder().client(client).build()
        .discover(OrganizationSelection.allExisting());

    assertThat(inventory).isComplete().hasTotals(3, 2, 3, 1).hasOrganization("fabrikam", 2, 3, 1);
    assertThat(ado.counters().totalRequests()).isPositive();
  }

  @Test
  void throttlingCostsVirtualTimeOnly(AzureDevOpsClient client, AzureDevOpsSimulator ado, VirtualTime time) {
    Duration before = time.elapsed();
    ado.failNext(Route.PROJECTS, Fault.THROTTLE, 2);

    Inventory inventory = InventoryDiscovery.builder().client(client).build()
        .discover(OrganizationSelection.allExisting());

    assertThat(inventory).isComplete().hasTotals(3, 2, 3, 1);
    assertThat(ado.counters().throttledResponses()).isEqualTo(2);
    // The 429s said Retry-After: 30; the client waited that out (in virtual time) before asking again.
    assertThat(time.elapsed().minus(before)).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
    assertThat(time.sleeps()).contains(Duration.ofSeconds(30));
  }

  @Test
  void theArmClientCreatesAConnectorThroughInjectedFaults(DefenderConnectorClient arm, ArmSimulator simulator,
      VirtualTime time) {
    Connector connector = ConnectorBuilder.azureDevOps()
        .name("contoso-ado")
        .subscription("0806e1cd-cfda-4ff8-b99c-2b0af42cffd3")
        .resourceGroup("security-rg")
        .region("centralus")
        .tenant("72f988bf-86f1-41af-91ab-2d7cd011db47")
        .owner(Identity.of(USER, "Dana Adler"))
        .organizations("fabrikam")
        .build();
    int sleepsBefore = time.sleeps().size();

    ArmDevOpsConnector created = arm.createConnector(CreateConnectorOptions.of(connector,
        AuthorizationCode.of("one-time-code")));

    assertThat(created.connector().name()).isEqualTo("contoso-ado");
    assertThat(simulator.authorizingIdentity(created.connector().id())).contains(USER);
    assertThat(simulator.counters().faultsInjected()).as("faults injected at a 50%% rate").isPositive();
    // Every injected fault said Retry-After: 20, and the retries waited it out through the virtual sleeper.
    assertThat(time.sleeps().subList(sleepsBefore, time.sleeps().size()))
        .filteredOn(d -> d.equals(Duration.ofSeconds(20))).hasSizeGreaterThanOrEqualTo((int) simulator.counters().faultsInjected());
  }

  @Test
  void thePreflightSeesTheEstateThroughTheInjectedRegistry(AzureDevOpsClient client, TenantRegistry registry) {
    Connector connector = ConnectorBuilder.azureDevOps()
        .name("contoso-ado")
        .subscription("0806e1cd-cfda-4ff8-b99c-2b0af42cffd3")
        .resourceGroup("security-rg")
        .region("centralus")
        .tenant("72f988bf-86f1-41af-91ab-2d7cd011db47")
        .owner(Identity.of(USER, "Dana Adler"))
        .allExistingAndFutureOrganizations()
        .build();

    PreflightReport preflight = Preflight.builder().client(client).tenantRegistry(registry).build().check(connector);

    assertThat(preflight).hasEligibleOrganizations("fabrikam");
    assertThat(preflight).organization("contoso").isGreyedOutBy(FindingCode.ADO_ACCESS_LEVEL_INSUFFICIENT);
    assertThat(preflight).organization("adventureworks")
        .isGreyedOutOnlyBy(FindingCode.ADO_ORGANIZATION_ONBOARDED_ELSEWHERE);
  }
}
