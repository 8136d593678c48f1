package io.github.devopsconnector.arm;

import com.azure.core.util.ServiceVersion;

/**
 * The api-versions the client uses. {@code securityConnectors} has no stable version ({@code 2024-08-01-preview} is
 * the latest); the {@code devops} resources are stable. The version of a constant ({@link #getVersion()}) is its
 * {@code devops} api-version.
 */
public enum DefenderConnectorServiceVersion implements ServiceVersion {
  /** {@code devops} 2024-04-01 (the first stable one), {@code securityConnectors} 2024-08-01-preview. */
  V2024_04_01("2024-04-01", "2024-08-01-preview"),
  /** {@code devops} 2025-03-01 (adds agentless scanning), {@code securityConnectors} 2024-08-01-preview. */
  V2025_03_01("2025-03-01", "2024-08-01-preview");

  private final String devOpsApiVersion;
  private final String securityConnectorsApiVersion;

  DefenderConnectorServiceVersion(String devOpsApiVersion, String securityConnectorsApiVersion) {
    this.devOpsApiVersion = devOpsApiVersion;
    this.securityConnectorsApiVersion = securityConnectorsApiVersion;
  }

  /** The {@code devops} api-version. */
  @Override
  public String getVersion() {
    return devOpsApiVersion;
  }

  /** The api-version of {@code devops/default} and the resources under it. */
  public String devOpsApiVersion() {
    return devOpsApiVersion;
  }

  /** The api-version of {@code Microsoft.Security/securityConnectors}. */
  public String securityConnectorsApiVersion() {
    return securityConnectorsApiVersion;
  }

  /** The api-version of {@code Microsoft.Authorization/permissions}. */
  public String permissionsApiVersion() {
    return "2022-04-01";
  }

  /** The api-version of {@code Microsoft.Resources} providers. */
  public String providersApiVersion() {
    return "2021-04-01";
  }

  /** Whether the {@code devops} api-version has {@code agentlessConfiguration} (2025-03-01 and later). */
  public boolean hasAgentlessConfiguration() {
    return this != V2024_04_01;
  }

  /** The newest version. */
  public static DefenderConnectorServiceVersion getLatest() {
    return V2025_03_01;
  }
}
