package io.github.devopsconnector.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The per-organization onboarding rules, shared by {@link ConnectorBuilder} and preflight: Project Collection
 * Administrator, access level, the OAuth third-party application policy, and the organization's tenant for Azure
 * DevOps; for a GitHub owner ({@link OrganizationFacts#gitHub}), the rules of {@link GitHubOwnerChecks}; for a
 * GitLab top-level group ({@link OrganizationFacts#gitLab}), those of {@link GitLabGroupChecks}. One
 * place, so the same fact always gives the same finding.
 */
public final class OrganizationChecks {

  private OrganizationChecks() {}

  /**
   * The findings for one organization's facts. Facts that are absent are not checked.
   *
   * @param facts what is known about the onboarding user in the organization
   * @param connectorTenant the tenant of the connector's subscription, if known
   * @return the findings, in a stable order; empty when the organization can be onboarded
   */
  public static List<Finding> check(OrganizationFacts facts, Optional<TenantId> connectorTenant) {
    Objects.requireNonNull(facts, "facts");
    Objects.requireNonNull(connectorTenant, "connectorTenant");
    if (facts.gitHubFacts().isPresent()) {
      return GitHubOwnerChecks.check(facts.gitHubFacts().get());
    }
    if (facts.gitLabFacts().isPresent()) {
      return GitLabGroupChecks.check(facts.gitLabFacts().get());
    }
    String org = facts.organization().value();
    String subject = Finding.organizationSubject(org);
    List<Finding> findings = new ArrayList<>();
    if (facts.projectCollectionAdministrator().isPresent() && !facts.projectCollectionAdministrator().get()) {
      findings.add(Finding.of(FindingCode.ADO_NOT_PROJECT_COLLECTION_ADMINISTRATOR, subject,
          "You are not a Project Collection Administrator of the organization " + org + ".",
          "Ask an administrator of " + org + " to add you to the Project Collection Administrators group "
              + "(Organization settings > Permissions), or authorize with an identity that is a member."));
    }
    if (facts.accessLevel().isPresent() && !facts.accessLevel().get().isSufficientToOnboard()) {
      AccessLevel level = facts.accessLevel().get();
      findings.add(Finding.of(FindingCode.ADO_ACCESS_LEVEL_INSUFFICIENT, subject,
          "Your access level in the organization " + org + " is " + level.displayName()
              + "; onboarding needs Basic, Basic + Test Plans or a Visual Studio subscription"
              + (level == AccessLevel.STAKEHOLDER ? " (Stakeholder is not enough)." : "."),
          "Ask an administrator of " + org + " to assign you the Basic access level "
              + "(Organization settings > Users), then authorize again."));
    }
    switch (facts.oauthAppAccess()) {
      case OFF:
        findings.add(Finding.of(FindingCode.ADO_OAUTH_APP_ACCESS_DISABLED, subject,
            "The organization " + org + " blocks third-party applications that use OAuth, so the connector "
                + "would be refused (TF400813) on every call.",
            "Turn on \"Third-party application access via OAuth\" in Organization settings > Policies "
                + "(https://dev.azure.com/" + org + "/_settings/organizationPolicy)."));
        break;
      case UNKNOWN:
        findings.add(Finding.of(FindingCode.ADO_OAUTH_APP_ACCESS_UNKNOWN, subject,
            "The policy \"Third-party application access via OAuth\" of the organization " + org
                + " could not be read" + facts.oauthAppAccessDetail().map(d -> ": " + d).orElse(".")
                + (facts.oauthAppAccessDetail().map(d -> d.endsWith(".")).orElse(true) ? "" : "."),
            "Check that the policy is On in Organization settings > Policies "
                + "(https://dev.azure.com/" + org + "/_settings/organizationPolicy)."));
        break;
      case ON:
      default:
        break;
    }
    if (facts.tenant().isPresent() && connectorTenant.isPresent() && !facts.tenant().equals(connectorTenant)) {
      findings.add(Finding.of(FindingCode.ADO_TENANT_MISMATCH, subject,
          "The organization " + org + " is connected to the Microsoft Entra tenant " + facts.tenant().get()
              + ", but the connector's subscription is in the tenant " + connectorTenant.get() + ".",
          "Create the connector in a subscription of the organization's tenant, or connect the organization to "
              + "the subscription's tenant (Organization settings > Microsoft Entra)."));
    }
    if (facts.tenantless() && facts.tenant().isEmpty() && connectorTenant.isPresent()) {
      // The connector reaches an organization through the Microsoft Entra tenant of its subscription: an
      // organization backed by Microsoft accounts alone (no tenant) can never be that tenant's.
      findings.add(Finding.of(FindingCode.ADO_TENANT_MISMATCH, subject,
          "The organization " + org + " is connected to no Microsoft Entra tenant (it is backed by Microsoft "
              + "accounts), but the connector's subscription is in the tenant " + connectorTenant.get() + ".",
          "Connect the organization to the tenant " + connectorTenant.get() + " (Organization settings > Microsoft "
              + "Entra > Connect directory), then run the check again."));
    }
    return List.copyOf(findings);
  }
}
