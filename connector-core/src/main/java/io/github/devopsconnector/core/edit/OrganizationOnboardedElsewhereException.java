package io.github.devopsconnector.core.edit;

import io.github.devopsconnector.core.ConnectorId;
import java.util.List;

import io.github.devopsconnector.core.DevOpsConnectorException;

import io.github.devopsconnector.core.DevOpsPlatform;
import io.github.devopsconnector.core.Finding;
import io.github.devopsconnector.core.FindingCode;
import io.github.devopsconnector.core.OrganizationName;
import java.util.Objects;
import java.util.Optional;

/**
 * The organization is already onboarded by another connector in the tenant. Carries the
 * {@link FindingCode#ADO_ORGANIZATION_ONBOARDED_ELSEWHERE} finding, or for a GitHub owner
 * {@link FindingCode#GITHUB_OWNER_ONBOARDED_ELSEWHERE}, or for a GitLab top-level group
 * {@link FindingCode#GITLAB_GROUP_ONBOARDED_ELSEWHERE}.
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
    this(DevOpsPlatform.AZURE_DEVOPS, organization, Optional.of(
        Objects.requireNonNull(holderConnectorId, "holderConnectorId")));
  }

  /**
   * The organization, held by a connector the caller cannot see (the service reports the organization onboarded
   * elsewhere without naming the connector).
   *
   * @throws NullPointerException if the organization is null
   */
  public OrganizationOnboardedElsewhereException(OrganizationName organization) {
    this(DevOpsPlatform.AZURE_DEVOPS, organization, Optional.empty());
  }

  /**
   * The organization (for GitHub, the owner) of this platform, held by a connector the caller cannot see.
   *
   * @throws NullPointerException if an argument is null
   */
  public OrganizationOnboardedElsewhereException(DevOpsPlatform platform, OrganizationName organization) {
    this(platform, organization, Optional.empty());
  }

  /**
   * The organization (for GitHub, the owner) of this platform and the connector that holds it.
   *
   * @throws NullPointerException if an argument is null
   */
  public OrganizationOnboardedElsewhereException(DevOpsPlatform platform, OrganizationName organization,
      ConnectorId holderConnectorId) {
    this(platform, organization, Optional.of(Objects.requireNonNull(holderConnectorId, "holderConnectorId")));
  }

  private OrganizationOnboardedElsewhereException(DevOpsPlatform platform, OrganizationName organization,
      Optional<ConnectorId> holder) {
    super(message(Objects.requireNonNull(platform, "platform"), Objects.requireNonNull(organization, "organization"),
        holder), null, List.of(finding(platform, organization, holder)), null);
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
  static Finding finding(DevOpsPlatform platform, OrganizationName organization,
      Optional<ConnectorId> holderConnectorId) {
    if (platform == DevOpsPlatform.GITLAB) {
      return Finding.of(FindingCode.GITLAB_GROUP_ONBOARDED_ELSEWHERE,
          Finding.organizationSubject(organization.value()), message(platform, organization, holderConnectorId),
          "Only one instance of a GitLab group can be onboarded per Azure tenant: remove it from the other "
              + "connector first, or leave it out of this one.");
    }
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

  private static String message(DevOpsPlatform platform, OrganizationName organization,
      Optional<ConnectorId> holderConnectorId) {
    String what = platform == DevOpsPlatform.GITHUB ? "The GitHub organization "
        : platform == DevOpsPlatform.GITLAB ? "The GitLab group " : "The organization ";
    return what + organization
        + " is already onboarded by "
        + holderConnectorId.map(id -> "the connector " + id).orElse("a connector the caller cannot see")
        + " in this tenant.";
  }
}
