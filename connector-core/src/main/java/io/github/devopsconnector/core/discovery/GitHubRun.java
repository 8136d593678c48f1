package io.github.devopsconnector.core.discovery;

import io.github.devopsconnector.core.DevOpsPlatform;
import io.github.devopsconnector.core.FindingCode;
import io.github.devopsconnector.core.GitHubAppAccess;
import io.github.devopsconnector.core.GitHubOwnerChecks;
import io.github.devopsconnector.core.GitHubOwnerFacts;
import io.github.devopsconnector.core.OrganizationFacts;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.github.GitHubClient;
import io.github.devopsconnector.core.github.GitHubInstallation;
import io.github.devopsconnector.core.github.GitHubOwner;
import io.github.devopsconnector.core.github.GitHubRepository;
import io.github.devopsconnector.core.github.GitHubRepositorySelection;
import io.github.devopsconnector.core.github.GitHubRole;
import java.util.Optional;

/**
 * A GitHub run: whether a GitHub connector would onboard each owner, and why not (the owner's facts judged by
 * {@link GitHubOwnerChecks}, plus the tenant registry), and the repositories the Defender app's installation can
 * access. What preflight reports per owner and what GitHub discovery attaches to each outcome; one place, so both
 * say the same.
 */
final class GitHubRun extends AccountRun<GitHubOwner, GitHubInstallation, GitHubRepository> {

  private final GitHubClient client;

  GitHubRun(GitHubClient client, Scope scope) {
    super(DevOpsPlatform.GITHUB, scope, client::owners, GitHubOwner::login, client::repositories,
        Ordering.GITHUB_REPOSITORIES, FindingCode.GITHUB_NOT_ORGANIZATION_OWNER);
    this.client = client;
  }

  @Override
  Checked<GitHubInstallation> check(OrganizationName login, Optional<GitHubOwner> owner) {
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
          installation = count(() -> client.appInstallation(found));
        } catch (ServiceException e) {
          return new Checked<>(result.error(DiscoveryError.of(e)), Optional.empty(), false);
        }
        facts.app(installation.map(i -> i.repositorySelection() == GitHubRepositorySelection.ALL
            ? GitHubAppAccess.ALL_REPOSITORIES : GitHubAppAccess.SELECTED_REPOSITORIES)
            .orElse(GitHubAppAccess.NOT_INSTALLED));
      }
    }
    GitHubOwnerFacts built = facts.build();
    result.facts(OrganizationFacts.gitHub(built)).addAllFindings(GitHubOwnerChecks.check(built));
    // Only Owners can read an organization's app installations: discovery skips the others.
    boolean skipped = !built.organizationOwner().orElse(false);
    return new Checked<>(result, installation, skipped);
  }
}
