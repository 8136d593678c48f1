package io.github.devopsconnector.arm;

import static io.github.devopsconnector.arm.ArmTestSupport.RESOURCE_GROUP;
import static io.github.devopsconnector.arm.ArmTestSupport.SUBSCRIPTION;
import static io.github.devopsconnector.arm.ArmTestSupport.TENANT;
import static io.github.devopsconnector.arm.ArmTestSupport.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devopsconnector.arm.ArmTestSupport.RecordingSleeper;
import io.github.devopsconnector.testsupport.CannedHttpClient;
import io.github.devopsconnector.arm.models.GitLabGroupResource;
import io.github.devopsconnector.arm.models.GitLabProjectResource;
import io.github.devopsconnector.arm.models.OnboardingState;
import io.github.devopsconnector.core.AuthorizationCode;
import io.github.devopsconnector.core.AzureRegion;
import io.github.devopsconnector.core.Connector;
import io.github.devopsconnector.core.ConnectorName;
import io.github.devopsconnector.core.DevOpsPlatform;
import io.github.devopsconnector.core.FindingCode;
import io.github.devopsconnector.core.GitLabGroupFacts;
import io.github.devopsconnector.core.Identity;
import io.github.devopsconnector.core.Offering;
import io.github.devopsconnector.core.OrganizationFacts;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.edit.ConnectorCreation;
import io.github.devopsconnector.core.edit.EditContext;
import io.github.devopsconnector.core.edit.EditSession;
import io.github.devopsconnector.core.edit.OrganizationOnboardedElsewhereException;
import io.github.devopsconnector.core.edit.VersionedConnector;
import io.github.devopsconnector.core.gitlab.GitLabAccessLevel;
import io.github.devopsconnector.testing.ArmSimulator;
import io.github.devopsconnector.testing.ArmSimulatorGitHubOwner;
import io.github.devopsconnector.testing.ArmSimulatorOptions;
import io.github.devopsconnector.testing.GitLabEstateGroup;
import io.github.devopsconnector.testing.GitLabEstateProject;
import io.github.devopsconnector.testing.GitLabEstateSubgroup;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A GitLab connector created, edited (groups added and removed, takeover) and deleted against the ARM simulator;
 * a group another connector holds refused before any write; subgroups and projects, paged.
 */
class GitLabConnectorArmTest {

  /** The finding of a GitLab group held by another connector of the tenant. */
  private static final FindingCode HELD_ELSEWHERE = FindingCode.GITLAB_GROUP_ONBOARDED_ELSEWHERE;

  private final RecordingSleeper sleeper = new RecordingSleeper();

  private static GitLabEstateProject project(long id, String path) {
    return GitLabEstateProject.builder().id(id).path(path).name(path).build();
  }

  /** contoso: two projects, and platform/tools below it with projects of their own. */
  private static GitLabEstateGroup contoso() {
    return GitLabEstateGroup.builder().id(1).path(OrganizationName.parse("contoso")).name("Contoso")
        .accessLevel(GitLabAccessLevel.OWNER).plan("ultimate")
        .addProjects(project(10, "api"), project(11, "web"))
        .addSubgroups(GitLabEstateSubgroup.builder().id(2).path("platform").name("Platform")
            .addProjects(project(12, "infra"))
            .addSubgroups(GitLabEstateSubgroup.builder().id(3).path("tools").name("Tools")
                .addProjects(project(13, "cli")).build())
            .build())
        .build();
  }

  private static GitLabEstateGroup group(long id, String path) {
    return GitLabEstateGroup.builder().id(id).path(OrganizationName.parse(path)).name(path)
        .accessLevel(GitLabAccessLevel.OWNER).plan("ultimate").addProjects(project(id * 10, "site")).build();
  }

  private static ArmSimulatorOptions.Builder options() {
    return ArmSimulatorOptions.builder()
        // A GitHub owner named like a GitLab group is another thing.
        .addGitHubOwners(ArmSimulatorGitHubOwner.of("contoso", "api"))
        .addGitLabGroups(contoso(), group(5, "fabrikam.labs"), group(6, "taken"))
        .addGitLabGroupsOnboardedElsewhere("taken");
  }

  private static ArmSimulator simulator() {
    return ArmSimulator.builder().options(options().build()).build().start();
  }

  private static Connector gitLabConnector(String name, OrganizationSelection groups, String owner) {
    return Connector.restore(ConnectorName.parse(name), SUBSCRIPTION, RESOURCE_GROUP, AzureRegion.CENTRAL_US,
        DevOpsPlatform.GITLAB, List.of(Offering.CSPM_MONITOR_GITLAB), groups, Identity.of(owner), TENANT);
  }

  /** The user owns the group, which has GitLab Ultimate, as the GitLab quickstart requires. */
  private static OrganizationFacts owned(String group) {
    return OrganizationFacts.gitLab(GitLabGroupFacts.builder().group(OrganizationName.parse(group)).groupOwner(true)
        .plan("ultimate").build());
  }

  private static EditContext context(DefenderConnectorClient client) {
    return EditContext.builder().store(ArmConnectorStore.create(client, TENANT))
        .tenantRegistry(ArmTenantRegistry.create(client, TENANT))
        .addOrganizationFacts(owned("contoso"), owned("fabrikam.labs"), owned("taken")).build();
  }

  private static List<String> names(List<GitLabGroupResource> groups, OnboardingState state) {
    return groups.stream().filter(g -> g.onboardingState().filter(state::equals).isPresent())
        .map(GitLabGroupResource::name).collect(Collectors.toList());
  }

  @Test
  void aGitLabConnectorIsCreatedEditedTakenOverAndDeleted() {
    try (ArmSimulator simulator = simulator()) {
      DefenderConnectorClient alice = client(simulator, "alice", sleeper);
      Connector connector = gitLabConnector("gl-main", OrganizationSelection.explicit("contoso"), "alice");

      VersionedConnector created = ConnectorCreation.create(connector, AuthorizationCode.of("gl-code"),
          context(alice));

      assertThat(alice.getConnector(connector.id()).platform()).contains(DevOpsPlatform.GITLAB);
      assertThat(alice.getConnector(connector.id()).offeringTypes()).containsExactly("CspmMonitorGitLab");
      assertThat(alice.getConnector(connector.id()).environmentType()).contains("GitlabScope");
      assertThat(alice.getDevOpsConfiguration(connector.id()).topLevelInventoryList()).containsExactly("contoso");
      assertThat(alice.listGitLabGroups(connector.id()).stream().map(GitLabGroupResource::name))
          .containsExactly("contoso", "contoso$platform", "contoso$platform$tools");
      GitLabGroupResource tools = alice.getGitLabGroup(connector.id(), "contoso$platform$tools");
      assertThat(tools.fullyQualifiedFriendlyName()).contains("contoso/platform/tools");
      assertThat(tools.url()).contains("https://gitlab.com/contoso/platform/tools");
      assertThat(tools.topLevel()).isFalse();
      assertThat(alice.listGitLabSubgroups(connector.id(), "contoso").stream().map(GitLabGroupResource::name))
          .containsExactly("contoso$platform", "contoso$platform$tools");
      assertThat(alice.listGitLabProjects(connector.id(), "contoso").stream().map(GitLabProjectResource::name))
          .as("the projects directly in the group").containsExactly("api", "web");
      GitLabProjectResource cli = alice.getGitLabProject(connector.id(), "contoso$platform$tools", "cli");
      assertThat(cli.fullyQualifiedName()).contains("contoso$platform$tools$cli");
      assertThat(cli.fullyQualifiedParentGroupName()).contains("contoso$platform$tools");
      assertThat(cli.onboardingState()).contains(OnboardingState.ONBOARDED);
      List<GitLabGroupResource> available = alice.listAvailableGitLabGroups(connector.id());
      assertThat(names(available, OnboardingState.ONBOARDED))
          .containsExactly("contoso", "contoso$platform", "contoso$platform$tools");
      assertThat(names(available, OnboardingState.NOT_ONBOARDED)).containsExactly("fabrikam.labs");
      assertThat(names(available, OnboardingState.ONBOARDED_BY_OTHER_CONNECTOR)).containsExactly("taken");

      VersionedConnector edited = EditSession.open(created, Identity.of("alice"), context(alice))
          .addOrganization(OrganizationName.parse("fabrikam.labs")).removeOrganization(OrganizationName.parse("contoso"))
          .update();
      assertThat(alice.getDevOpsConfiguration(connector.id()).topLevelInventoryList()).containsExactly("fabrikam.labs");
      assertThat(alice.listGitLabGroups(connector.id()).stream().map(GitLabGroupResource::name))
          .containsExactly("fabrikam.labs");
      assertThatThrownBy(() -> alice.getGitLabGroup(connector.id(), "contoso"))
          .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.kind())
              .isEqualTo(ServiceException.Kind.NOT_FOUND));

      DefenderConnectorClient bob = client(simulator, "bob", sleeper);
      assertThatThrownBy(() -> bob.listAvailableGitLabGroups(connector.id()))
          .as("only the authorizing identity lists what its authorization reaches")
          .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.kind())
              .isEqualTo(ServiceException.Kind.NOT_AUTHORIZED));
      VersionedConnector takenOver = EditSession.open(edited, Identity.of("bob"), context(bob))
          .reauthorize(AuthorizationCode.of("bob-code")).confirmTakeover()
          .addOrganization(OrganizationName.parse("contoso")).update();
      assertThat(takenOver.connector().owner().matches(Identity.of("bob"))).isTrue();
      assertThat(simulator.authorizingIdentity(connector.id().toString())).contains("bob");
      assertThat(bob.listGitLabGroups(connector.id()).stream().filter(GitLabGroupResource::topLevel)
          .map(GitLabGroupResource::name)).containsExactlyInAnyOrder("contoso", "fabrikam.labs");

      ArmConnectorStore.create(bob, TENANT).delete(connector.id());
      assertThat(simulator.connectorCount()).isZero();
    }
  }

  @Test
  void aGroupHeldByAnotherConnectorIsRefusedBeforeAnyWrite() {
    try (ArmSimulator simulator = simulator()) {
      DefenderConnectorClient alice = client(simulator, "alice", sleeper);
      Connector first = gitLabConnector("gl-first", OrganizationSelection.explicit("contoso"), "alice");
      VersionedConnector created = ConnectorCreation.create(first, AuthorizationCode.of("c1"), context(alice));
      long writes = simulator.writeRequests();

      Connector second = gitLabConnector("gl-second", OrganizationSelection.explicit("contoso"), "alice");
      assertThatThrownBy(() -> ConnectorCreation.create(second, AuthorizationCode.of("c2"), context(alice)))
          .isInstanceOfSatisfying(OrganizationOnboardedElsewhereException.class, e -> {
            assertThat(e.finding().orElseThrow().code()).isEqualTo(HELD_ELSEWHERE);
            assertThat(e.organization()).isEqualTo(OrganizationName.parse("contoso"));
            assertThat(e.holderConnectorId()).contains(first.id());
          });
      assertThat(simulator.writeRequests()).as("no write reached ARM").isEqualTo(writes);
      assertThat(simulator.connectorCount()).isEqualTo(1);

      String before = ArmConnectorStore.version(alice.getDevOpsConfiguration(first.id()));
      EditSession session = EditSession.open(created, Identity.of("alice"), context(alice))
          .addOrganization(OrganizationName.parse("taken"));
      assertThatThrownBy(session::update).isInstanceOfSatisfying(OrganizationOnboardedElsewhereException.class,
          e -> {
            assertThat(e.finding().orElseThrow().code()).isEqualTo(HELD_ELSEWHERE);
            assertThat(e.holderConnectorId()).as("held by a connector the simulator does not show").isEmpty();
          });
      assertThat(simulator.writeRequests()).as("no write reached ARM").isEqualTo(writes);
      assertThat(ArmConnectorStore.version(alice.getDevOpsConfiguration(first.id()))).isEqualTo(before);
    }
  }

  @Test
  void allExistingGroupsTakesEveryTopLevelGroupNotHeldElsewhereAndNoSubgroup() {
    try (ArmSimulator simulator = simulator()) {
      DefenderConnectorClient alice = client(simulator, "alice", sleeper);
      Connector connector = gitLabConnector("gl-all", OrganizationSelection.explicit("fabrikam.labs"), "alice");
      VersionedConnector created = ConnectorCreation.create(connector, AuthorizationCode.of("gl-code"),
          context(alice));

      // The user's own view: the groups it owns, but for the one the tenant registry knows another connector holds.
      EditContext ownGroups = EditContext.builder().store(ArmConnectorStore.create(alice, TENANT))
          .tenantRegistry(ArmTenantRegistry.create(alice, TENANT))
          .addOrganizationFacts(owned("contoso"), owned("fabrikam.labs")).build();
      EditSession.open(created, Identity.of("alice"), ownGroups).selectAllExisting().update();

      assertThat(alice.getDevOpsConfiguration(connector.id()).topLevelInventoryList())
          .containsExactlyInAnyOrder("contoso", "fabrikam.labs");
      assertThat(ArmTenantRegistry.create(alice, TENANT).organizationsOf(TENANT, DevOpsPlatform.GITLAB,
          connector.id())).containsExactlyInAnyOrder(OrganizationName.parse("contoso"),
          OrganizationName.parse("fabrikam.labs"));
    }
  }

  @Test
  void subgroupsAndProjectsArePagedToTheEnd() {
    GitLabEstateSubgroup.Builder wide = GitLabEstateSubgroup.builder().id(100).path("wide").name("Wide");
    List<String> projects = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      wide.addProjects(project(200 + i, "p" + i));
      projects.add("p" + i);
    }
    GitLabEstateGroup.Builder big = GitLabEstateGroup.builder().id(99).path(OrganizationName.parse("big")).name("Big")
        .accessLevel(GitLabAccessLevel.OWNER).plan("ultimate").addSubgroups(wide.build());
    List<String> subgroups = new ArrayList<>(List.of("big$wide"));
    for (int i = 0; i < 4; i++) {
      big.addSubgroups(GitLabEstateSubgroup.builder().id(300 + i).path("s" + i).name("S" + i).build());
      subgroups.add("big$s" + i);
    }
    try (ArmSimulator simulator = ArmSimulator.builder().options(ArmSimulatorOptions.builder().pageSize(2)
        .addGitLabGroups(big.build()).build()).build().start()) {
      DefenderConnectorClient alice = client(simulator, "alice", sleeper);
      Connector connector = gitLabConnector("gl-big", OrganizationSelection.explicit("big"), "alice");
      ConnectorCreation.create(connector, AuthorizationCode.of("gl-code"), EditContext.builder()
          .store(ArmConnectorStore.create(alice, TENANT)).tenantRegistry(ArmTenantRegistry.create(alice, TENANT))
          .addOrganizationFacts(owned("big")).build());
      long listSubgroupPosts = simulator.counters().requests(ArmSimulator.Route.GITLAB_SUBGROUPS);

      assertThat(alice.listGitLabSubgroups(connector.id(), "big").stream().map(GitLabGroupResource::name))
          .containsExactlyElementsOf(subgroups);
      assertThat(simulator.counters().requests(ArmSimulator.Route.GITLAB_SUBGROUPS) - listSubgroupPosts)
          .as("a POST, then a GET per nextLink").isEqualTo(3);
      assertThat(alice.listGitLabProjects(connector.id(), "big$wide").stream().map(GitLabProjectResource::name))
          .containsExactlyElementsOf(projects);
      assertThat(alice.listGitLabGroups(connector.id()).stream().count()).isEqualTo(1 + subgroups.size());
    }
  }

  @Test
  void aGroupNameThatWouldChangeThePathIsRefusedBeforeAnythingIsSent() {
    CannedHttpClient http = new CannedHttpClient();
    try (DefenderConnectorClient client = new DefenderConnectorClientBuilder()
        .credential(ArmTestSupport.identity("alice")).httpClient(http).sleeper(sleeper).buildClient()) {
      assertThatThrownBy(() -> client.getGitLabGroup(ArmTestSupport.id("gl"), ".."))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("group");
      assertThatThrownBy(() -> client.listGitLabSubgroups(ArmTestSupport.id("gl"), " "))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing");
      assertThatThrownBy(() -> client.getGitLabProject(ArmTestSupport.id("gl"), "contoso", "."))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("project");
    }
    assertThat(http.requests()).isEmpty();
  }

  @Test
  void aGroupWithoutANameIsAProtocolFailure() {
    CannedHttpClient http = new CannedHttpClient().enqueue(200, java.util.Map.of(), "{\"value\":[{\"id\":\"/x\","
        + "\"properties\":{\"fullyQualifiedName\":\"contoso\"}}]}");
    try (DefenderConnectorClient client = new DefenderConnectorClientBuilder()
        .credential(ArmTestSupport.identity("alice")).httpClient(http).sleeper(sleeper).buildClient()) {
      assertThatThrownBy(() -> client.listAvailableGitLabGroups(ArmTestSupport.id("gl")))
          .satisfies(Failures.kind(ServiceException.Kind.PROTOCOL))
          .hasMessageContaining("GitLab group");
    }
  }
}
