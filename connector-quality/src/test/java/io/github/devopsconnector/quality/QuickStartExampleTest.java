package io.github.devopsconnector.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsconnector.azuredevops.AzureDevOpsRestClientBuilder;
import io.github.devopsconnector.arm.ArmTenantRegistry;
import io.github.devopsconnector.arm.DefenderConnectorClient;
import io.github.devopsconnector.arm.DefenderConnectorClientBuilder;
import io.github.devopsconnector.core.AccessLevel;
import io.github.devopsconnector.core.Connector;
import io.github.devopsconnector.core.ConnectorBuilder;
import io.github.devopsconnector.core.FindingCode;
import io.github.devopsconnector.core.Identity;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.ValidationReport;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsClient;
import io.github.devopsconnector.core.discovery.Inventory;
import io.github.devopsconnector.core.discovery.InventoryDiscovery;
import io.github.devopsconnector.core.discovery.Preflight;
import io.github.devopsconnector.core.discovery.PreflightReport;
import io.github.devopsconnector.core.edit.TenantRegistry;
import io.github.devopsconnector.testing.ArmSimulator;
import io.github.devopsconnector.testing.AzureDevOpsSimulator;
import io.github.devopsconnector.testing.Estate;
import io.github.devopsconnector.testing.Estates;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The README's "Use it" example, compiled and run: the same calls, pointed at the Azure DevOps simulator instead of
 * a real organization. If this test needs a change, the README needs the same change.
 */
class QuickStartExampleTest {

  private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";

  @Test
  @Timeout(60)
  void theReadmeExampleWorks() {
    Estate estate = Estates.builder().tenant(TENANT)
        .organization("fabrikam", org -> org.project("web", p -> p.repositories("api", "ui").pipelines("ci")))
        .organization("contoso", org -> org.accessLevel(AccessLevel.STAKEHOLDER).project("ops"))
        // allExisting() lists the organizations: only a token for "All accessible organizations" may.
        .tokenForAllOrganizations()
        .build();
    try (AzureDevOpsSimulator simulator = AzureDevOpsSimulator.builder(estate).build().start();
        ArmSimulator armSimulator = ArmSimulator.builder().build().start()) {
      // 1. Model the connector; validate() reports every broken rule at once, build() throws if any blocks.
      ConnectorBuilder builder = ConnectorBuilder.azureDevOps()
          .name("contoso-ado")
          .subscription("0806e1cd-cfda-4ff8-b99c-2b0af42cffd3")
          .resourceGroup("security-rg")
          .region("Central US")
          .tenant(TENANT)
          .owner(Identity.of("d6245f20-2af8-44f4-9451-8107cb2767db", "Dana Adler"))
          .allExistingAndFutureOrganizations();
      ValidationReport report = builder.validate();
      report.findings().forEach(f -> System.out.println(f.code() + ": " + f.message() + " " + f.remediation()));
      Connector connector = builder.build();

      // 2. Why would an organization be greyed out?
      AzureDevOpsClient ado = new AzureDevOpsRestClientBuilder()
          .endpoint(simulator.endpoint())                       // README: omitted, cloud hosts by default
          .personalAccessToken(simulator.personalAccessToken()) // README: System.getenv("ADO_PAT")
          .buildClient();
      DefenderConnectorClient arm = new DefenderConnectorClientBuilder()
          .endpoint(armSimulator.endpoint())                   // README: omitted, the commercial cloud by default
          .credential(Fixtures.armIdentity("dana"))            // README: azureCredential
          .buildClient();
      // Which organizations other connectors of the tenant hold, as Azure Resource Manager knows it.
      TenantRegistry registry = ArmTenantRegistry.create(arm, connector.tenant(), List.of(connector.subscription()));
      PreflightReport preflight = Preflight.builder()
          .client(ado)
          .tenantRegistry(registry)
          .build()
          .check(connector);
      preflight.greyedOut().forEach(org -> System.out.println(org.organization() + " is greyed out: " + org.errors()));

      // 3. What would the connector see? Only organizations where you are a Project Collection Administrator and
      //    nothing greys them out: each outcome says onboardable() or notOnboardableBecause() (the preflight codes).
      Inventory inventory = InventoryDiscovery.builder().client(ado).concurrency(16)
          .checkOnboarding(connector.tenant(), registry)
          .build()
          .discover(OrganizationSelection.allExisting());
      System.out.println(inventory.onboardable().orElseThrow());   // inventory.totals() counts everything discovered

      assertThat(report.isValid()).isTrue();
      assertThat(preflight.eligibleOrganizations()).extracting(o -> o.value()).containsExactly("fabrikam");
      assertThat(preflight.greyedOut()).singleElement()
          .satisfies(org -> assertThat(org.errors()).extracting(f -> f.code())
              .containsExactly(FindingCode.ADO_ACCESS_LEVEL_INSUFFICIENT));
      assertThat(inventory.totals().repositories()).isEqualTo(2);
      assertThat(inventory.totals().pipelines()).isEqualTo(1);
      // The discovery's onboarding check says what the preflight says, with the same codes.
      var greyed = preflight.greyedOut().get(0).organization();
      assertThat(inventory.organization(greyed).orElseThrow().outcome().notOnboardableBecause())
          .extracting(f -> f.code()).containsExactly(FindingCode.ADO_ACCESS_LEVEL_INSUFFICIENT);
      assertThat(inventory.organizations()).extracting(o -> o.outcome().onboardable().orElseThrow())
          .containsExactlyInAnyOrder(true, false);
      var fabrikam = inventory.organizations().stream().filter(o -> o.name().value().equals("fabrikam"))
          .findFirst().orElseThrow().outcome();
      assertThat(inventory.onboardable().orElseThrow().organizations()).isEqualTo(1);
      assertThat(inventory.onboardable().orElseThrow().repositories()).isEqualTo(fabrikam.repositoryCount());
      assertThat(inventory.totals().organizations()).isEqualTo(2);
    }
  }
}
