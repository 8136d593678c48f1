package io.github.devopsconnector.core.edit;

import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.TenantId;
import java.util.Optional;

/**
 * Which connector has onboarded which Azure DevOps organization, per Microsoft Entra tenant. An organization can
 * be onboarded by one connector per tenant; the same organization in another tenant is unrelated.
 * Implementations must be thread-safe.
 */
public interface TenantRegistry {

  /** The resource id of the connector that onboarded the organization in this tenant, if any. */
  Optional<String> onboardedBy(TenantId tenant, OrganizationName organization);

  /**
   * Records that a connector onboarded the organization. Claiming again for the same connector does nothing.
   *
   * @throws OrganizationOnboardedElsewhereException if another connector of the tenant holds it
   */
  void claim(TenantId tenant, OrganizationName organization, String connectorId);

  /** Forgets the connector's claim on the organization; does nothing if it holds none. */
  void release(TenantId tenant, OrganizationName organization, String connectorId);
}
