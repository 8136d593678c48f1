package io.github.devopsconnector.core.edit;

import io.github.devopsconnector.core.ConnectorId;
import java.util.List;

import io.github.devopsconnector.core.DevOpsConnectorException;

import io.github.devopsconnector.core.Finding;
import io.github.devopsconnector.core.FindingCode;
import io.github.devopsconnector.core.OrganizationName;
import java.util.Objects;
import java.util.Optional;

/**
 * The organization is already onboarded by another connector in the tenant. Carries the
 * {@link FindingCode#ADO_ORGANIZATION_ONBOARDED_ELSEWHERE} finding.
 */
public final class OrganizationOnboardedElsewhereException extends DevOpsConnectorException {
  private static final long serialVersionUID = 1L;

  private final transient OrganizationName organization;
  private final transient ConnectorId holderConnectorId;

  /**
   * The organization and the connector that holds it.
   *
   * @throws NullPointerException if an argument is null
   */
  public OrganizationOnboardedElsewhereException(OrganizationName organization, ConnectorId holderConnectorId) {
    this(organization, Optional.of(Objects.requireNonNull(holderConnectorId, "holderConnectorId")));
  }

  /**
   * The organization, held by a connector the caller cannot see (the service reports the organization onboarded
   * elsewhere without naming the connector).
   *
   * @throws NullPointerException if the organization is null
   */
  public OrganizationOnboardedElsewhereException(OrganizationName organization) {
    this(organization, Optional.empty());
  }

  private OrganizationOnboardedElsewhereException(OrganizationName organization, Optional<ConnectorId> holder) {
    super(message(Objects.requireNonNull(organization, "organization"), holder), null,
        List.of(finding(organization, holder)), null);
    this.organization = organization;
    this.holderConnectorId = holder.orElse(null);
  }


  /** The organization. */
  public OrganizationName organization() {
    return organization;
  }

  /** The connector that holds the organization; empty when the caller cannot see it. */
  public Optional<ConnectorId> holderConnectorId() {
    return Optional.ofNullable(holderConnectorId);
  }

  /** The finding for an organization held by another connector; shared with the checks that do not throw. */
  static Finding finding(OrganizationName organization, Optional<ConnectorId> holderConnectorId) {
    return Finding.of(FindingCode.ADO_ORGANIZATION_ONBOARDED_ELSEWHERE,
        Finding.organizationSubject(organization.value()), message(organization, holderConnectorId),
        "Remove the organization from the other connector first, or leave it out of this one.");
  }

  private static String message(OrganizationName organization, Optional<ConnectorId> holderConnectorId) {
    return "The organization " + organization + " is already onboarded by "
        + holderConnectorId.map(id -> "the connector " + id).orElse("a connector the caller cannot see")
        + " in this tenant.";
  }
}
