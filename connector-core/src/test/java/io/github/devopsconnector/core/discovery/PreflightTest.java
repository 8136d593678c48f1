package io.github.devopsconnector.core.discovery;

import io.github.devopsconnector.core.ConnectorId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devopsconnector.core.AccessLevel;
import io.github.devopsconnector.core.AzureRegion;
import io.github.devopsconnector.core.Connector;
import io.github.devopsconnector.core.ConnectorName;
import io.github.devopsconnector.core.DevOpsPlatform;
import io.github.devopsconnector.core.Finding;
import io.github.devopsconnector.core.FindingCode;
import io.github.devopsconnector.core.Identity;
import io.github.devopsconnector.core.OAuthAppAccess;
import io.github.devopsconnector.core.Offering;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.ResourceGroupName;
import io.github.devopsconnector.core.Severity;
import io.github.devopsconnector.core.SubscriptionId;
import io.github.devopsconnector.core.TenantId;
import io.github.devopsconnector.core.ValidationReport;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.edit.InMemoryTenantRegistry;
import io.github.devopsconnector.core.edit.TenantRegistry;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PreflightTest {

  private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
  private static final String OTHER_TENANT = "0b7e6c1a-9d2f-4e3b-8a5c-6f4d3e2c1b0a";
  private static final String OTHER_CONNECTOR =
      "/subscriptions/2d3c4b5a-6f7e-4d8c-9b0a-1f2e3d4c5b6a/resourceGroups/security/providers/"
          + "Microsoft.Security/securityConnectors/other-connector";
  private static final ConnectorId OTHER_CONNECTOR_ID = ConnectorId.parse(OTHER_CONNECTOR);
  private static final ValidationReport NO_FINDINGS = ValidationReport.of(List.of());

  private static final FakeEstate ESTATE = FakeEstate.builder()
      .tenant(TENANT)
      .user("5a7c0a0e-1f6b-4b8e-9a9f-3c1e4b2d6f10", "Jamie Rivera", "jamie@fabrikam.example")
      .organization("good", o -> o.project("web", p -> p.repositories("ui")))
      .organization("stakeholder", o -> o.accessLevel(AccessLevel.STAKEHOLDER))
      .organization("notadmin", o -> o.projectCollectionAdministrator(false))
      .organization("nested", o -> o.administratorThroughNestedGroup())
      .organization("oauthoff", o -> o.oauth(OAuthAppAccess.OFF))
      .organization("oauthunknown", o -> o.oauth(OAuthAppAccess.UNKNOWN))
      .organization("othertenant", o -> o.tenant(OTHER_TENANT))
      .organization("msa", o -> o.noTenant())
      .organization("taken")
      .organization("locked", o -> o.inaccessible())
      .onboardedElsewhere("taken")
      .build();

  private static Preflight preflight(FakeAzureDevOpsClient client, int concurrency) {
    return Preflight.builder().client(client).tenantRegistry(registryWithOthersClaims())
        .concurrency(concurrency).build();
  }

  private static PreflightReport checkAll(FakeAzureDevOpsClient client) {
    return preflight(client, 4).check(OrganizationSelection.allExisting(), TenantId.parse(TENANT), NO_FINDINGS);
  }

  private static OrganizationPreflight organization(PreflightReport report, String name) {
    return report.organization(OrganizationName.parse(name)).orElseThrow();
  }

  private static List<FindingCode> codes(OrganizationPreflight organization) {
    return organization.findings().stream().map(Finding::code).collect(java.util.stream.Collectors.toList());
  }

  @Test
  void eachBrokenRuleGreysOutItsOrganizationWithTheRightFinding() {
    PreflightReport report = checkAll(FakeAzureDevOpsClient.of(ESTATE));

    assertThat(codes(organization(report, "good"))).isEmpty();
    assertThat(codes(organization(report, "nested"))).isEmpty();
    assertThat(codes(organization(report, "msa"))).as("no tenant is never the connector's tenant")
        .containsExactly(FindingCode.ADO_TENANT_MISMATCH);
    assertThat(organization(report, "msa").findings().get(0).message())
        .contains("connected to no Microsoft Entra tenant");
    assertThat(codes(organization(report, "stakeholder"))).containsExactly(FindingCode.ADO_ACCESS_LEVEL_INSUFFICIENT);
    assertThat(codes(organization(report, "notadmin")))
        .containsExactly(FindingCode.ADO_NOT_PROJECT_COLLECTION_ADMINISTRATOR);
    assertThat(codes(organization(report, "oauthoff"))).containsExactly(FindingCode.ADO_OAUTH_APP_ACCESS_DISABLED);
    assertThat(codes(organization(report, "oauthunknown"))).containsExactly(FindingCode.ADO_OAUTH_APP_ACCESS_UNKNOWN);
    assertThat(codes(organization(report, "othertenant"))).containsExactly(FindingCode.ADO_TENANT_MISMATCH);
    assertThat(codes(organization(report, "taken"))).containsExactly(FindingCode.ADO_ORGANIZATION_ONBOARDED_ELSEWHERE);
    assertThat(codes(organization(report, "locked"))).containsExactly(FindingCode.ADO_ORGANIZATION_NOT_ACCESSIBLE);

    assertThat(report.eligibleOrganizations()).extracting(OrganizationName::value)
        .containsExactly("good", "nested", "oauthunknown");
    assertThat(report.greyedOut()).extracting(o -> o.organization().value())
        .containsExactly("locked", "msa", "notadmin", "oauthoff", "othertenant", "stakeholder", "taken");
    assertThat(report.isReady()).as("all existing: the eligible ones are onboarded").isTrue();
  }

  @Test
  void withoutATenantTheTenantBoundChecksAreLeftOut() {
    PreflightReport report = preflight(FakeAzureDevOpsClient.of(ESTATE), 4)
        .check(OrganizationSelection.allExisting(), NO_FINDINGS);

    assertThat(codes(organization(report, "othertenant"))).as("no tenant to compare with").isEmpty();
    assertThat(codes(organization(report, "taken"))).as("the registry is kept per tenant").isEmpty();
    assertThat(organization(report, "taken").onboardedBy()).isEmpty();
    assertThat(codes(organization(report, "stakeholder"))).containsExactly(FindingCode.ADO_ACCESS_LEVEL_INSUFFICIENT);
    assertThat(codes(organization(report, "locked"))).containsExactly(FindingCode.ADO_ORGANIZATION_NOT_ACCESSIBLE);
    assertThat(report.eligibleOrganizations()).extracting(OrganizationName::value)
        .containsExactly("good", "msa", "nested", "oauthunknown", "othertenant", "taken");
  }

  @Test
  void findingsSayWhatIsWrong() {
    PreflightReport report = checkAll(FakeAzureDevOpsClient.of(ESTATE));

    OrganizationPreflight stakeholder = organization(report, "stakeholder");
    assertThat(stakeholder.facts())
        .hasValueSatisfying(f -> assertThat(f.accessLevel()).contains(AccessLevel.STAKEHOLDER));
    assertThat(stakeholder.findings().get(0).message()).contains("Stakeholder is not enough");

    OrganizationPreflight taken = organization(report, "taken");
    assertThat(taken.onboardedBy().map(ConnectorId::resourceId)).contains(OTHER_CONNECTOR);
    assertThat(taken.findings().get(0).message()).contains(OTHER_CONNECTOR);
    assertThat(taken.findings().get(0).subject()).isEqualTo("organization:taken");

    OrganizationPreflight locked = organization(report, "locked");
    assertThat(locked.facts()).isEmpty();
    assertThat(locked.error()).isEmpty();
    assertThat(locked.findings().get(0).message()).contains("HTTP 401", "TF400813");
    assertThat(locked.findings().get(0).remediation()).isNotBlank();

    OrganizationPreflight unknown = organization(report, "oauthunknown");
    assertThat(unknown.findings().get(0).severity()).isEqualTo(Severity.WARNING);
    assertThat(unknown.findings().get(0).message()).contains("405");
    assertThat(unknown.isEligible()).isTrue();

    OrganizationPreflight otherTenant = organization(report, "othertenant");
    assertThat(otherTenant.findings().get(0).message()).contains(OTHER_TENANT, TENANT);
    assertThat(otherTenant.facts())
        .hasValueSatisfying(f -> assertThat(f.tenant()).contains(TenantId.parse(OTHER_TENANT)));
  }

  @Test
  void anOrganizationThatIsNotFoundIsNotAccessible() {
    FakeAzureDevOpsClient client = FakeAzureDevOpsClient.builder(ESTATE)
        .failOrganization("good", ServiceException.Kind.NOT_FOUND).build();

    OrganizationPreflight good = organization(checkAll(client), "good");

    assertThat(codes(good)).containsExactly(FindingCode.ADO_ORGANIZATION_NOT_ACCESSIBLE);
    assertThat(good.findings().get(0).message()).contains("HTTP 404", "TF200016");
  }

  @Test
  void anExplicitSelectionNamingAStrangerGreysItOut() {
    FakeAzureDevOpsClient client = FakeAzureDevOpsClient.of(ESTATE);

    PreflightReport report = preflight(client, 2)
        .check(OrganizationSelection.explicit("good", "stranger"), TenantId.parse(TENANT), NO_FINDINGS);

    assertThat(report.organizations()).extracting(o -> o.organization().value()).containsExactly("good", "stranger");
    OrganizationPreflight stranger = organization(report, "stranger");
    assertThat(codes(stranger)).containsExactly(FindingCode.ADO_ORGANIZATION_NOT_ACCESSIBLE);
    assertThat(stranger.findings().get(0).message()).contains("stranger", "not found");
    assertThat(client.requestCount(FakeAzureDevOpsClient.Operation.ORGANIZATIONS))
        .as("an explicit selection lists no organizations").isZero();
    assertThat(report.isReady()).as("an explicit selection needs every organization").isFalse();
    assertThat(report.eligibleOrganizations()).extracting(OrganizationName::value).containsExactly("good");
  }

  @Test
  void aTransientFailureGreysOutOnlyThatOrganization() {
    FakeAzureDevOpsClient client = FakeAzureDevOpsClient.builder(ESTATE)
        .failOrganization("stakeholder", ServiceException.Kind.TRANSIENT).build();

    PreflightReport report = checkAll(client);

    OrganizationPreflight failed = organization(report, "stakeholder");
    assertThat(failed.isGreyedOut()).isTrue();
    assertThat(failed.findings()).isEmpty();
    assertThat(failed.error()).hasValueSatisfying(e -> {
      assertThat(e.kind()).isEqualTo(ServiceException.Kind.TRANSIENT);
      assertThat(e.statusCode()).isEqualTo(503);
    });
    assertThat(failed.toString()).contains("could not be checked");
    assertThat(report.organizations()).hasSize(ESTATE.organizations().size());
    assertThat(report.eligibleOrganizations()).extracting(OrganizationName::value)
        .containsExactly("good", "nested", "oauthunknown");
  }

  @Test
  void throttlingIsRetriedAndOtherwiseReportedPerOrganization() {
    FakeAzureDevOpsClient client = FakeAzureDevOpsClient.builder(ESTATE)
        .throttleFirst("good", 2)
        .throttleFirst("nested", 50)
        .build();

    PreflightReport report = checkAll(client);

    assertThat(organization(report, "good").isEligible()).isTrue();
    assertThat(organization(report, "nested").error()).hasValueSatisfying(
        e -> assertThat(e.kind()).isEqualTo(ServiceException.Kind.THROTTLED));
  }

  @Test
  void anUnreadableOAuthPolicyIsAWarningNotAFailure() {
    FakeAzureDevOpsClient client = FakeAzureDevOpsClient.builder(ESTATE).oauthPolicyForbidden().build();

    PreflightReport report = Preflight.builder().client(client)
        .tenantRegistry(registryWithOthersClaims()).build()
        .check(OrganizationSelection.explicit("good"), TenantId.parse(TENANT), NO_FINDINGS);

    OrganizationPreflight good = organization(report, "good");
    assertThat(codes(good)).containsExactly(FindingCode.ADO_OAUTH_APP_ACCESS_UNKNOWN);
    assertThat(good.findings().get(0).message()).contains("403");
    assertThat(good.isEligible()).isTrue();
    assertThat(report.isReady()).isTrue();
  }

  @Test
  void connectorFindingsBlockReadiness() {
    Finding badRegion = Finding.of(FindingCode.REGION_NOT_SUPPORTED, "region", "West US is not supported.",
        "Choose a supported region.");

    PreflightReport report = preflight(FakeAzureDevOpsClient.of(ESTATE), 4)
        .check(OrganizationSelection.explicit("good"), TenantId.parse(TENANT), ValidationReport.of(List.of(badRegion)));

    assertThat(report.organization(OrganizationName.parse("good")).orElseThrow().isEligible()).isTrue();
    assertThat(report.connectorFindings()).containsExactly(badRegion);
    assertThat(report.isReady()).isFalse();
    assertThat(report.findings().findings()).first().isEqualTo(badRegion);
    assertThat(report.toString()).startsWith("Not ready").contains("REGION_NOT_SUPPORTED");
  }

  @Test
  void anExplicitSelectionOfEligibleOrganizationsIsReady() {
    PreflightReport report = preflight(FakeAzureDevOpsClient.of(ESTATE), 4)
        .check(OrganizationSelection.explicit("good", "nested"), TenantId.parse(TENANT), NO_FINDINGS);

    assertThat(report.isReady()).isTrue();
    assertThat(report.greyedOut()).isEmpty();
    assertThat(report.requests()).as("no profile or organization list for named organizations, 4 facts each")
        .isEqualTo(8);
  }

  @Test
  void aConnectorsOwnClaimIsNotOnboardedElsewhere() {
    Connector connector = Connector.restore(ConnectorName.parse("my-connector"),
        SubscriptionId.parse("9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d"), ResourceGroupName.parse("security"),
        AzureRegion.CENTRAL_US, DevOpsPlatform.AZURE_DEVOPS, List.of(Offering.CSPM_MONITOR_AZURE_DEVOPS),
        OrganizationSelection.explicit("good", "taken"), Identity.of("owner"), TenantId.parse(TENANT));
    InMemoryTenantRegistry registry = new InMemoryTenantRegistry();
    registry.claim(TenantId.parse(TENANT), OrganizationName.parse("taken"), connector.id());
    registry.claim(TenantId.parse(OTHER_TENANT), OrganizationName.parse("good"), OTHER_CONNECTOR_ID);

    PreflightReport report = Preflight.builder().client(FakeAzureDevOpsClient.of(ESTATE))
        .tenantRegistry(registry).build().check(connector);

    assertThat(report.greyedOut()).as("its own claim, and another tenant's, do not count").isEmpty();
    assertThat(report.isReady()).isTrue();
    assertThat(report.selection()).isEqualTo(connector.organizations());
  }

  @Test
  void theReportIsTheSameAtAnyConcurrency() {
    PreflightReport one = preflight(FakeAzureDevOpsClient.of(ESTATE), 1)
        .check(OrganizationSelection.allExisting(), TenantId.parse(TENANT), NO_FINDINGS);
    PreflightReport many = preflight(FakeAzureDevOpsClient.of(ESTATE), 16)
        .check(OrganizationSelection.allExisting(), TenantId.parse(TENANT), NO_FINDINGS);

    assertThat(many).isEqualTo(one);
    assertThat(many.organizations()).extracting(o -> o.organization().value())
        .isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
  }

  @Test
  void aRegistryFailureFailsThePreflight() {
    IllegalStateException down = new IllegalStateException("registry down");
    TenantRegistry broken = new TenantRegistry() {
      @Override
      public java.util.Optional<ConnectorId> onboardedBy(TenantId tenant, OrganizationName organization) {
        throw down;
      }

      @Override
      public java.util.Set<OrganizationName> organizationsOf(TenantId tenant, ConnectorId connectorId) {
        throw down;
      }

      @Override
      public boolean claim(TenantId tenant, OrganizationName organization, ConnectorId connectorId) {
        throw down;
      }

      @Override
      public void release(TenantId tenant, OrganizationName organization, ConnectorId connectorId) {
        throw down;
      }
    };
    Preflight preflight = Preflight.builder().client(FakeAzureDevOpsClient.of(ESTATE)).tenantRegistry(broken)
        .build();

    assertThatThrownBy(() -> preflight.check(OrganizationSelection.explicit("good"), TenantId.parse(TENANT),
        NO_FINDINGS)).isSameAs(down);
  }

  @Test
  void builderNeedsAClientAndARegistry() {
    assertThatThrownBy(() -> Preflight.builder().tenantRegistry(new InMemoryTenantRegistry()).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("AzureDevOpsClient");
    assertThatThrownBy(() -> Preflight.builder().client(FakeAzureDevOpsClient.of(ESTATE)).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("TenantRegistry");
    assertThatThrownBy(() -> Preflight.builder().concurrency(0)).isInstanceOf(IllegalArgumentException.class);
  }

  /** A registry where another connector holds every organization the estate says is onboarded elsewhere. */
  private static InMemoryTenantRegistry registryWithOthersClaims() {
    InMemoryTenantRegistry registry = new InMemoryTenantRegistry();
    ESTATE.onboardedElsewhere().forEach(o -> registry.claim(ESTATE.tenantId(), o, OTHER_CONNECTOR_ID));
    return registry;
  }

  @Test
  void discoveryMarksAsOnboardableExactlyWhatThePreflightFindsEligibleWithTheSameFindings() {
    FakeAzureDevOpsClient client = FakeAzureDevOpsClient.of(ESTATE);
    PreflightReport preflight = checkAll(client);

    Inventory inventory = InventoryDiscovery.builder().client(client).concurrency(4)
        .checkOnboarding(TenantId.parse(TENANT), registryWithOthersClaims()).build()
        .discover(OrganizationSelection.allExisting());

    for (OrganizationPreflight expected : preflight.organizations()) {
      OrganizationOutcome outcome = inventory.organization(expected.organization()).orElseThrow().outcome();
      assertThat(outcome.onboardable()).as("%s", expected).contains(expected.isEligible());
      assertThat(outcome.onboarding().orElseThrow().findings()).as("%s", expected)
          .isEqualTo(expected.findings());
      if (!expected.isEligible()) {
        assertThat(outcome.notOnboardableBecause()).as("%s", expected).isNotEmpty()
            .allSatisfy(f -> assertThat(f.isError()).isTrue());
      }
    }
    List<String> onboardable = inventory.organizations().stream()
        .filter(o -> o.outcome().onboardable().orElseThrow()).map(o -> o.name().value())
        .collect(java.util.stream.Collectors.toList());
    // "oauthunknown" is only a warning; "locked" refuses the user and fails its discovery.
    assertThat(onboardable).containsExactlyElementsOf(preflight.eligibleOrganizations().stream()
            .map(OrganizationName::value).collect(java.util.stream.Collectors.toList()))
        .contains("good", "nested", "oauthunknown")
        .doesNotContain("stakeholder", "notadmin", "oauthoff", "othertenant", "taken", "locked");
    assertThat(inventory.totals().organizations()).isEqualTo(ESTATE.organizations().size());
    assertThat(inventory.onboardable().orElseThrow().organizations()).isEqualTo(onboardable.size());
    assertThat(inventory.onboardable().orElseThrow().repositories()).isEqualTo(1);
    assertThat(inventory.organization(OrganizationName.parse("notadmin")).orElseThrow().outcome()
        .notOnboardableBecause()).extracting(Finding::code)
        .containsExactly(FindingCode.ADO_NOT_PROJECT_COLLECTION_ADMINISTRATOR);
    assertThat(inventory.organization(OrganizationName.parse("locked")).orElseThrow().outcome()
        .notOnboardableBecause()).extracting(Finding::code)
        .containsOnly(FindingCode.ADO_ORGANIZATION_NOT_ACCESSIBLE);
  }

  @Test
  void withoutTheCheckDiscoverySaysNothingAboutOnboardingAndSendsNoExtraRequest() {
    FakeAzureDevOpsClient plain = FakeAzureDevOpsClient.of(ESTATE);
    FakeAzureDevOpsClient checked = FakeAzureDevOpsClient.of(ESTATE);

    Inventory without = InventoryDiscovery.builder().client(plain).build().discover(OrganizationSelection.allExisting());
    Inventory with = InventoryDiscovery.builder().client(checked).checkOnboarding().build()
        .discover(OrganizationSelection.allExisting());

    assertThat(without.onboardable()).isEmpty();
    assertThat(without.organizations()).allSatisfy(o -> assertThat(o.outcome().onboardable()).isEmpty());
    assertThat(with.totals().requests()).isGreaterThan(without.totals().requests());
    // Without a tenant, the tenant-bound checks are left out: "othertenant" and "taken" are onboardable.
    assertThat(with.organization(OrganizationName.parse("othertenant")).orElseThrow().outcome().onboardable())
        .contains(true);
    assertThat(with.organization(OrganizationName.parse("taken")).orElseThrow().outcome().onboardable())
        .contains(true);
  }

  @Test
  void aStreamingDiscoveryAndAnExplicitSelectionCarryTheCheckToo() {
    FakeAzureDevOpsClient client = FakeAzureDevOpsClient.of(ESTATE);
    DiscoverySummary summary = InventoryDiscovery.builder().client(client)
        .checkOnboarding(TenantId.parse(TENANT), registryWithOthersClaims()).build()
        .discover(OrganizationSelection.explicit("good", "stranger", "taken"), (organization, repository) -> { });

    assertThat(summary.organization(OrganizationName.parse("good")).orElseThrow().onboardable()).contains(true);
    assertThat(summary.organization(OrganizationName.parse("stranger")).orElseThrow().notOnboardableBecause())
        .extracting(Finding::code).containsExactly(FindingCode.ADO_ORGANIZATION_NOT_ACCESSIBLE);
    assertThat(summary.organization(OrganizationName.parse("taken")).orElseThrow().notOnboardableBecause())
        .extracting(Finding::code).containsExactly(FindingCode.ADO_ORGANIZATION_ONBOARDED_ELSEWHERE);
    assertThat(summary.onboardable().orElseThrow().organizations()).isEqualTo(1);
    assertThat(summary.totals().organizations()).isEqualTo(3);
  }
}
