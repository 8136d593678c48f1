package io.github.devopsconnector.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devopsconnector.azuredevops.AzureDevOpsRestClientBuilder;
import io.github.devopsconnector.core.FindingCode;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.TenantId;
import io.github.devopsconnector.core.ValidationReport;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsClient;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.discovery.Inventory;
import io.github.devopsconnector.core.discovery.InventoryDiscovery;
import io.github.devopsconnector.core.discovery.OrganizationStatus;
import io.github.devopsconnector.core.discovery.Preflight;
import io.github.devopsconnector.core.discovery.PreflightReport;
import io.github.devopsconnector.core.edit.InMemoryTenantRegistry;
import io.github.devopsconnector.testing.AzureDevOpsSimulator;
import io.github.devopsconnector.testing.AzureDevOpsSimulator.Route;
import io.github.devopsconnector.testing.Estate;
import io.github.devopsconnector.testing.EstateBuilder;
import io.github.devopsconnector.testing.Estates;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The usual personal access token is scoped to organizations: the REST client, preflight and discovery work with it
 * for named organizations, and "all existing organizations" fails saying why and what to do.
 */
class PersonalAccessTokenScopeTest {

  private static final String TENANT = EstateBuilder.DEFAULT_TENANT;

  private static Estate estate(boolean allOrganizations) {
    EstateBuilder builder = Estates.builder()
        .organization("fabrikam", org -> org.project("web", p -> p.repositories("api").pipelines("nightly #2")))
        .organization("contoso", org -> org.project("ops", p -> p.repositories("infra")))
        .organization("tailspin", org -> org.project("mobile"));
    return allOrganizations ? builder.tokenForAllOrganizations().build()
        : builder.tokenScopedTo("fabrikam", "contoso").build();
  }

  private static AzureDevOpsClient client(AzureDevOpsSimulator simulator) {
    return new AzureDevOpsRestClientBuilder().endpoint(simulator.endpoint())
        .personalAccessToken(simulator.personalAccessToken()).buildClient();
  }

  @Test
  void aScopedTokenDiscoversAndChecksNamedOrganizationsWithoutProfileOrAccounts() {
    try (AzureDevOpsSimulator simulator = AzureDevOpsSimulator.builder(estate(false)).build().start()) {
      AzureDevOpsClient client = client(simulator);

      Inventory inventory = InventoryDiscovery.builder().client(client).build()
          .discover(OrganizationSelection.explicit("fabrikam", "contoso"));
      PreflightReport report = Preflight.builder().client(client).tenantRegistry(new InMemoryTenantRegistry())
          .build().check(OrganizationSelection.explicit("fabrikam", "contoso"), TenantId.parse(TENANT),
              ValidationReport.of(List.of()));

      assertThat(inventory.organizations()).allSatisfy(o -> assertThat(o.status())
          .isEqualTo(OrganizationStatus.DISCOVERED));
      assertThat(inventory.totals().projects()).isEqualTo(2);
      assertThat(inventory.totals().pipelines()).isEqualTo(1);
      assertThat(report.isReady()).as(report.toString()).isTrue();
      assertThat(simulator.counters().requests(Route.PROFILE)).isZero();
      assertThat(simulator.counters().requests(Route.ACCOUNTS)).isZero();
    }
  }

  @Test
  void anOrganizationOutsideTheTokensScopeIsNotAccessibleAndTheOthersStillPass() {
    try (AzureDevOpsSimulator simulator = AzureDevOpsSimulator.builder(estate(false)).build().start()) {
      PreflightReport report = Preflight.builder().client(client(simulator))
          .tenantRegistry(new InMemoryTenantRegistry()).build()
          .check(OrganizationSelection.explicit("fabrikam", "tailspin"), TenantId.parse(TENANT),
              ValidationReport.of(List.of()));

      assertThat(report.eligibleOrganizations()).extracting(o -> o.value()).containsExactly("fabrikam");
      assertThat(report.organization(io.github.devopsconnector.core.OrganizationName.parse("tailspin")).orElseThrow()
          .findings()).extracting(f -> f.code()).containsExactly(FindingCode.ADO_ORGANIZATION_NOT_ACCESSIBLE);
    }
  }

  @Test
  void allExistingOrganizationsWithAScopedTokenFailsSayingWhyAndWhatToDo() {
    try (AzureDevOpsSimulator simulator = AzureDevOpsSimulator.builder(estate(false)).build().start()) {
      InventoryDiscovery discovery = InventoryDiscovery.builder().client(client(simulator)).build();

      assertThatThrownBy(() -> discovery.discover(OrganizationSelection.allExisting()))
          .isInstanceOfSatisfying(ServiceException.class, e -> {
            assertThat(e.kind()).isEqualTo(ServiceException.Kind.NOT_AUTHORIZED);
            assertThat(e.statusCode()).isEqualTo(401);
            assertThat(e.getMessage()).contains("all existing organizations", "scoped to some organizations");
            assertThat(e.remediation()).hasValueSatisfying(r -> assertThat(r)
                .contains("All accessible organizations", "Microsoft Entra", "name the organizations"));
          });
    }
  }

  @Test
  void allExistingOrganizationsWorkWithAnAllOrganizationsToken() {
    try (AzureDevOpsSimulator simulator = AzureDevOpsSimulator.builder(estate(true)).build().start()) {
      Inventory inventory = InventoryDiscovery.builder().client(client(simulator)).build()
          .discover(OrganizationSelection.allExisting());

      assertThat(inventory.organizations()).hasSize(3);
      assertThat(inventory.organizations()).allSatisfy(o -> assertThat(o.status())
          .isEqualTo(OrganizationStatus.DISCOVERED));
      assertThat(inventory.organizations()).allSatisfy(o -> assertThat(o.outcome().id()).isPresent());
    }
  }
}
