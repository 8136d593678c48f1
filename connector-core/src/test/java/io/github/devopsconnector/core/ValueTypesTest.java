package io.github.devopsconnector.core;

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
  @ValueSource(strings = {"-contoso", "contoso-", "con toso", "contoso ", "c\u043entoso", "contoso.com",
      "ooooooooooooooooooooooooooooooooooooooooooooooooooo"})
  void organizationNameRefusesInvalidText(String text) {
    assertThat(OrganizationName.isValid(text)).isFalse();
    assertThatThrownBy(() -> OrganizationName.parse(text)).hasMessageStartingWith("The organization name");
  }

  @Test
  void organizationNameLengthLimitIsFifty() {
    assertThat(OrganizationName.isValid("o".repeat(50))).isTrue();
    assertThat(OrganizationName.isValid("o".repeat(51))).isFalse();
  }

  @Test
  void newFindingCodesAreAppendedAndBlock() {
    FindingCode[] codes = FindingCode.values();
    assertThat(codes[codes.length - 2]).isEqualTo(FindingCode.TENANT_ID_INVALID);
    assertThat(codes[codes.length - 1]).isEqualTo(FindingCode.OWNER_MISSING);
    assertThat(FindingCode.TENANT_ID_INVALID.defaultSeverity()).isEqualTo(Severity.ERROR);
    assertThat(FindingCode.OWNER_MISSING.defaultSeverity()).isEqualTo(Severity.ERROR);
  }
}
