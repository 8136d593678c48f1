package io.github.devopsconnector.core;

import static io.github.devopsconnector.core.Fixtures.valid;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Regions of the national clouds name the cloud that is not supported; names no cloud has stay unknown. */
class NationalCloudRegionTest {

  @ParameterizedTest
  @CsvSource({
      "usgovvirginia, Azure Government, AzureUSGovernment",
      "USGov Virginia, Azure Government, AzureUSGovernment",
      "usgovtexas, Azure Government, AzureUSGovernment",
      "usgovarizona, Azure Government, AzureUSGovernment",
      "usgoviowa, Azure Government, AzureUSGovernment",
      "usdodeast, Azure Government, AzureUSGovernment",
      "USDoD Central, Azure Government, AzureUSGovernment",
      "chinaeast, Azure operated by 21Vianet, AzureChinaCloud",
      "chinaeast2, Azure operated by 21Vianet, AzureChinaCloud",
      "China East 3, Azure operated by 21Vianet, AzureChinaCloud",
      "chinanorth, Azure operated by 21Vianet, AzureChinaCloud",
      "chinanorth2, Azure operated by 21Vianet, AzureChinaCloud",
      "ChinaNorth3, Azure operated by 21Vianet, AzureChinaCloud"})
  void aNationalCloudRegionIsCloudNotSupportedNamingRegionAndCloud(String region, String cloud, String cliName) {
    List<Finding> findings = valid().region(region).validate().findings();
    assertThat(findings).singleElement().satisfies(finding -> {
      assertThat(finding.code()).isEqualTo(FindingCode.CLOUD_NOT_SUPPORTED);
      assertThat(finding.subject()).isEqualTo("region");
      assertThat(finding.message()).contains(region).contains(cloud).contains(cliName)
          .contains("only in the Azure commercial cloud");
      assertThat(finding.remediation()).contains("commercial cloud").contains("centralus");
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"atlantis", "usgovmars", "chinawest9"})
  void aNameNoCloudHasIsStillRegionUnknown(String region) {
    assertThat(valid().region(region).validate().findings()).extracting(Finding::code)
        .containsExactly(FindingCode.REGION_UNKNOWN);
  }
}
