package io.github.devopsconnector.core;

import java.util.stream.Collectors;
import java.util.List;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing, validity and equality of the string-backed value types. */
class ValueTypesTest {

  @ParameterizedTest
  @ValueSource(strings = {"a", "ado-connector", "A.b_c-1", "0"})
  void connectorNameParsesValidText(String text) {
    assertThat(ConnectorName.isValid(text)).isTrue();
    assertThat(ConnectorName.parse(text).value()).isEqualTo(text);
    assertThat(ConnectorName.parse(text)).isEqualTo(ConnectorName.parse(text)).hasToString(text);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ado", "ado ", "-ado", "ado.", "ado-", "ad o", "\u0430do", "ado\u200b", "ado\n"})
  void connectorNameRefusesInvalidTextWithTheReason(String text) {
    assertThat(ConnectorName.isValid(text)).isFalse();
    assertThatThrownBy(() -> ConnectorName.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("The connector name");
  }

  @Test
  void connectorNamesAreCaseSensitiveValues() {
    assertThat(ConnectorName.parse("Ado")).isNotEqualTo(ConnectorName.parse("ado"));
  }

  @Test
  void subscriptionAndTenantIdsAreLowerCasedAndCompareByValue() {
    String upper = "8B090C71-CFBA-494D-87A6-E10B321A0D98";
    assertThat(SubscriptionId.parse(upper)).isEqualTo(SubscriptionId.parse(upper.toLowerCase()));
    assertThat(SubscriptionId.parse(upper).value()).isEqualTo(upper.toLowerCase());
    assertThat(TenantId.parse(upper)).isEqualTo(TenantId.parse(upper.toLowerCase()));
    assertThat(TenantId.parse(upper)).hasSameHashCodeAs(TenantId.parse(upper.toLowerCase()));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"8b090c71cfba494d87a6e10b321a0d98", "{8b090c71-cfba-494d-87a6-e10b321a0d98}",
      " 8b090c71-cfba-494d-87a6-e10b321a0d98", "8b090c71-cfba-494d-87a6-e10b321a0d9\uff18",
      "8b090c71-cfba-494d-87a6-e10b321a0d9g", "8b090c71_cfba-494d-87a6-e10b321a0d98"})
  void guidsRefuseEverythingButTheCanonicalForm(String text) {
    assertThat(SubscriptionId.isValid(text)).isFalse();
    assertThat(TenantId.isValid(text)).isFalse();
    assertThatThrownBy(() -> SubscriptionId.parse(text)).hasMessageStartingWith("The subscription id");
    assertThatThrownBy(() -> TenantId.parse(text)).hasMessageStartingWith("The tenant id");
  }

  @ParameterizedTest
  @ValueSource(strings = {"rg", "RG_(prod).v1", "my-rg", "(x)"})
  void resourceGroupNameParsesValidText(String text) {
    assertThat(ResourceGroupName.isValid(text)).isTrue();
    assertThat(ResourceGroupName.parse(text).value()).isEqualTo(text);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"my-rg ", " my-rg", "rg.", "my rg", "rg\u0000", "\u0440g"})
  void resourceGroupNameRefusesInvalidText(String text) {
    assertThat(ResourceGroupName.isValid(text)).isFalse();
    assertThatThrownBy(() -> ResourceGroupName.parse(text)).hasMessageStartingWith("The resource group name");
  }

  @Test
  void resourceGroupNameLengthLimitIsNinety() {
    assertThat(ResourceGroupName.isValid("r".repeat(90))).isTrue();
    assertThat(ResourceGroupName.isValid("r".repeat(91))).isFalse();
  }

  @Test
  void organizationNamesCompareIgnoringCaseButKeepTheirSpelling() {
    OrganizationName mixed = OrganizationName.parse("Contoso");
    OrganizationName lower = OrganizationName.parse("contoso");

    assertThat(mixed).isEqualTo(lower).hasSameHashCodeAs(lower);
    assertThat(mixed.value()).isEqualTo("Contoso");
    assertThat(mixed).hasToString("Contoso");
    assertThat(mixed).isNotEqualTo(OrganizationName.parse("contoso2"));
    assertThat(java.util.Set.of(mixed)).contains(OrganizationName.parse("CONTOSO"));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"-contoso", "con toso", "contoso ", "c\u043entoso", "contoso/web", "contoso@x"})
  void organizationNameRefusesInvalidText(String text) {
    assertThat(OrganizationName.isValid(text)).isFalse();
    assertThatThrownBy(() -> OrganizationName.parse(text)).hasMessageStartingWith("The organization name");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"-contoso", "contoso-", "con toso", "contoso ", "c\u043entoso", "contoso.com",
      "contoso_labs", "ooooooooooooooooooooooooooooooooooooooooooooooooooo"})
  void azureDevOpsRuleRefusesWhatAzureDevOpsRefuses(String text) {
    assertThat(OrganizationName.isValidFor(DevOpsPlatform.AZURE_DEVOPS, text)).isFalse();
    assertThat(OrganizationName.problem(DevOpsPlatform.AZURE_DEVOPS, text)).get().asString()
        .startsWith("The organization name");
  }

  @Test
  void organizationNameHoldsGitLabPathsButEachPlatformKeepsItsOwnRule() {
    for (String path : new String[] {"contoso.labs", "contoso_labs", "contoso-", ".hidden", "o".repeat(255)}) {
      assertThat(OrganizationName.isValid(path)).as(path).isTrue();
      assertThat(OrganizationName.isValidFor(DevOpsPlatform.GITLAB, path)).as(path).isTrue();
      assertThat(OrganizationName.isValidFor(DevOpsPlatform.AZURE_DEVOPS, path)).as(path).isFalse();
    }
    assertThat(OrganizationName.isValid("o".repeat(256))).isFalse();
    assertThat(OrganizationName.isValidFor(DevOpsPlatform.GITLAB, "contoso.git")).isFalse();
    assertThat(OrganizationName.isValidFor(DevOpsPlatform.GITLAB, "contoso.ATOM")).isFalse();
    assertThat(OrganizationName.isValidFor(DevOpsPlatform.GITHUB, "contoso.labs")).isFalse();
    assertThat(OrganizationName.isValidFor(DevOpsPlatform.AZURE_DEVOPS, "o".repeat(50))).isTrue();
    assertThat(OrganizationName.isValidFor(DevOpsPlatform.AZURE_DEVOPS, "o".repeat(51))).isFalse();
  }

  @Test
  void findingCodesAreOnlyEverAppended() {
    // Codes are API: this list may only grow at its end; a rename or reorder must fail here.
    List<String> published = List.of("CONNECTOR_NAME_INVALID", "SUBSCRIPTION_ID_INVALID",
        "RESOURCE_GROUP_NAME_INVALID", "REGION_UNKNOWN", "REGION_NOT_SUPPORTED", "CLOUD_NOT_SUPPORTED",
        "OFFERING_NOT_APPLICABLE", "AZURE_PERMISSION_MISSING", "ORGANIZATION_SELECTION_INVALID",
        "ADO_NOT_PROJECT_COLLECTION_ADMINISTRATOR", "ADO_ACCESS_LEVEL_INSUFFICIENT", "ADO_OAUTH_APP_ACCESS_DISABLED",
        "ADO_OAUTH_APP_ACCESS_UNKNOWN", "ADO_ORGANIZATION_ONBOARDED_ELSEWHERE", "ADO_ORGANIZATION_NOT_ACCESSIBLE",
        "ADO_TENANT_MISMATCH", "REAUTHORIZATION_REQUIRED", "TAKEOVER_NOT_CONFIRMED", "EDIT_CONFLICT",
        "TENANT_ID_INVALID", "OWNER_MISSING", "TAKEOVER_FORBIDDEN", "AZURE_RESOURCE_PROVIDER_NOT_REGISTERED");
    List<String> actual = java.util.Arrays.stream(FindingCode.values()).map(Enum::name).collect(Collectors.toList());
    assertThat(actual.subList(0, Math.min(actual.size(), published.size()))).containsExactlyElementsOf(published);
    assertThat(FindingCode.TENANT_ID_INVALID.defaultSeverity()).isEqualTo(Severity.ERROR);
    assertThat(FindingCode.OWNER_MISSING.defaultSeverity()).isEqualTo(Severity.ERROR);
    assertThat(FindingCode.ADO_OAUTH_APP_ACCESS_UNKNOWN.defaultSeverity()).isEqualTo(Severity.WARNING);
  }
}
