package io.github.devopsconnector.core;

/**
 * The stable code of every rule the library checks. Codes are API: they are never renamed, only added, so
 * integrators can switch on them and show their own text.
 */
public enum FindingCode {
  /** The connector name breaks the ARM resource name rules. */
  CONNECTOR_NAME_INVALID(Severity.ERROR),
  /** The subscription is not a GUID. */
  SUBSCRIPTION_ID_INVALID(Severity.ERROR),
  /** The resource group name breaks the ARM rules (1–90 characters: letters, digits, {@code _ ( ) - .}). */
  RESOURCE_GROUP_NAME_INVALID(Severity.ERROR),
  /** The region is not an Azure region name. */
  REGION_UNKNOWN(Severity.ERROR),
  /** The region is an Azure region, but DevOps connectors are not offered there. */
  REGION_NOT_SUPPORTED(Severity.ERROR),
  /** DevOps connectors exist only in the Azure commercial cloud. */
  CLOUD_NOT_SUPPORTED(Severity.ERROR),
  /** The offering does not apply to the connector's platform, or is retired. */
  OFFERING_NOT_APPLICABLE(Severity.ERROR),
  /** The caller cannot write {@code Microsoft.Security/securityConnectors} in the resource group. */
  AZURE_PERMISSION_MISSING(Severity.ERROR),
  /** An explicit organization list is empty, has duplicates, or has invalid names. */
  ORGANIZATION_SELECTION_INVALID(Severity.ERROR),
  /** The onboarding user is not a Project Collection Administrator of the organization. */
  ADO_NOT_PROJECT_COLLECTION_ADMINISTRATOR(Severity.ERROR),
  /** The onboarding user's access level is below Basic (Stakeholder is not enough). */
  ADO_ACCESS_LEVEL_INSUFFICIENT(Severity.ERROR),
  /** The organization policy "Third-party application access via OAuth" is off. */
  ADO_OAUTH_APP_ACCESS_DISABLED(Severity.ERROR),
  /** The organization policy "Third-party application access via OAuth" could not be read. */
  ADO_OAUTH_APP_ACCESS_UNKNOWN(Severity.WARNING),
  /** The organization is already onboarded by another connector in the tenant. */
  ADO_ORGANIZATION_ONBOARDED_ELSEWHERE(Severity.ERROR),
  /** The organization answered 401, 403 or 404 to the onboarding user. */
  ADO_ORGANIZATION_NOT_ACCESSIBLE(Severity.ERROR),
  /** The organization's Microsoft Entra tenant is not the subscription's tenant. */
  ADO_TENANT_MISMATCH(Severity.ERROR),
  /** Someone other than the owner edits the connector without re-authorizing. */
  REAUTHORIZATION_REQUIRED(Severity.ERROR),
  /** Someone other than the owner re-authorizes without confirming that the takeover is irreversible. */
  TAKEOVER_NOT_CONFIRMED(Severity.ERROR),
  /** The connector changed since the edit began; nothing was saved. */
  EDIT_CONFLICT(Severity.ERROR),
  /**
   * The Microsoft Entra tenant id of the connector's subscription is missing or is not a GUID. The tenant is
   * needed to tell whether each organization belongs to the same tenant and whether another connector of the
   * tenant already onboarded it.
   */
  TENANT_ID_INVALID(Severity.ERROR),
  /** No owner was given: the identity whose authorization the connector uses. */
  OWNER_MISSING(Severity.ERROR),
  /** An ownership policy lets no one but the owner edit the connector, so it cannot be taken over. */
  TAKEOVER_FORBIDDEN(Severity.ERROR),
  /**
   * The subscription has not registered the {@code Microsoft.Security} resource provider, so Azure refuses to create
   * connectors in it ({@code az provider register --namespace Microsoft.Security} fixes it).
   */
  AZURE_RESOURCE_PROVIDER_NOT_REGISTERED(Severity.ERROR),
  /** The authorizing user is not an Owner of the GitHub organization (its membership role is not {@code admin}). */
  GITHUB_NOT_ORGANIZATION_OWNER(Severity.ERROR),
  /** The Defender for Cloud GitHub app is not installed on the GitHub owner, so the connector sees nothing there. */
  GITHUB_APP_NOT_INSTALLED(Severity.ERROR),
  /**
   * The Defender for Cloud GitHub app is installed on selected repositories only: the others stay unprotected
   * until the app is granted all repositories ("install the GitHub app to additional scope").
   */
  GITHUB_APP_LIMITED_TO_SELECTED_REPOSITORIES(Severity.WARNING),
  /** The GitHub organization belongs to an enterprise with Enterprise Managed Users, which is not supported. */
  GITHUB_ENTERPRISE_MANAGED_USERS_NOT_SUPPORTED(Severity.ERROR),
  /** The GitHub organization lives in GitHub Enterprise Cloud with data residency (GHE.com), which is not supported. */
  GITHUB_DATA_RESIDENCY_NOT_SUPPORTED(Severity.ERROR),
  /** The GitHub owner is already onboarded by another connector in the tenant. */
  GITHUB_OWNER_ONBOARDED_ELSEWHERE(Severity.ERROR),
  /** The authorizing user is not an Owner (access level 50) of the GitLab top-level group. */
  GITLAB_NOT_GROUP_OWNER(Severity.ERROR),
  /** The GitLab group's plan is not GitLab Ultimate, which Defender for Cloud's GitLab connectors require. */
  GITLAB_ULTIMATE_REQUIRED(Severity.ERROR),
  /** The GitLab top-level group is already onboarded by another connector in the tenant. */
  GITLAB_GROUP_ONBOARDED_ELSEWHERE(Severity.ERROR);

  private final Severity defaultSeverity;

  FindingCode(Severity defaultSeverity) {
    this.defaultSeverity = defaultSeverity;
  }

  /** The severity a finding with this code has unless a rule says otherwise. */
  public Severity defaultSeverity() {
    return defaultSeverity;
  }
}
