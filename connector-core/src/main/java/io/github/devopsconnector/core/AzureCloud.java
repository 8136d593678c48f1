package io.github.devopsconnector.core;

import java.util.Locale;
import java.util.Optional;

/** The Azure clouds. DevOps connectors are offered in the commercial cloud only. */
public enum AzureCloud {
  /** Azure commercial (public) cloud. */
  COMMERCIAL("AzureCloud", "https://management.azure.com", true),
  /** Azure Government. */
  US_GOVERNMENT("AzureUSGovernment", "https://management.usgovcloudapi.net", false),
  /** Microsoft Azure operated by 21Vianet (China). */
  CHINA("AzureChinaCloud", "https://management.chinacloudapi.cn", false);

  private final String cliName;
  private final String resourceManagerEndpoint;
  private final boolean devOpsConnectorsSupported;

  AzureCloud(String cliName, String resourceManagerEndpoint, boolean devOpsConnectorsSupported) {
    this.cliName = cliName;
    this.resourceManagerEndpoint = resourceManagerEndpoint;
    this.devOpsConnectorsSupported = devOpsConnectorsSupported;
  }

  /** The name the Azure CLI uses ({@code az cloud list}). */
  public String cliName() {
    return cliName;
  }

  /** The Azure Resource Manager endpoint of this cloud. */
  public String resourceManagerEndpoint() {
    return resourceManagerEndpoint;
  }

  /** Whether Defender for Cloud offers DevOps connectors in this cloud. */
  public boolean supportsDevOpsConnectors() {
    return devOpsConnectorsSupported;
  }

  /**
   * The cloud with this name: the constant name ({@code COMMERCIAL}), the CLI name ({@code AzureCloud},
   * {@code AzureUSGovernment}, {@code AzureChinaCloud}) or a common alias ({@code public}, {@code usgov},
   * {@code china}, {@code 21vianet}), ignoring case.
   */
  public static Optional<AzureCloud> parse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String key = name.trim().toLowerCase(Locale.ROOT).replace("_", "").replace("-", "").replace(" ", "");
    switch (key) {
      case "commercial":
      case "azurecloud":
      case "public":
      case "azurepubliccloud":
        return Optional.of(COMMERCIAL);
      case "usgovernment":
      case "azureusgovernment":
      case "usgov":
      case "azuregovernment":
        return Optional.of(US_GOVERNMENT);
      case "china":
      case "azurechinacloud":
      case "21vianet":
        return Optional.of(CHINA);
      default:
        return Optional.empty();
    }
  }
}
