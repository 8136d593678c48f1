package io.github.devopsconnector.core;

import static io.github.devopsconnector.core.Fixtures.OTHER_TENANT;
import static io.github.devopsconnector.core.Fixtures.OWNER;
import static io.github.devopsconnector.core.Fixtures.SUBSCRIPTION;
import static io.github.devopsconnector.core.Fixtures.TENANT;
import static io.github.devopsconnector.core.Fixtures.goodFacts;
import static io.github.devopsconnector.core.Fixtures.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectorBuilderTest {

  @Test
  void buildReturnsTheParsedValues() {
    Connector connector = ConnectorBuilder.azureDevOps()
        .name("ado-connector.prod_01")
        .subscription(SUBSCRIPTION.toUpperCase())
        .resourceGroup("Security-RG_(prod)")
        .region("West Europe")
        .cloud("AzureCloud")
        .tenant(TENANT.toUpperCase())
        .owner(OWNER)
        .organizations("contoso", "Fabrikam")
        .build();

    assertThat(connector.name().value()).isEqualTo("ado-connector.prod_01");
    assertThat(connector.subscription().value()).isEqualTo(SUBSCRIPTION);
    assertThat(connector.resourceGroup().value()).isEqualTo("Security-RG_(prod)");
    assertThat(connector.region()).isEqualTo(AzureRegion.WEST_EUROPE);
    assertThat(connector.cloud()).isEqualTo(AzureCloud.COMMERCIAL);
    assertThat(connector.platform()).isEqualTo(DevOpsPlatform.AZURE_DEVOPS);
    assertThat(connector.offerings()).containsExactly(Offering.CSPM_MONITOR_AZURE_DEVOPS);
    assertThat(connector.organizations().kind()).isEqualTo(OrganizationSelection.Kind.EXPLICIT);
    assertThat(connector.organizations().organizations())
        .containsExactly(OrganizationName.parse("contoso"), OrganizationName.parse("fabrikam"));
    assertThat(connector.organizations().organizations().get(1).value()).isEqualTo("Fabrikam");
    assertThat(connector.owner()).isEqualTo(OWNER);
    assertThat(connector.tenant().value()).isEqualTo(TENANT);
    assertThat(connector.resourceId()).isEqualTo("/subscriptions/" + SUBSCRIPTION
        + "/resourceGroups/Security-RG_(prod)/providers/Microsoft.Security/securityConnectors/ado-connector.prod_01");
  }

  @Test
  void buildFailureListsEveryFinding() {
    ConnectorBuilder builder = ConnectorBuilder.azureDevOps().name("-bad").subscription("nope").region("westus2");

    ValidationReport report = builder.validate();
    assertThatThrownBy(builder::build)
        .isInstanceOf(ConnectorValidationException.class)
        .satisfies(e -> {
          ConnectorValidationException failure = (ConnectorValidationException) e;
          assertThat(failure.report()).isEqualTo(report);
          assertThat(failure.getMessage()).startsWith("The connector is not valid (" + report.errors().size() + " errors)");
          for (Finding finding : report.findings()) {
            assertThat(failure.getMessage()).contains(finding.toString());
          }
        });
    assertThat(report.findings()).extracting(Finding::code).containsExactly(
        FindingCode.CONNECTOR_NAME_INVALID, FindingCode.SUBSCRIPTION_ID_INVALID,
        FindingCode.RESOURCE_GROUP_NAME_INVALID, FindingCode.REGION_NOT_SUPPORTED, FindingCode.TENANT_ID_INVALID,
        FindingCode.OWNER_MISSING, FindingCode.ORGANIZATION_SELECTION_INVALID);
  }

  @Test
  void oneCallWithManyProblemsReportsThemAll() {
    ConnectorBuilder builder = ConnectorBuilder.azureDevOps()
        .name("ado connector")
        .subscription(" " + SUBSCRIPTION)
        .resourceGroup("rg.")
        .region("c\u0435ntralus")
        .cloud("AzureUSGovernment")
        .tenant("contoso.onmicrosoft.com")
        .owner(null)
        .offerings("DefenderForDevOpsAzureDevOps", "CspmMonitorGithub")
        .azurePermissions(AzurePermissions.ofRole(AzureRole.SECURITY_READER))
        .organizations("contoso", "CONTOSO", "bad name", "fabrikam")
        .organizationFacts(
            goodFacts("contoso").projectCollectionAdministrator(false).accessLevel(AccessLevel.STAKEHOLDER).build(),
            goodFacts("fabrikam").oauthAppAccess(OAuthAppAccess.OFF).tenant(TenantId.parse(OTHER_TENANT)).build(),
            goodFacts("tailspin").oauthAppAccess(OAuthAppAccess.UNKNOWN).build());

    ValidationReport report = builder.validate();

    assertThat(report.findings()).extracting(Finding::code).containsExactly(
        FindingCode.CONNECTOR_NAME_INVALID,
        FindingCode.SUBSCRIPTION_ID_INVALID,
        FindingCode.RESOURCE_GROUP_NAME_INVALID,
        FindingCode.REGION_UNKNOWN,
        FindingCode.CLOUD_NOT_SUPPORTED,
        FindingCode.TENANT_ID_INVALID,
        FindingCode.OWNER_MISSING,
        FindingCode.OFFERING_NOT_APPLICABLE,
        FindingCode.OFFERING_NOT_APPLICABLE,
        FindingCode.AZURE_PERMISSION_MISSING,
        FindingCode.ORGANIZATION_SELECTION_INVALID,
        FindingCode.ORGANIZATION_SELECTION_INVALID,
        FindingCode.ADO_NOT_PROJECT_COLLECTION_ADMINISTRATOR,
        FindingCode.ADO_ACCESS_LEVEL_INSUFFICIENT,
        FindingCode.ADO_OAUTH_APP_ACCESS_DISABLED,
        FindingCode.ADO_OAUTH_APP_ACCESS_UNKNOWN);
    assertThat(report.findings()).extracting(Finding::subject).containsExactly(
        "name", "subscription", "resourceGroup", "region", "cloud", "tenant", "owner", "offerings", "offerings",
        "azurePermissions", "organizations", "organizations", "organization:contoso", "organization:contoso",
        "organization:fabrikam", "organization:tailspin");
    // the tenant is invalid, so no tenant mismatch can be claimed for fabrikam
    assertThat(report.has(FindingCode.ADO_TENANT_MISMATCH)).isFalse();
    assertThat(report.errors()).hasSize(15);
    assertThat(report.warnings()).extracting(Finding::code).containsExactly(FindingCode.ADO_OAUTH_APP_ACCESS_UNKNOWN);
    report.findings().forEach(ConnectorBuilderBadInputTest::assertSafe);
    assertThatThrownBy(builder::build).hasMessageContaining("(15 errors)");
  }

  @Test
  void everySetterAcceptsNullAndValidationNeverThrows() {
    ConnectorBuilder builder = ConnectorBuilder.azureDevOps()
        .name(null).subscription(null).resourceGroup(null).region(null).cloud((String) null)
        .offerings((Offering[]) null).organizations((String[]) null).owner(null).tenant(null)
        .azurePermissions(null).organizationFacts((OrganizationFacts[]) null).supportedRegions(null);

    assertThatCode(builder::validate).doesNotThrowAnyException();
    assertThat(builder.validate().findings()).extracting(Finding::code).containsExactly(
        FindingCode.CONNECTOR_NAME_INVALID, FindingCode.SUBSCRIPTION_ID_INVALID,
        FindingCode.RESOURCE_GROUP_NAME_INVALID, FindingCode.REGION_UNKNOWN, FindingCode.CLOUD_NOT_SUPPORTED,
        FindingCode.TENANT_ID_INVALID, FindingCode.OWNER_MISSING, FindingCode.OFFERING_NOT_APPLICABLE,
        FindingCode.ORGANIZATION_SELECTION_INVALID);
    assertThatThrownBy(builder::build).isInstanceOf(ConnectorValidationException.class);
  }

  @Test
  void forPlatformRefusesNullWithAClearMessage() {
    assertThatThrownBy(() -> ConnectorBuilder.forPlatform(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("The DevOps platform is missing");
  }

  @Test
  void hugeInputsAreNeverEchoedInFull() {
    String huge = "x".repeat(5_000) + "\u202e\n";
    ValidationReport report = ConnectorBuilder.azureDevOps().name(huge).subscription(huge).resourceGroup(huge)
        .region(huge).cloud(huge).tenant(huge).offerings(huge).organizations(huge).owner(OWNER).validate();

    assertThat(report.findings()).hasSize(8);
    for (Finding finding : report.findings()) {
      assertThat(finding.message()).doesNotContain("x".repeat(81)).contains("(5002 characters)");
      ConnectorBuilderBadInputTest.assertSafe(finding);
    }
  }

  @Test
  void eachInvalidOrganizationNameGetsItsOwnFinding() {
    ValidationReport report = valid().organizations("ok", "", "bad name", "c\u043entoso", null, "also-ok").validate();

    assertThat(report.findings()).extracting(Finding::code).containsOnly(FindingCode.ORGANIZATION_SELECTION_INVALID);
    assertThat(report.findings()).extracting(Finding::message).satisfiesExactly(
        m -> assertThat(m).startsWith("Entry 2 of 6: ").contains("it has 0"),
        m -> assertThat(m).startsWith("Entry 3 of 6: ").contains("U+0020 SPACE"),
        m -> assertThat(m).startsWith("Entry 4 of 6: ").contains("U+043E CYRILLIC SMALL LETTER O"),
        m -> assertThat(m).startsWith("Entry 5 of 6: ").contains("missing"));
  }

  @Test
  void paddingIsRefusedWithARemediationThatSaysSo() {
    Finding finding = valid().resourceGroup("my-rg ").validate().findings().get(0);

    assertThat(finding.message()).contains("refused, not trimmed");
    assertThat(finding.remediation()).startsWith("Remove the whitespace before and after the value");
  }

  // ---- good cases, next to the bad ones ----

  @ParameterizedTest
  @ValueSource(strings = {"a", "A", "7", "ado-connector", "ADO_Connector.prod-01", "1connector", "a.b_c-d",
      "x123456789x123456789x123456789x123456789x123456789x123456789abcd"})
  void validNamesAreAccepted(String name) {
    assertThat(valid().name(name).validate().findings()).isEmpty();
    assertThat(valid().name(name).build().name().value()).isEqualTo(name);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Central US|centralus", "centralus|centralus", "CentralUS|centralus", "central us|centralus",
      "CENTRALUS|centralus", "cEnTrAl Us|centralus", "East US|eastus", "eastus|eastus", "West Europe|westeurope",
      "westeurope|westeurope", "North Europe|northeurope", "East Asia|eastasia", "Australia East|australiaeast",
      "Canada Central|canadacentral", "Sweden Central|swedencentral", "UK South|uksouth", "uksouth|uksouth"})
  void supportedRegionsAreAcceptedInEverySpelling(String spelling, String name) {
    assertThat(valid().region(spelling).validate().findings()).isEmpty();
    assertThat(valid().region(spelling).build().region().name()).isEqualTo(name);
  }

  @Test
  void aReplacedRegionListIsUsedAndNullRestoresTheDefault() {
    assertThat(valid().region("japaneast").supportedRegions(List.of(AzureRegion.parse("Japan East"))).build().region()
        .name()).isEqualTo("japaneast");
    assertThat(valid().region("westus2").supportedRegions(Arrays.asList(AzureRegion.parse("westus2"), null)).validate()
        .isValid()).isTrue();
    assertThat(valid().region("japaneast").supportedRegions(List.of(AzureRegion.parse("japaneast")))
        .supportedRegions(null).validate().findings()).extracting(Finding::code)
        .containsExactly(FindingCode.REGION_NOT_SUPPORTED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"00000000-0000-0000-0000-000000000000", "8B090C71-CFBA-494D-87A6-E10B321A0D98",
      "8b090c71-cfba-494d-87a6-e10b321a0d98"})
  void validSubscriptionsAreAcceptedAndLowerCased(String subscription) {
    assertThat(valid().subscription(subscription).build().subscription().value())
        .isEqualTo(subscription.toLowerCase());
  }

  @ParameterizedTest
  @ValueSource(strings = {"r", "my-rg", "RG_(prod).v1", "rg.name", "(rg)",
      "rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr"})
  void validResourceGroupsAreAccepted(String resourceGroup) {
    assertThat(valid().resourceGroup(resourceGroup).build().resourceGroup().value()).isEqualTo(resourceGroup);
  }

  @ParameterizedTest
  @ValueSource(strings = {"AzureCloud", "azurecloud", "public", "Commercial", "AzurePublicCloud", "Azure Cloud"})
  void theCommercialCloudIsAcceptedByName(String cloud) {
    assertThat(valid().cloud(cloud).build().cloud()).isEqualTo(AzureCloud.COMMERCIAL);
  }

  static Stream<Arguments> goodOfferings() {
    return Stream.of(
        Arguments.of((Supplier<ConnectorBuilder>) Fixtures::valid, Offering.CSPM_MONITOR_AZURE_DEVOPS),
        Arguments.of((Supplier<ConnectorBuilder>) () -> valid().offerings("CspmMonitorAzureDevOps"),
            Offering.CSPM_MONITOR_AZURE_DEVOPS),
        Arguments.of((Supplier<ConnectorBuilder>) () -> valid().offerings("cspmmonitorazuredevops"),
            Offering.CSPM_MONITOR_AZURE_DEVOPS),
        Arguments.of((Supplier<ConnectorBuilder>) () -> valid().offerings(Offering.CSPM_MONITOR_AZURE_DEVOPS),
            Offering.CSPM_MONITOR_AZURE_DEVOPS),
        Arguments.of((Supplier<ConnectorBuilder>) () -> valid(DevOpsPlatform.GITHUB), Offering.CSPM_MONITOR_GITHUB),
        Arguments.of((Supplier<ConnectorBuilder>) () -> valid(DevOpsPlatform.GITLAB).offerings("CspmMonitorGitLab"),
            Offering.CSPM_MONITOR_GITLAB));
  }

  @ParameterizedTest
  @MethodSource("goodOfferings")
  void offeringsThatFitThePlatformAreAccepted(Supplier<ConnectorBuilder> builder, Offering expected) {
    assertThat(builder.get().build().offerings()).containsExactly(expected);
  }

  static Stream<AzurePermissions> sufficientPermissions() {
    return Stream.of(
        AzurePermissions.ofRole(AzureRole.OWNER),
        AzurePermissions.ofRole(AzureRole.CONTRIBUTOR),
        AzurePermissions.ofRole(AzureRole.SECURITY_ADMIN),
        AzurePermissions.ofActions(List.of("*"), List.of()),
        AzurePermissions.ofActions(List.of("*"), List.of("Microsoft.Authorization/*/write")),
        AzurePermissions.ofActions(List.of("Microsoft.Security/*"), List.of()),
        AzurePermissions.ofActions(List.of("Microsoft.Security/securityConnectors/*"), List.of()),
        AzurePermissions.ofActions(List.of("microsoft.security/securityconnectors/write"), List.of()),
        ImmutableAzurePermissions.builder().role(AzureRole.SECURITY_READER)
            .addActions(AzurePermissions.WRITE_SECURITY_CONNECTORS).build());
  }

  @ParameterizedTest
  @MethodSource("sufficientPermissions")
  void permissionsThatAllowWritingConnectorsGiveNoFinding(AzurePermissions permissions) {
    assertThat(valid().azurePermissions(permissions).validate().findings()).isEmpty();
  }

  @Test
  void permissionsAreNotCheckedWhenUnknown() {
    assertThat(valid().azurePermissions(null).validate().findings()).isEmpty();
  }

  @Test
  void selectionsAreKeptAsGiven() {
    assertThat(valid().allExistingOrganizations().build().organizations())
        .isEqualTo(OrganizationSelection.allExisting());
    assertThat(valid().allExistingAndFutureOrganizations().build().organizations().autoDiscovery()).isTrue();
    OrganizationSelection explicit = OrganizationSelection.explicit("contoso");
    assertThat(valid().organizations(explicit).build().organizations()).isEqualTo(explicit);
    // the last selection call wins
    assertThat(valid().organizations("a", "a").allExistingOrganizations().validate().isValid()).isTrue();
  }

  @Test
  void factsOfOrganizationsOutsideAnExplicitSelectionAreNotChecked() {
    ValidationReport report = valid().organizations("contoso")
        .organizationFacts(goodFacts("contoso").build(),
            goodFacts("fabrikam").projectCollectionAdministrator(false).build())
        .validate();

    assertThat(report.findings()).isEmpty();
  }

  @Test
  void theLastFactsAboutAnOrganizationCount() {
    ValidationReport report = valid()
        .organizationFacts(goodFacts("contoso").projectCollectionAdministrator(false).build(),
            goodFacts("CONTOSO").build())
        .validate();

    assertThat(report.findings()).isEmpty();
  }

  @Test
  void factsAreCheckedAgainstTheConnectorTenantByTheSharedRules() {
    OrganizationFacts facts = goodFacts("contoso").tenant(TenantId.parse(OTHER_TENANT))
        .accessLevel(AccessLevel.STAKEHOLDER).build();

    ValidationReport report = valid().organizationFacts(facts, null).validate();

    assertThat(report.findings())
        .isEqualTo(OrganizationChecks.check(facts, java.util.Optional.of(TenantId.parse(TENANT))));
    assertThat(report.findings()).extracting(Finding::code)
        .containsExactly(FindingCode.ADO_ACCESS_LEVEL_INSUFFICIENT, FindingCode.ADO_TENANT_MISMATCH);
  }

  @Test
  void warningsDoNotBlockBuild() {
    ConnectorBuilder builder = valid().organizationFacts(goodFacts("contoso").oauthAppAccess(OAuthAppAccess.UNKNOWN)
        .build());

    assertThat(builder.validate().warnings()).hasSize(1);
    assertThat(builder.validate().isValid()).isTrue();
    assertThat(builder.build().name().value()).isEqualTo("ado-connector");
  }

  @Test
  void validateAndBuildCanBeRepeatedAndSeeLaterChanges() {
    ConnectorBuilder builder = valid().name("first");
    Connector first = builder.build();
    Connector second = builder.name("second").build();

    assertThat(first.name().value()).isEqualTo("first");
    assertThat(second.name().value()).isEqualTo("second");
    assertThat(builder.name("bad name").validate().isValid()).isFalse();
    assertThat(builder.name("third").validate().isValid()).isTrue();
  }

  @Test
  void varargsAreCopied() {
    String[] names = {"contoso"};
    ConnectorBuilder builder = valid().organizations(names);
    names[0] = "bad name";

    assertThat(builder.validate().isValid()).isTrue();
  }

  @Test
  void subjectsOfConnectorFieldsAreTheDocumentedOnes() {
    ValidationReport report = ConnectorBuilder.azureDevOps().cloud(AzureCloud.CHINA).offerings(new Offering[0])
        .azurePermissions(AzurePermissions.ofRole(AzureRole.READER)).validate();

    assertThat(report.findings().stream().map(Finding::subject).collect(Collectors.toList())).containsExactly(
        "name", "subscription", "resourceGroup", "region", "cloud", "tenant", "owner", "offerings",
        "azurePermissions", "organizations");
  }
}
