package io.github.devopsconnector.core.discovery;

import io.github.devopsconnector.core.ConnectorId;
import io.github.devopsconnector.core.AccessLevel;
import io.github.devopsconnector.core.OAuthAppAccess;
import io.github.devopsconnector.core.OrganizationChecks;
import io.github.devopsconnector.core.OrganizationFacts;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.TenantId;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsClient;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.azuredevops.OAuthAppAccessStatus;
import io.github.devopsconnector.core.edit.OrganizationOnboardedElsewhereException;
import io.github.devopsconnector.core.edit.TenantRegistry;
import java.util.Optional;

/**
 * Whether the connector would onboard one organization, and why not: the user's facts in it judged by
 * {@link OrganizationChecks}, plus the tenant registry. What {@link Preflight} reports per organization and what
 * {@link InventoryDiscovery} attaches to each outcome when asked to; one place, so both say the same.
 */
final class OnboardingCheck {

  private final Optional<TenantRegistry> registry;
  private final Optional<TenantId> tenant;
  private final Optional<ConnectorId> ownConnectorId;

  /**
   * A check.
   *
   * @param registry consulted for organizations onboarded elsewhere, when the tenant is known
   * @param tenant the connector's tenant; empty leaves out the tenant-bound checks
   * @param ownConnectorId the connector being checked, whose own organizations are not "onboarded elsewhere"
   */
  OnboardingCheck(Optional<TenantRegistry> registry, Optional<TenantId> tenant,
      Optional<ConnectorId> ownConnectorId) {
    this.registry = registry;
    this.tenant = tenant;
    this.ownConnectorId = ownConnectorId;
  }

  /** An organization that could not be read: refused (a finding) or failed (the error). */
  OrganizationPreflight unreadable(OrganizationName organization, DiscoveryError error) {
    ImmutableOrganizationPreflight.Builder result = OrganizationPreflight.builder().organization(organization);
    if (error.isNotAccessible()) {
      result.addFindings(Findings.notAccessible(organization, error));
    } else {
      result.error(error);
    }
    onboardedElsewhere(organization, result);
    return result.build();
  }

  /** Reads the user's facts in the organization through the gate and judges them. */
  OrganizationPreflight check(RequestGate gate, AzureDevOpsClient client, OrganizationName organization) {
    ImmutableOrganizationPreflight.Builder result = OrganizationPreflight.builder().organization(organization);
    try {
      AccessLevel accessLevel = gate.call(() -> client.accessLevel(organization));
      boolean administrator = gate.call(() -> client.isProjectCollectionAdministrator(organization));
      OAuthAppAccessStatus oauth = oauthAppAccess(gate, client, organization);
      Optional<TenantId> organizationTenant = gate.call(() -> client.organizationTenant(organization));
      OrganizationFacts facts = OrganizationFacts.builder()
          .organization(organization)
          .accessLevel(accessLevel)
          .projectCollectionAdministrator(administrator)
          .oauthAppAccess(oauth.state())
          .oauthAppAccessDetail(oauth.detail())
          .tenant(organizationTenant)
          .tenantless(organizationTenant.isEmpty())
          .build();
      result.facts(facts).addAllFindings(OrganizationChecks.check(facts, tenant));
    } catch (ServiceException e) {
      return unreadable(organization, DiscoveryError.of(e));
    }
    onboardedElsewhere(organization, result);
    return result.build();
  }

  /** The OAuth policy, best effort: the API for it is undocumented, so any failure reads as unknown. */
  private static OAuthAppAccessStatus oauthAppAccess(RequestGate gate, AzureDevOpsClient client,
      OrganizationName organization) {
    try {
      return gate.call(() -> client.oauthAppAccess(organization));
    } catch (ServiceException e) {
      return OAuthAppAccessStatus.of(OAuthAppAccess.UNKNOWN, "reading it failed ("
          + DiscoveryError.of(e).toString() + ")");
    }
  }

  private void onboardedElsewhere(OrganizationName organization, ImmutableOrganizationPreflight.Builder result) {
    if (tenant.isEmpty() || registry.isEmpty()) {
      return;
    }
    Optional<ConnectorId> holder = registry.get().onboardedBy(tenant.get(), organization)
        .filter(id -> ownConnectorId.map(own -> !own.sameResource(id)).orElse(true));
    if (holder.isPresent()) {
      result.onboardedBy(holder)
          .addFindings(new OrganizationOnboardedElsewhereException(organization, holder.get()).finding().orElseThrow());
    }
  }
}
