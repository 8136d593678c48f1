package io.github.devopsconnector.core.edit;

import static io.github.devopsconnector.core.edit.EditFixtures.ALICE;
import static io.github.devopsconnector.core.edit.EditFixtures.BOB;
import static io.github.devopsconnector.core.edit.EditFixtures.SUBSCRIPTION;
import static io.github.devopsconnector.core.edit.EditFixtures.TENANT;
import static io.github.devopsconnector.core.edit.EditFixtures.org;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devopsconnector.core.AuthorizationCode;
import io.github.devopsconnector.core.AzureRegion;
import io.github.devopsconnector.core.Connector;
import io.github.devopsconnector.core.ConnectorName;
import io.github.devopsconnector.core.DevOpsPlatform;
import io.github.devopsconnector.core.Finding;
import io.github.devopsconnector.core.FindingCode;
import io.github.devopsconnector.core.GitHubAppAccess;
import io.github.devopsconnector.core.GitHubOwnerFacts;
import io.github.devopsconnector.core.Identity;
import io.github.devopsconnector.core.Offering;
import io.github.devopsconnector.core.OrganizationFacts;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.ResourceGroupName;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** GitHub connectors go through the same creation, edit and ownership machinery as Azure DevOps ones. */
class GitHubEditSessionTest {

  private final EditFixtures.World world = new EditFixtures.World();

  private static Connector gitHubConnector(String name, Identity owner, OrganizationSelection owners) {
    return Connector.restore(ConnectorName.parse(name), SUBSCRIPTION, ResourceGroupName.parse("rg-devops"),
        AzureRegion.WEST_EUROPE, DevOpsPlatform.GITHUB, List.of(Offering.CSPM_MONITOR_GITHUB), owners, owner, TENANT);
  }

  private static OrganizationFacts owner(String login, GitHubAppAccess app, boolean organizationOwner) {
    return OrganizationFacts.gitHub(GitHubOwnerFacts.builder().owner(org(login)).organizationOwner(organizationOwner)
        .app(app).enterpriseManagedUsers(false).dataResidency(false).build());
  }

  private EditContext context() {
    return world.context(owner("contoso", GitHubAppAccess.ALL_REPOSITORIES, true),
        owner("fabrikam", GitHubAppAccess.ALL_REPOSITORIES, true),
        owner("partial", GitHubAppAccess.SELECTED_REPOSITORIES, true),
        owner("no-app", GitHubAppAccess.NOT_INSTALLED, true),
        owner("member", GitHubAppAccess.ALL_REPOSITORIES, false),
        owner("tailspin", GitHubAppAccess.ALL_REPOSITORIES, true));
  }

  @Test
  void creationClaimsGitHubOwnersApartFromAzureDevOpsOrganizationsOfTheSameName() {
    Connector azureDevOps = EditFixtures.connector("ado-main", ALICE, OrganizationSelection.explicit("contoso"));
    world.create(azureDevOps);
    Connector gitHub = gitHubConnector("gh-main", ALICE, OrganizationSelection.explicit("contoso"));

    ConnectorCreation.create(gitHub, AuthorizationCode.of("gh-code"), context());

    assertThat(world.registry.onboardedBy(TENANT, DevOpsPlatform.GITHUB, org("contoso")))
        .contains(gitHub.id());
    assertThat(world.registry.onboardedBy(TENANT, org("contoso"))).contains(azureDevOps.id());
    assertThat(world.registry.organizationsOf(TENANT, DevOpsPlatform.GITHUB, gitHub.id()))
        .isEqualTo(Set.of(org("contoso")));
  }

  @Test
  void anOwnerHeldByAnotherGitHubConnectorIsRefusedBeforeAnyWrite() {
    world.create(gitHubConnector("gh-other", BOB, OrganizationSelection.explicit("tailspin")));
    Connector second = gitHubConnector("gh-main", ALICE, OrganizationSelection.explicit("contoso", "tailspin"));

    assertThatThrownBy(() -> ConnectorCreation.create(second, AuthorizationCode.of("c"), context()))
        .isInstanceOfSatisfying(OrganizationNotSelectableException.class, e -> {
          assertThat(e.findings()).extracting(Finding::code)
              .containsExactly(FindingCode.GITHUB_OWNER_ONBOARDED_ELSEWHERE);
          assertThat(e.findings().get(0).remediation()).contains("one instance of a GitHub organization");
        });
    assertThat(world.store.find(second.id())).isEmpty();
    assertThat(world.registry.onboardedBy(TENANT, DevOpsPlatform.GITHUB, org("contoso"))).isEmpty();
  }

  @Test
  void anEditAddsAndRemovesOwnersAndSavesOnlyOnUpdate() {
    Connector main = gitHubConnector("gh-main", ALICE, OrganizationSelection.explicit("contoso"));
    world.create(main);
    EditSession draft = EditSession.open(world.stored(main), ALICE, context())
        .addOrganization(org("fabrikam")).addOrganization(org("partial")).removeOrganization(org("contoso"));

    assertThat(world.stored(main).connector().organizations().organizations()).containsExactly(org("contoso"));
    draft.update();

    assertThat(world.stored(main).connector().organizations().organizations())
        .containsExactly(org("fabrikam"), org("partial"));
    assertThat(world.registry.organizationsOf(TENANT, DevOpsPlatform.GITHUB, main.id()))
        .isEqualTo(Set.of(org("fabrikam"), org("partial")));
    assertThat(world.registry.onboardedBy(TENANT, DevOpsPlatform.GITHUB, org("contoso"))).isEmpty();
  }

  @Test
  void ownersWhereTheActorIsNoOwnerOrTheAppIsMissingAreGreyedOut() {
    Connector main = gitHubConnector("gh-main", ALICE, OrganizationSelection.explicit("contoso"));
    world.create(main);
    EditSession draft = EditSession.open(world.stored(main), ALICE, context());

    assertThat(draft.checkOrganization(org("member")).errors()).extracting(Finding::code)
        .containsExactly(FindingCode.GITHUB_NOT_ORGANIZATION_OWNER);
    assertThatThrownBy(() -> draft.addOrganization(org("no-app")))
        .isInstanceOfSatisfying(OrganizationNotSelectableException.class, e -> assertThat(e.findings())
            .extracting(Finding::code).containsExactly(FindingCode.GITHUB_APP_NOT_INSTALLED));
    assertThat(draft.checkOrganization(org("partial")).warnings()).extracting(Finding::code)
        .containsExactly(FindingCode.GITHUB_APP_LIMITED_TO_SELECTED_REPOSITORIES);
  }

  @Test
  void aTakeoverOfAGitHubConnectorNeedsReauthorizationAndConfirmation() {
    Connector main = gitHubConnector("gh-main", ALICE, OrganizationSelection.explicit("contoso"));
    world.create(main);

    assertThatThrownBy(() -> EditSession.open(world.stored(main), BOB, context()).addOrganization(org("fabrikam"))
        .update()).isInstanceOfSatisfying(EditNotAllowedException.class, e -> assertThat(e.findings())
            .extracting(Finding::code).contains(FindingCode.REAUTHORIZATION_REQUIRED));

    VersionedConnector saved = EditSession.open(world.stored(main), BOB, context())
        .reauthorize(AuthorizationCode.of("bob-code")).confirmTakeover().addOrganization(org("fabrikam")).update();

    assertThat(saved.connector().owner()).isEqualTo(BOB);
    assertThat(saved.connector().platform()).isEqualTo(DevOpsPlatform.GITHUB);
  }

  @Test
  void aRegistryThatKeepsAzureDevOpsOnlyRefusesGitHubOwnersClearly() {
    TenantRegistry adoOnly = new TenantRegistry() {
      @Override
      public java.util.Optional<io.github.devopsconnector.core.ConnectorId> onboardedBy(
          io.github.devopsconnector.core.TenantId tenant,
          io.github.devopsconnector.core.OrganizationName organization) {
        return java.util.Optional.empty();
      }

      @Override
      public Set<io.github.devopsconnector.core.OrganizationName> organizationsOf(
          io.github.devopsconnector.core.TenantId tenant, io.github.devopsconnector.core.ConnectorId connectorId) {
        return Set.of();
      }

      @Override
      public boolean claim(io.github.devopsconnector.core.TenantId tenant,
          io.github.devopsconnector.core.OrganizationName organization,
          io.github.devopsconnector.core.ConnectorId connectorId) {
        return true;
      }

      @Override
      public void release(io.github.devopsconnector.core.TenantId tenant,
          io.github.devopsconnector.core.OrganizationName organization,
          io.github.devopsconnector.core.ConnectorId connectorId) {}
    };

    assertThatThrownBy(() -> adoOnly.onboardedBy(TENANT, DevOpsPlatform.GITHUB, org("contoso")))
        .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("GitHub");
    assertThat(adoOnly.claim(TENANT, DevOpsPlatform.AZURE_DEVOPS, org("contoso"),
        EditFixtures.connector("ado-main", ALICE, OrganizationSelection.explicit("contoso")).id())).isTrue();
  }
}
