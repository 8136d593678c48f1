package io.github.devopsconnector.core.discovery;

import io.github.devopsconnector.core.ConnectorId;
import io.github.devopsconnector.core.DevOpsPlatform;
import io.github.devopsconnector.core.GitHubAppAccess;
import io.github.devopsconnector.core.GitHubOwnerChecks;
import io.github.devopsconnector.core.GitHubOwnerFacts;
import io.github.devopsconnector.core.OrganizationFacts;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.TenantId;
import io.github.devopsconnector.core.edit.OrganizationOnboardedElsewhereException;
import io.github.devopsconnector.core.edit.TenantRegistry;
import io.github.devopsconnector.core.github.GitHubClient;
import io.github.devopsconnector.core.github.GitHubInstallation;
import io.github.devopsconnector.core.github.GitHubOwner;
import io.github.devopsconnector.core.github.GitHubRepositorySelection;
import io.github.devopsconnector.core.github.GitHubRole;
import java.util.Optional;

/**
 * Whether a GitHub connector would onboard one owner, and why not: the owner's facts judged by
 * {@link GitHubOwnerChecks}, plus the tenant registry. What preflight reports per owner and what GitHub discovery
 * attaches to each outcome; one place, so both say the same.
 */
final class GitHubOwnerCheck {

  /** The check of one owner, with the installation it read (empty when not installed or not read). */
  static final class Result {
    final OrganizationPreflight preflight;
    final Optional<GitHubInstallation> installation;

    Result(OrganizationPreflight preflight, Optional<GitHubInstallation> installation) {
      this.preflight = preflight;
      this.installation = installation;
    }
  }

  private final Optional<TenantRegistry> registry;
  private final Optional<TenantId> tenant;
  private final Optional<ConnectorId> ownConnectorId;

  GitHubOwnerCheck(Optional<TenantRegistry> registry, Optional<TenantId> tenant, Optional<ConnectorId> ownConnectorId) {
    this.registry = registry;
    this.tenant = tenant;
    this.ownConnectorId = ownConnectorId;
  }

  /**
   * Checks one owner.
   *
   * @param owner the owner as the user's memberships list it; empty when the user is not a member of it
   */
  Result check(GitHubClient client, OrganizationName login, Optional<GitHubOwner> owner) {
    ImmutableOrganizationPreflight.Builder result = OrganizationPreflight.builder().organization(login);
    GitHubOwnerFacts.Builder facts = GitHubOwnerFacts.builder().owner(login);
    Optional<GitHubInstallation> installation = Optional.empty();
    if (owner.isEmpty()) {
      // Not a member: GitHub shows no membership, so the user is certainly not an Owner.
      facts.organizationOwner(false);
    } else {
      GitHubOwner found = owner.get();
      facts.organizationOwner(found.role() == GitHubRole.ADMIN)
          .enterpriseManagedUsers(found.enterpriseManagedUsers())
          .dataResidency(found.dataResidency());
      if (found.role() == GitHubRole.ADMIN) {
        // Only Owners may list an organization's app installations; for members the role finding says enough.
        try {
          installation = client.appInstallation(found);
        } catch (ServiceException e) {
          result.error(DiscoveryError.of(e));
          onboardedElsewhere(login, result);
          return new Result(result.build(), Optional.empty());
        }
        facts.app(installation.map(i -> i.repositorySelection() == GitHubRepositorySelection.ALL
            ? GitHubAppAccess.ALL_REPOSITORIES : GitHubAppAccess.SELECTED_REPOSITORIES)
            .orElse(GitHubAppAccess.NOT_INSTALLED));
      }
    }
    GitHubOwnerFacts built = facts.build();
    result.facts(OrganizationFacts.gitHub(built)).addAllFindings(GitHubOwnerChecks.check(built));
    onboardedElsewhere(login, result);
    return new Result(result.build(), installation);
  }

  private void onboardedElsewhere(OrganizationName owner, ImmutableOrganizationPreflight.Builder result) {
    if (tenant.isEmpty() || registry.isEmpty()) {
      return;
    }
    Optional<ConnectorId> holder = registry.get().onboardedBy(tenant.get(), DevOpsPlatform.GITHUB, owner)
        .filter(id -> ownConnectorId.map(own -> !own.sameResource(id)).orElse(true));
    if (holder.isPresent()) {
      result.onboardedBy(holder.map(ConnectorId::resourceId)).addFindings(new OrganizationOnboardedElsewhereException(DevOpsPlatform.GITHUB,
          owner, holder.get()).finding().orElseThrow());
    }
  }
}
