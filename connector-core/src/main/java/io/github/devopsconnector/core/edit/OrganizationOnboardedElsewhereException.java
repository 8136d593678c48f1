package io.github.devopsconnector.core.edit;

import java.util.List;

import io.github.devopsconnector.core.DevOpsConnectorException;

import io.github.devopsconnector.core.DevOpsPlatform;
import io.github.devopsconnector.core.Finding;
import io.github.devopsconnector.core.FindingCode;
import io.github.devopsconnector.core.OrganizationName;
import java.util.Objects;

/**
 * The organization is already onboarded by another connector in the tenant. Carries the
 * {@link FindingCode#ADO_ORGANIZATION_ONBOARDED_ELSEWHERE} finding, or for a GitHub owner
 * {@link FindingCode#GITHUB_OWNER_ONBOARDED_ELSEWHERE}.
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
    this(DevOpsPlatform.AZURE_DEVOPS, organization, holderConnectorId);
  }

  /**
   * The organization (for GitHub, the owner) of this platform and the connector that holds it.
   *
   * @throws NullPointerException if an argument is null
   */
  public OrganizationOnboardedElsewhereException(DevOpsPlatform platform, OrganizationName organization,
      String holderConnectorId) {
    super(message(Objects.requireNonNull(platform, "platform"), Objects.requireNonNull(organization, "organization"),
        Objects.requireNonNull(holderConnectorId, "holderConnectorId")), null,
        List.of(finding(platform, organization, holderConnectorId)), null);
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
  static Finding finding(DevOpsPlatform platform, OrganizationName organization, String holderConnectorId) {
    if (platform == DevOpsPlatform.GITHUB) {
      return Finding.of(FindingCode.GITHUB_OWNER_ONBOARDED_ELSEWHERE,
          Finding.organizationSubject(organization.value()), message(platform, organization, holderConnectorId),
          "Only one instance of a GitHub organization can be onboarded per Azure tenant: remove it from the other "
              + "connector first, or leave it out of this one.");
    }
    return Finding.of(FindingCode.ADO_ORGANIZATION_ONBOARDED_ELSEWHERE,
        Finding.organizationSubject(organization.value()), message(platform, organization, holderConnectorId),
        "Remove the organization from the other connector first, or leave it out of this one.");
  }

  private static String message(DevOpsPlatform platform, OrganizationName organization, String holderConnectorId) {
    return (platform == DevOpsPlatform.GITHUB ? "The GitHub organization " : "The organization ") + organization
        + " is already onboarded by the connector " + holderConnectorId + " in this tenant.";
  }
}
