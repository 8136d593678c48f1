package io.github.devopsconnector.core;

import java.util.Locale;
import java.util.Optional;

/** The DevOps platforms a Defender for Cloud DevOps connector can connect. */
public enum DevOpsPlatform {
  /** Azure DevOps Services. */
  AZURE_DEVOPS("AzureDevOps", "AzureDevOpsScope", "Azure DevOps"),
  /** GitHub Enterprise Cloud and github.com. */
  GITHUB("Github", "GithubScope", "GitHub"),
  /** GitLab SaaS. */
  GITLAB("GitLab", "GitlabScope", "GitLab");

  private final String armEnvironmentName;
  private final String armEnvironmentType;
  private final String displayName;

  DevOpsPlatform(String armEnvironmentName, String armEnvironmentType, String displayName) {
    this.armEnvironmentName = armEnvironmentName;
    this.armEnvironmentType = armEnvironmentType;
    this.displayName = displayName;
  }

  /** The value of {@code properties.environmentName} in ARM ({@code AzureDevOps}, {@code Github}, {@code GitLab}). */
  public String armEnvironmentName() {
    return armEnvironmentName;
  }

  /** The value of {@code properties.environmentData.environmentType} in ARM. */
  public String armEnvironmentType() {
    return armEnvironmentType;
  }

  /** The name people use. */
  public String displayName() {
    return displayName;
  }

  /** The platform whose ARM environment name this is, ignoring case. */
  public static Optional<DevOpsPlatform> fromArmEnvironmentName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    for (DevOpsPlatform platform : values()) {
      if (platform.armEnvironmentName.toLowerCase(Locale.ROOT).equals(wanted)) {
        return Optional.of(platform);
      }
    }
    return Optional.empty();
  }
}
