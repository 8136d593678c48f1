package io.github.devopsconnector.core.edit;

import io.github.devopsconnector.core.ConnectorId;
import io.github.devopsconnector.core.DevOpsPlatform;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.TenantId;
import java.util.Optional;
import java.util.Set;

/**
 * Which connector has onboarded which organization, per Microsoft Entra tenant and platform. An organization (an
 * Azure DevOps organization, a GitHub owner, a GitLab top-level group) can be onboarded by one connector per tenant; the same name in another
 * tenant, or on another platform, is unrelated. Organization names compare ignoring case. Implementations must be
 * thread-safe, and each method atomic.
 *
 * <p>The methods without a platform are about Azure DevOps organizations. The methods with one default to them for
 * {@link DevOpsPlatform#AZURE_DEVOPS} and refuse other platforms with {@link UnsupportedOperationException}: a
 * registry that keeps GitHub owners or GitLab groups overrides them (as {@link InMemoryTenantRegistry} does).
 *
 * <p>The registry is kept by whoever changes what a connector onboards: {@link ConnectorCreation} claims the
 * organizations of a new connector, and {@link EditSession#update()} claims added and releases removed ones.
 * {@link ConnectorStore} never touches it. See {@link InMemoryTenantRegistry} for a ready implementation.
 */
public interface TenantRegistry {

  /** The connector that onboarded the organization in this tenant, if any. */
  Optional<ConnectorId> onboardedBy(TenantId tenant, OrganizationName organization);

  /** The organizations this connector holds in the tenant, in no particular order. */
  Set<OrganizationName> organizationsOf(TenantId tenant, ConnectorId connectorId);

  /**
   * Records that a connector onboarded the organization. Claiming again for the same connector does nothing.
   *
   * @return {@code true} if this call made the claim, {@code false} if the connector already held it
   * @throws OrganizationOnboardedElsewhereException if another connector of the tenant holds it; nothing changes
   */
  boolean claim(TenantId tenant, OrganizationName organization, ConnectorId connectorId);

  /** Forgets the connector's claim on the organization; does nothing if it holds none. */
  void release(TenantId tenant, OrganizationName organization, ConnectorId connectorId);

  /**
   * The connector that onboarded the organization of this platform in this tenant, if any.
   *
   * @throws UnsupportedOperationException if the registry keeps Azure DevOps organizations only
   */
  default Optional<ConnectorId> onboardedBy(TenantId tenant, DevOpsPlatform platform, OrganizationName organization) {
    azureDevOpsOnly(platform);
    return onboardedBy(tenant, organization);
  }

  /**
   * The organizations of this platform that the connector holds in the tenant.
   *
   * @throws UnsupportedOperationException if the registry keeps Azure DevOps organizations only
   */
  default Set<OrganizationName> organizationsOf(TenantId tenant, DevOpsPlatform platform, ConnectorId connectorId) {
    azureDevOpsOnly(platform);
    return organizationsOf(tenant, connectorId);
  }

  /**
   * Records that a connector onboarded the organization of this platform; as {@link #claim(TenantId,
   * OrganizationName, ConnectorId)}.
   *
   * @throws OrganizationOnboardedElsewhereException if another connector of the tenant holds it; nothing changes
   * @throws UnsupportedOperationException if the registry keeps Azure DevOps organizations only
   */
  default boolean claim(TenantId tenant, DevOpsPlatform platform, OrganizationName organization, ConnectorId connectorId) {
    azureDevOpsOnly(platform);
    return claim(tenant, organization, connectorId);
  }

  /**
   * Forgets the connector's claim on the organization of this platform.
   *
   * @throws UnsupportedOperationException if the registry keeps Azure DevOps organizations only
   */
  default void release(TenantId tenant, DevOpsPlatform platform, OrganizationName organization, ConnectorId connectorId) {
    azureDevOpsOnly(platform);
    release(tenant, organization, connectorId);
  }

  private void azureDevOpsOnly(DevOpsPlatform platform) {
    if (platform != DevOpsPlatform.AZURE_DEVOPS) {
      throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps Azure DevOps organizations "
          + "only, not " + platform.displayName() + " ones; use a registry that keeps every platform, such as "
          + "InMemoryTenantRegistry.");
    }
  }
}
