package io.github.devopsconnector.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AzureRegionTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Central US|centralus|Central US", "centralus|centralus|Central US", "CentralUS|centralus|Central US",
      "central us|centralus|Central US", "CENTRAL US|centralus|Central US", "West US 2|westus2|West US 2",
      "westus2|westus2|West US 2", "Australia Central 2|australiacentral2|Australia Central 2",
      "UK South|uksouth|UK South"})
  void everyUsualSpellingFindsTheRegion(String spelling, String name, String displayName) {
    AzureRegion region = AzureRegion.parse(spelling);

    assertThat(region.name()).isEqualTo(name);
    assertThat(region.displayName()).isEqualTo(displayName);
    assertThat(region).isEqualTo(AzureRegion.find(name).orElseThrow()).hasToString(displayName + " (" + name + ")");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"narnia", "central-us", "central_us", "c\u0435ntralus", "centralus\u200b", "\uff43entralus",
      "centralus\n"})
  void anythingElseFindsNothing(String text) {
    assertThat(AzureRegion.find(text)).isEmpty();
    assertThatThrownBy(() -> AzureRegion.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Not an Azure region: ");
  }

  @Test
  void overLongTextFindsNothingAndIsNotEchoed() {
    String text = "centralus".repeat(1_000);
    assertThat(AzureRegion.find(text)).isEmpty();
    assertThatThrownBy(() -> AzureRegion.parse(text)).hasMessageContaining("(9000 characters)")
        .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(200));
  }

  @Test
  void theDevOpsListIsTheDocumentedOneAndKnown() {
    assertThat(AzureRegion.devOpsSupportedRegions()).extracting(AzureRegion::name).containsExactly(
        "eastasia", "australiaeast", "canadacentral", "westeurope", "northeurope", "swedencentral", "uksouth",
        "eastus", "centralus");
    assertThat(AzureRegion.knownRegions()).containsAll(AzureRegion.devOpsSupportedRegions());
    assertThat(AzureRegion.CENTRAL_US.name()).isEqualTo("centralus");
  }
}
