package io.github.devopsconnector.core;

/** The built-in Azure roles that matter for DevOps connectors, and whether each may create one. */
public enum AzureRole {
  /** Owner: full access. */
  OWNER("Owner", true),
  /** Contributor: may create and edit connectors. */
  CONTRIBUTOR("Contributor", true),
  /** Security Admin: may create and edit connectors. */
  SECURITY_ADMIN("Security Admin", true),
  /** Security Reader: may only read connectors and findings. */
  SECURITY_READER("Security Reader", false),
  /** Reader: may only read. */
  READER("Reader", false);

  private final String displayName;
  private final boolean canWriteSecurityConnectors;

  AzureRole(String displayName, boolean canWriteSecurityConnectors) {
    this.displayName = displayName;
    this.canWriteSecurityConnectors = canWriteSecurityConnectors;
  }

  /** The role's name in Azure. */
  public String displayName() {
    return displayName;
  }

  /** Whether the role grants {@code Microsoft.Security/securityConnectors/write}. */
  public boolean canWriteSecurityConnectors() {
    return canWriteSecurityConnectors;
  }
}
