package io.github.devopsconnector.core.edit;

import java.util.List;

import io.github.devopsconnector.core.DevOpsConnectorException;

import io.github.devopsconnector.core.Finding;
import io.github.devopsconnector.core.FindingCode;
import io.github.devopsconnector.core.OrganizationName;
import java.util.Objects;

/**
 * The organization is already onboarded by another connector in the tenant. Carries the
 * {@link FindingCode#ADO_ORGANIZATION_ONBOARDED_ELSEWHERE} finding.
 */
public final class OrganizationOnboardedElsewhereException extends DevOpsConnectorException {
  private static final long serialVersionUID = 1L;

  private final transient OrganizationName organization;
  private final String holderConnectorId;

  /**
   * The organization and the connector that holds it.
   *
   * @throws NullPointerException if an argument is null
   */
  public OrganizationOnboardedElsewhereException(OrganizationName organization, String holderConnectorId) {
    super(message(Objects.requireNonNull(organization, "organization"),
        Objects.requireNonNull(holderConnectorId, "holderConnectorId")), null,
        List.of(finding(organization, holderConnectorId)), null);
    this.organization = organization;
    this.holderConnectorId = holderConnectorId;
  }


  /** The organization. */
  public OrganizationName organization() {
    return organization;
  }

  /** The resource id of the connector that holds the organization. */
  public String holderConnectorId() {
    return holderConnectorId;
  }

  /** The finding for an organization held by another connector; shared with the checks that do not throw. */
  static Finding finding(OrganizationName organization, String holderConnectorId) {
    return Finding.of(FindingCode.ADO_ORGANIZATION_ONBOARDED_ELSEWHERE,
        Finding.organizationSubject(organization.value()), message(organization, holderConnectorId),
        "Remove the organization from the other connector first, or leave it out of this one.");
  }

  private static String message(OrganizationName organization, String holderConnectorId) {
    return "The organization " + organization + " is already onboarded by the connector " + holderConnectorId
        + " in this tenant.";
  }
}
