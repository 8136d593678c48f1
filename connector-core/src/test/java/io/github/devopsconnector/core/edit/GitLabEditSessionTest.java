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
import io.github.devopsconnector.core.GitLabGroupFacts;
import io.github.devopsconnector.core.Identity;
import io.github.devopsconnector.core.Offering;
import io.github.devopsconnector.core.OrganizationFacts;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.ResourceGroupName;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** GitLab connectors go through the same creation, edit and ownership machinery as the other platforms. */
class GitLabEditSessionTest {

  private final EditFixtures.World world = new EditFixtures.World();

  private static Connector gitLabConnector(String name, Identity owner, OrganizationSelection groups) {
    return Connector.restore(ConnectorName.parse(name), SUBSCRIPTION, ResourceGroupName.parse("rg-devops"),
        AzureRegion.WEST_EUROPE, DevOpsPlatform.GITLAB, List.of(Offering.CSPM_MONITOR_GITLAB), groups, owner, TENANT);
  }

  private static OrganizationFacts group(String path, boolean owner, String plan) {
    return OrganizationFacts.gitLab(GitLabGroupFacts.builder().group(org(path)).groupOwner(owner).plan(plan).build());
  }

  private EditContext context() {
    return world.context(group("contoso", true, "ultimate"), group("fabrikam.labs", true, "ultimate"),
        group("premium", true, "premium"), group("devs", false, "ultimate"), group("tailspin", true, "ultimate"));
  }

  @Test
  void creationClaimsGitLabGroupsApartFromOtherPlatformsOfTheSameName() {
    world.create(EditFixtures.connector("ado-main", ALICE, OrganizationSelection.explicit("contoso")));
    Connector gitLab = gitLabConnector("gitlab-main", ALICE, OrganizationSelection.explicit("contoso"));

    ConnectorCreation.create(gitLab, AuthorizationCode.of("gl-code"), context());

    assertThat(world.registry.onboardedBy(TENANT, DevOpsPlatform.GITLAB, org("contoso"))).contains(gitLab.id());
    assertThat(world.registry.onboardedBy(TENANT, DevOpsPlatform.GITHUB, org("contoso"))).isEmpty();
    assertThat(world.registry.organizationsOf(TENANT, DevOpsPlatform.GITLAB, gitLab.id()))
        .isEqualTo(Set.of(org("contoso")));
  }

  @Test
  void aGroupHeldByAnotherGitLabConnectorIsRefusedBeforeAnyWrite() {
    world.create(gitLabConnector("gitlab-other", BOB, OrganizationSelection.explicit("tailspin")));
    Connector second = gitLabConnector("gitlab-main", ALICE, OrganizationSelection.explicit("contoso", "tailspin"));

    assertThatThrownBy(() -> ConnectorCreation.create(second, AuthorizationCode.of("c"), context()))
        .isInstanceOfSatisfying(OrganizationNotSelectableException.class, e -> {
          assertThat(e.findings()).extracting(Finding::code)
              .containsExactly(FindingCode.GITLAB_GROUP_ONBOARDED_ELSEWHERE);
          assertThat(e.findings().get(0).message()).startsWith("The GitLab group tailspin is already onboarded");
          assertThat(e.findings().get(0).remediation()).contains("one instance of a GitLab group");
        });
    assertThat(world.store.find(second.id())).isEmpty();
    assertThat(world.registry.onboardedBy(TENANT, DevOpsPlatform.GITLAB, org("contoso"))).isEmpty();
  }

  @Test
  void anEditAddsAndRemovesGroupsAndSavesOnlyOnUpdate() {
    Connector main = gitLabConnector("gitlab-main", ALICE, OrganizationSelection.explicit("contoso"));
    world.create(main);
    EditSession draft = EditSession.open(world.stored(main), ALICE, context())
        .addOrganization(org("fabrikam.labs")).removeOrganization(org("contoso"));

    assertThat(world.stored(main).connector().organizations().organizations()).containsExactly(org("contoso"));
    draft.update();

    assertThat(world.stored(main).connector().organizations().organizations())
        .containsExactly(org("fabrikam.labs"));
    assertThat(world.registry.organizationsOf(TENANT, DevOpsPlatform.GITLAB, main.id()))
        .isEqualTo(Set.of(org("fabrikam.labs")));
    assertThat(world.registry.onboardedBy(TENANT, DevOpsPlatform.GITLAB, org("contoso"))).isEmpty();
  }

  @Test
  void groupsWhereTheActorIsNoOwnerOrWithoutUltimateAreGreyedOut() {
    Connector main = gitLabConnector("gitlab-main", ALICE, OrganizationSelection.explicit("contoso"));
    world.create(main);
    world.create(gitLabConnector("gitlab-other", BOB, OrganizationSelection.explicit("tailspin")));
    EditSession draft = EditSession.open(world.stored(main), ALICE, context());

    assertThat(draft.checkOrganization(org("devs")).errors()).extracting(Finding::code)
        .containsExactly(FindingCode.GITLAB_NOT_GROUP_OWNER);
    assertThatThrownBy(() -> draft.addOrganization(org("premium")))
        .isInstanceOfSatisfying(OrganizationNotSelectableException.class, e -> assertThat(e.findings())
            .extracting(Finding::code).containsExactly(FindingCode.GITLAB_ULTIMATE_REQUIRED));
    assertThat(draft.checkOrganization(org("tailspin")).errors()).extracting(Finding::code)
        .containsExactly(FindingCode.GITLAB_GROUP_ONBOARDED_ELSEWHERE);
  }

  @Test
  void aTakeoverOfAGitLabConnectorNeedsReauthorizationAndConfirmation() {
    Connector main = gitLabConnector("gitlab-main", ALICE, OrganizationSelection.explicit("contoso"));
    world.create(main);

    assertThatThrownBy(() -> EditSession.open(world.stored(main), BOB, context()).addOrganization(org("fabrikam.labs"))
        .update()).isInstanceOfSatisfying(EditNotAllowedException.class, e -> assertThat(e.findings())
            .extracting(Finding::code).contains(FindingCode.REAUTHORIZATION_REQUIRED));
    assertThatThrownBy(() -> EditSession.open(world.stored(main), BOB, context())
        .reauthorize(AuthorizationCode.of("bob-code")).addOrganization(org("fabrikam.labs")).update())
        .isInstanceOfSatisfying(EditNotAllowedException.class, e -> assertThat(e.findings())
            .extracting(Finding::code).contains(FindingCode.TAKEOVER_NOT_CONFIRMED));

    VersionedConnector saved = EditSession.open(world.stored(main), BOB, context())
        .reauthorize(AuthorizationCode.of("bob-code")).confirmTakeover().addOrganization(org("fabrikam.labs"))
        .update();

    assertThat(saved.connector().owner()).isEqualTo(BOB);
    assertThat(saved.connector().platform()).isEqualTo(DevOpsPlatform.GITLAB);
    assertThat(world.registry.organizationsOf(TENANT, DevOpsPlatform.GITLAB, main.id()))
        .isEqualTo(Set.of(org("contoso"), org("fabrikam.labs")));
  }
}
