package io.github.devopsconnector.core;

import java.util.Locale;
import java.util.Optional;

/**
 * The ARM offering types ({@code properties.offerings[].offeringType}) of DevOps connectors. Each applies to one
 * platform. The {@code DefenderForDevOps*} offerings were removed from the API in 2024 and are recognised only to
 * be refused with a clear reason.
 */
public enum Offering {
  /** Foundational CSPM for Azure DevOps: the offering of every Azure DevOps connector. */
  CSPM_MONITOR_AZURE_DEVOPS("CspmMonitorAzureDevOps", DevOpsPlatform.AZURE_DEVOPS, false),
  /** Foundational CSPM for GitHub. */
  CSPM_MONITOR_GITHUB("CspmMonitorGithub", DevOpsPlatform.GITHUB, false),
  /** Foundational CSPM for GitLab. */
  CSPM_MONITOR_GITLAB("CspmMonitorGitLab", DevOpsPlatform.GITLAB, false),
  /** Retired: removed by api-version 2024-07-01-preview; use {@link #CSPM_MONITOR_AZURE_DEVOPS}. */
  DEFENDER_FOR_DEVOPS_AZURE_DEVOPS("DefenderForDevOpsAzureDevOps", DevOpsPlatform.AZURE_DEVOPS, true),
  /** Retired: removed by api-version 2024-07-01-preview; use {@link #CSPM_MONITOR_GITHUB}. */
  DEFENDER_FOR_DEVOPS_GITHUB("DefenderForDevOpsGithub", DevOpsPlatform.GITHUB, true),
  /** Retired: removed by api-version 2024-07-01-preview; use {@link #CSPM_MONITOR_GITLAB}. */
  DEFENDER_FOR_DEVOPS_GITLAB("DefenderForDevOpsGitLab", DevOpsPlatform.GITLAB, true);

  private final String armName;
  private final DevOpsPlatform platform;
  private final boolean retired;

  Offering(String armName, DevOpsPlatform platform, boolean retired) {
    this.armName = armName;
    this.platform = platform;
    this.retired = retired;
  }

  /** The {@code offeringType} value in ARM. */
  public String armName() {
    return armName;
  }

  /** The platform this offering applies to. */
  public DevOpsPlatform platform() {
    return platform;
  }

  /** Whether the offering was removed from the API and can no longer be created. */
  public boolean isRetired() {
    return retired;
  }

  /** The current offering for a platform. */
  public static Offering defaultFor(DevOpsPlatform platform) {
    switch (platform) {
      case GITHUB:
        return CSPM_MONITOR_GITHUB;
      case GITLAB:
        return CSPM_MONITOR_GITLAB;
      case AZURE_DEVOPS:
      default:
        return CSPM_MONITOR_AZURE_DEVOPS;
    }
  }

  /** The offering with this ARM name, ignoring case. */
  public static Optional<Offering> fromArmName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    for (Offering offering : values()) {
      if (offering.armName.toLowerCase(Locale.ROOT).equals(wanted)) {
        return Optional.of(offering);
      }
    }
    return Optional.empty();
  }
}
