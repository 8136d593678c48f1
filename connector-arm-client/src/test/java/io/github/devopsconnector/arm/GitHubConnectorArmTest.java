package io.github.devopsconnector.arm;

import static io.github.devopsconnector.arm.ArmTestSupport.RESOURCE_GROUP;
import static io.github.devopsconnector.arm.ArmTestSupport.SUBSCRIPTION;
import static io.github.devopsconnector.arm.ArmTestSupport.TENANT;
import static io.github.devopsconnector.arm.ArmTestSupport.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devopsconnector.arm.ArmTestSupport.RecordingSleeper;
import io.github.devopsconnector.arm.models.GitHubOwnerResource;
import io.github.devopsconnector.arm.models.GitHubRepositoryResource;
import io.github.devopsconnector.arm.models.OnboardingState;
import io.github.devopsconnector.core.AuthorizationCode;
import io.github.devopsconnector.core.AzureRegion;
import io.github.devopsconnector.core.Connector;
import io.github.devopsconnector.core.ConnectorName;
import io.github.devopsconnector.core.DevOpsPlatform;
import io.github.devopsconnector.core.FindingCode;
import io.github.devopsconnector.core.GitHubAppAccess;
import io.github.devopsconnector.core.GitHubOwnerFacts;
import io.github.devopsconnector.core.Identity;
import io.github.devopsconnector.core.Offering;
import io.github.devopsconnector.core.OrganizationFacts;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.edit.ConnectorCreation;
import io.github.devopsconnector.core.edit.EditContext;
import io.github.devopsconnector.core.edit.EditSession;
import io.github.devopsconnector.core.edit.OrganizationOnboardedElsewhereException;
import io.github.devopsconnector.core.edit.VersionedConnector;
import io.github.devopsconnector.testing.ArmSimulator;
import io.github.devopsconnector.testing.ArmSimulatorGitHubOwner;
import io.github.devopsconnector.testing.ArmSimulatorOptions;
import io.github.devopsconnector.testing.ArmSimulatorOrganization;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A GitHub connector created, edited (owners added and removed, takeover) and deleted against the ARM simulator. */
class GitHubConnectorArmTest {

  private final RecordingSleeper sleeper = new RecordingSleeper();

  private static ArmSimulator simulator() {
    return ArmSimulator.builder().options(ArmSimulatorOptions.builder()
        // An Azure DevOps organization named like a GitHub owner is another thing.
        .addOrganizations(ArmSimulatorOrganization.of("contoso"))
        .addGitHubOwners(ArmSimulatorGitHubOwner.of("contoso", "api", "web"),
            ArmSimulatorGitHubOwner.of("fabrikam", "site"), ArmSimulatorGitHubOwner.onboardedElsewhere("taken"))
        .build()).build().start();
  }

  private static Connector gitHubConnector(String name, OrganizationSelection owners, String owner) {
    return Connector.restore(ConnectorName.parse(name), SUBSCRIPTION, RESOURCE_GROUP, AzureRegion.CENTRAL_US,
        DevOpsPlatform.GITHUB, List.of(Offering.CSPM_MONITOR_GITHUB), owners, Identity.of(owner), TENANT);
  }

  private static OrganizationFacts owned(String login) {
    return OrganizationFacts.gitHub(GitHubOwnerFacts.builder().owner(OrganizationName.parse(login))
        .organizationOwner(true).app(GitHubAppAccess.ALL_REPOSITORIES).build());
  }

  private static EditContext context(DefenderConnectorClient client) {
    return EditContext.builder().store(ArmConnectorStore.create(client, TENANT))
        .tenantRegistry(ArmTenantRegistry.create(client, TENANT))
        .addOrganizationFacts(owned("contoso"), owned("fabrikam"), owned("taken")).build();
  }

  private static List<String> names(List<GitHubOwnerResource> owners, OnboardingState state) {
    return owners.stream().filter(o -> o.onboardingState().filter(state::equals).isPresent())
        .map(GitHubOwnerResource::name).collect(Collectors.toList());
  }

  @Test
  void aGitHubConnectorIsCreatedEditedTakenOverAndDeleted() {
    try (ArmSimulator simulator = simulator()) {
      DefenderConnectorClient alice = client(simulator, "alice", sleeper);
      Connector connector = gitHubConnector("gh-main", OrganizationSelection.explicit("contoso"), "alice");

      VersionedConnector created = ConnectorCreation.create(connector, AuthorizationCode.of("gh-code"),
          context(alice));

      assertThat(alice.getConnector(connector.id()).platform()).contains(DevOpsPlatform.GITHUB);
      assertThat(alice.listGitHubOwners(connector.id()).stream().map(GitHubOwnerResource::name))
          .containsExactly("contoso");
      assertThat(alice.listGitHubRepos(connector.id(), "contoso").stream().map(GitHubRepositoryResource::name))
          .containsExactly("api", "web");
      GitHubRepositoryResource api = alice.getGitHubRepo(connector.id(), "contoso", "api");
      assertThat(api.repoFullName()).contains("contoso/api");
      assertThat(api.onboardingState()).contains(OnboardingState.ONBOARDED);
      List<GitHubOwnerResource> available = alice.listAvailableGitHubOwners(connector.id());
      assertThat(names(available, OnboardingState.ONBOARDED)).containsExactly("contoso");
      assertThat(names(available, OnboardingState.NOT_ONBOARDED)).containsExactly("fabrikam");
      assertThat(names(available, OnboardingState.ONBOARDED_BY_OTHER_CONNECTOR)).containsExactly("taken");
      // An Azure DevOps organization of the same name is another thing: an Azure DevOps connector may take it.
      ConnectorCreation.create(ArmTestSupport.connector("ado-main", OrganizationSelection.explicit("contoso"),
          "alice"), AuthorizationCode.of("ado-code"), EditContext.builder()
          .store(ArmConnectorStore.create(alice, TENANT)).tenantRegistry(ArmTenantRegistry.create(alice, TENANT))
          .addOrganizationFacts(OrganizationFacts.builder().organization(OrganizationName.parse("contoso")).build())
          .build());
      assertThat(alice.listGitHubOwners(connector.id()).stream().map(GitHubOwnerResource::name))
          .containsExactly("contoso");

      VersionedConnector edited = EditSession.open(created, Identity.of("alice"), context(alice))
          .addOrganization(OrganizationName.parse("fabrikam")).removeOrganization(OrganizationName.parse("contoso"))
          .update();
      assertThat(alice.getDevOpsConfiguration(connector.id()).topLevelInventoryList()).containsExactly("fabrikam");

      DefenderConnectorClient bob = client(simulator, "bob", sleeper);
      VersionedConnector takenOver = EditSession.open(edited, Identity.of("bob"), context(bob))
          .reauthorize(AuthorizationCode.of("bob-code")).confirmTakeover()
          .addOrganization(OrganizationName.parse("contoso")).update();
      assertThat(takenOver.connector().owner().matches(Identity.of("bob"))).isTrue();
      assertThat(simulator.authorizingIdentity(connector.id().toString())).contains("bob");
      assertThat(bob.listGitHubOwners(connector.id()).stream().map(GitHubOwnerResource::name))
          .containsExactlyInAnyOrder("contoso", "fabrikam");

      ArmConnectorStore.create(bob, TENANT).delete(connector.id());
      assertThat(simulator.connectorCount()).as("the Azure DevOps connector is left").isEqualTo(1);
    }
  }

  @Test
  void anOwnerHeldByAnotherConnectorIsRefusedBeforeAnyWrite() {
    try (ArmSimulator simulator = simulator()) {
      DefenderConnectorClient alice = client(simulator, "alice", sleeper);
      Connector first = gitHubConnector("gh-first", OrganizationSelection.explicit("contoso"), "alice");
      VersionedConnector created = ConnectorCreation.create(first, AuthorizationCode.of("c1"), context(alice));

      Connector second = gitHubConnector("gh-second", OrganizationSelection.explicit("contoso"), "alice");
      assertThatThrownBy(() -> ConnectorCreation.create(second, AuthorizationCode.of("c2"), context(alice)))
          .isInstanceOfSatisfying(OrganizationOnboardedElsewhereException.class, e -> {
            assertThat(e.finding().orElseThrow().code()).isEqualTo(FindingCode.GITHUB_OWNER_ONBOARDED_ELSEWHERE);
            assertThat(e.holderConnectorId()).contains(first.id());
          });
      assertThat(simulator.connectorCount()).isEqualTo(1);

      String before = ArmConnectorStore.version(alice.getDevOpsConfiguration(first.id()));
      EditSession session = EditSession.open(created, Identity.of("alice"), context(alice))
          .addOrganization(OrganizationName.parse("taken"));
      assertThatThrownBy(session::update).isInstanceOfSatisfying(OrganizationOnboardedElsewhereException.class,
          e -> assertThat(e.finding().orElseThrow().code()).isEqualTo(FindingCode.GITHUB_OWNER_ONBOARDED_ELSEWHERE));
      assertThat(ArmConnectorStore.version(alice.getDevOpsConfiguration(first.id()))).isEqualTo(before);
    }
  }
}
