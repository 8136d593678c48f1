package io.github.devopsconnector.core.edit;

import io.github.devopsconnector.core.ConnectorId;
import io.github.devopsconnector.core.AuthorizationCode;
import io.github.devopsconnector.core.Connector;
import io.github.devopsconnector.core.Finding;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.ValidationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Creating a connector while keeping one organization per tenant: {@link ConnectorStore#create} claims nothing, so
 * creation goes through here to check and claim the organizations in the {@link TenantRegistry}.
 *
 * <p>The organizations a new connector claims are its explicit list; for a connector that selects all existing
 * (and future) organizations, they are the organizations of the context's facts that pass
 * {@link io.github.devopsconnector.core.OrganizationChecks} and no other connector of the tenant holds (as the
 * service skips those, an all-existing connector is never refused for them). Permission checks for an explicit
 * list are the {@link io.github.devopsconnector.core.ConnectorBuilder}'s job and are not repeated here.
 */
public final class ConnectorCreation {

  private ConnectorCreation() {}

  /**
   * The {@link io.github.devopsconnector.core.FindingCode#ADO_ORGANIZATION_ONBOARDED_ELSEWHERE} findings for the
   * organizations of the connector's explicit list that another connector of its tenant has onboarded. The same
   * organization onboarded in another tenant is no obstacle. Changes nothing.
   *
   * @throws NullPointerException if an argument is null
   */
  public static ValidationReport check(Connector connector, EditContext context) {
    Objects.requireNonNull(connector, "connector");
    Objects.requireNonNull(context, "context");
    List<Finding> findings = new ArrayList<>();
    OrganizationSelection selection = connector.organizations();
    if (selection.kind() == OrganizationSelection.Kind.EXPLICIT) {
      for (OrganizationName organization : selection.organizations()) {
        Onboarding.heldElsewhere(connector, organization, context.tenantRegistry()).ifPresent(findings::add);
      }
    }
    return ValidationReport.of(findings);
  }

  /**
   * Checks, claims the connector's organizations in the tenant registry, then creates it in the context's store.
   * If the store fails, the claims made here are released again.
   *
   * @param authorization the creator's authorization code; the store exchanges and destroys it
   * @return the connector as saved, with its first version
   * @throws OrganizationNotSelectableException if another connector of the tenant has onboarded an organization of
   *     the explicit list (see {@link #check}); nothing was created or claimed
   * @throws OrganizationOnboardedElsewhereException if another connector claimed one of them meanwhile; nothing was
   *     created, and the claims made here were released
   * @throws IllegalStateException if a connector with the same resource id exists (from the store)
   * @throws NullPointerException if an argument is null
   */
  public static VersionedConnector create(Connector connector, AuthorizationCode authorization,
      EditContext context) {
    Objects.requireNonNull(authorization, "authorization");
    ValidationReport report = check(connector, context);
    if (!report.isValid()) {
      List<OrganizationName> refused = new ArrayList<>();
      for (OrganizationName organization : connector.organizations().organizations()) {
        if (!report.about(Finding.organizationSubject(organization.value())).isEmpty()) {
          refused.add(organization);
        }
      }
      throw new OrganizationNotSelectableException(refused, report);
    }
    TenantRegistry registry = context.tenantRegistry();
    ConnectorId connectorId = connector.id();
    List<OrganizationName> claimed = new ArrayList<>();
    try {
      for (OrganizationName organization : Onboarding.ofNewConnector(connector, context)) {
        if (registry.claim(connector.tenant(), connector.platform(), organization, connectorId)) {
          claimed.add(organization);
        }
      }
      return context.store().create(connector, authorization);
    } catch (RuntimeException failure) {
      for (OrganizationName organization : claimed) {
        try {
          registry.release(connector.tenant(), connector.platform(), organization, connectorId);
        } catch (RuntimeException e) {
          failure.addSuppressed(e);
        }
      }
      throw failure;
    }
  }
}
