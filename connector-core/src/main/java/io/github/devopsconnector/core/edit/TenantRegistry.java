package io.github.devopsconnector.core.edit;

import io.github.devopsconnector.core.ConnectorId;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.TenantId;
import java.util.Optional;
import java.util.Set;

/**
 * Which connector has onboarded which Azure DevOps organization, per Microsoft Entra tenant. An organization can
 * be onboarded by one connector per tenant; the same organization in another tenant is unrelated. Organization
 * names compare ignoring case. Implementations must be thread-safe, and each method atomic.
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
}
