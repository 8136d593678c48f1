package io.github.devopsconnector.azuredevops;

import com.azure.core.util.ServiceVersion;

/**
 * The Azure DevOps REST API versions this client speaks. The version decides the {@code api-version} of every
 * call; the preview areas the client needs (connection data, graph) use the same version with their preview
 * suffix, and the organization policy call keeps the only version it is known to answer.
 */
public enum AzureDevOpsServiceVersion implements ServiceVersion {
  /** REST API 7.1 (Azure DevOps Services, Azure DevOps Server 2022.1 and later). */
  V7_1("7.1");

  private final String version;

  AzureDevOpsServiceVersion(String version) {
    this.version = version;
  }

  /**
   * The {@code api-version} value, such as {@code 7.1}.
   *
   * @return the version text
   */
  @Override
  public String getVersion() {
    return version;
  }

  /**
   * The newest version this client supports, which is the default.
   *
   * @return the latest service version
   */
  public static AzureDevOpsServiceVersion getLatest() {
    return V7_1;
  }
}
