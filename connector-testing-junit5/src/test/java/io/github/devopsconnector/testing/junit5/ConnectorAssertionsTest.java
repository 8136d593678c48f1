package io.github.devopsconnector.testing.junit5;

import static io.github.devopsconnector.testing.assertj.ConnectorAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devopsconnector.core.AccessLevel;
import io.github.devopsconnector.core.ConnectorBuilder;
import io.github.devopsconnector.core.FindingCode;
import io.github.devopsconnector.core.Identity;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.TenantId;
import io.github.devopsconnector.core.ValidationReport;
import io.github.devopsconnector.core.discovery.Inventory;
import io.github.devopsconnector.core.discovery.InventoryDiscovery;
import io.github.devopsconnector.core.discovery.Preflight;
import io.github.devopsconnector.core.discovery.PreflightReport;
import io.github.devopsconnector.testing.Estate;
import io.github.devopsconnector.testing.Estates;
import io.github.devopsconnector.testing.InMemoryAzureDevOpsClient;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The assertions pass on what they claim and fail with the findings in the message otherwise. */
class ConnectorAssertionsTest {

  private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
  private static final Estate ESTATE = Estates.builder().tokenForAllOrganizations().tenant(TENANT)
      .organization("fabrikam", o -> o.project("web", p -> p.repositories("api", "ui").pipelines("ci")))
      .organization("contoso", o -> o.accessLevel(AccessLevel.STAKEHOLDER).projectCollectionAdministrator(false))
      .build();

  private static ConnectorBuilder connector() {
    return ConnectorBuilder.azureDevOps()
        .name("contoso-ado")
        .subscription("0806e1cd-cfda-4ff8-b99c-2b0af42cffd3")
        .resourceGroup("security-rg")
        .region("centralus")
        .tenant(TENANT)
        .owner(Identity.of("d6245f20-2af8-44f4-9451-8107cb2767db", "Dana Adler"))
        .allExistingAndFutureOrganizations();
  }

  private static PreflightReport preflight() {
    return Preflight.builder().client(InMemoryAzureDevOpsClient.of(ESTATE))
        .tenantRegistry(Estates.tenantRegistry(ESTATE)).build()
        .check(OrganizationSelection.allExisting(), TenantId.parse(TENANT), ValidationReport.of(List.of()));
  }

  @Test
  void validationReports() {
    ValidationReport report = connector().region("atlantis").validate();

    assertThat(report).hasError(FindingCode.REGION_UNKNOWN).on("region").withMessageContaining("atlantis");
    assertThat(report).doesNotHave(FindingCode.CONNECTOR_NAME_INVALID);
    assertThat(report).hasOnlyErrors(FindingCode.REGION_UNKNOWN);
    assertThat(connector().validate()).isValid();

    assertThatThrownBy(() -> assertThat(report).hasError(FindingCode.REGION_UNKNOWN).on("name"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("on \"name\"")
        .hasMessageContaining("REGION_UNKNOWN [region]: ");
    assertThatThrownBy(() -> assertThat(report).isValid())
        .isInstanceOf(AssertionError.class).hasMessageContaining("ERROR REGION_UNKNOWN [region]");
    assertThatThrownBy(() -> assertThat(report).hasError(FindingCode.SUBSCRIPTION_ID_INVALID))
        .isInstanceOf(AssertionError.class).hasMessageContaining("SUBSCRIPTION_ID_INVALID")
        .hasMessageContaining("REGION_UNKNOWN [region]");
    assertThatThrownBy(() -> assertThat(report).hasWarning(FindingCode.REGION_UNKNOWN))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void preflightReports() {
    PreflightReport report = preflight();

    assertThat(report).hasEligibleOrganizations("fabrikam");
    assertThat(report).organization("fabrikam").isEligible();
    assertThat(report).organization("Contoso").isGreyedOut()
        .isGreyedOutBy(FindingCode.ADO_ACCESS_LEVEL_INSUFFICIENT)
        .isGreyedOutOnlyBy(FindingCode.ADO_ACCESS_LEVEL_INSUFFICIENT,
            FindingCode.ADO_NOT_PROJECT_COLLECTION_ADMINISTRATOR);

    assertThatThrownBy(() -> assertThat(report).organization("contoso")
        .isGreyedOutBy(FindingCode.ADO_OAUTH_APP_ACCESS_DISABLED))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("contoso (greyed out)")
        .hasMessageContaining("ADO_ACCESS_LEVEL_INSUFFICIENT [organization:contoso]");
    assertThatThrownBy(() -> assertThat(report).organization("fabrikam")
        .isGreyedOutBy(FindingCode.ADO_ACCESS_LEVEL_INSUFFICIENT))
        .isInstanceOf(AssertionError.class).hasMessageContaining("but it is eligible");
    assertThatThrownBy(() -> assertThat(report).organization("northwind"))
        .isInstanceOf(AssertionError.class).hasMessageContaining("[contoso, fabrikam]");
    assertThatThrownBy(() -> assertThat(report).organization("contoso").isEligible())
        .isInstanceOf(AssertionError.class).hasMessageContaining("ADO_NOT_PROJECT_COLLECTION_ADMINISTRATOR");
  }

  @Test
  void inventories() {
    Inventory inventory = InventoryDiscovery.builder().client(InMemoryAzureDevOpsClient.of(ESTATE)).build()
        .discover(OrganizationSelection.allExisting());

    assertThat(inventory).isComplete().hasTotals(2, 1, 2, 1).hasOrganization("fabrikam", 1, 2, 1);

    assertThatThrownBy(() -> assertThat(inventory).hasTotals(2, 1, 3, 1))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("3 repositories")
        .hasMessageContaining("fabrikam");
    assertThatThrownBy(() -> assertThat(inventory).hasOrganization("tailspin", 0, 0, 0))
        .isInstanceOf(AssertionError.class).hasMessageContaining("tailspin");
  }
}
