package io.github.devopsconnector.arm;

import io.github.devopsconnector.core.ServiceException.Kind;
import io.github.devopsconnector.arm.models.UpdateDevOpsConfigurationOptions;
import io.github.devopsconnector.arm.models.DevOpsConfiguration;
import static io.github.devopsconnector.arm.ArmTestSupport.TENANT;
import static io.github.devopsconnector.arm.ArmTestSupport.client;
import static io.github.devopsconnector.arm.ArmTestSupport.connector;
import static io.github.devopsconnector.arm.ArmTestSupport.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devopsconnector.arm.ArmTestSupport.RecordingSleeper;
import io.github.devopsconnector.core.AuthorizationCode;
import io.github.devopsconnector.core.Connector;
import io.github.devopsconnector.core.FindingCode;
import io.github.devopsconnector.core.Identity;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.edit.Change;
import io.github.devopsconnector.core.edit.ChangeSet;
import io.github.devopsconnector.core.edit.EditConflictException;
import io.github.devopsconnector.core.edit.OwnershipConsequence;
import io.github.devopsconnector.core.edit.VersionedConnector;
import io.github.devopsconnector.testing.ArmSimulator;
import io.github.devopsconnector.testing.ArmSimulator.Route;
import io.github.devopsconnector.testing.ArmSimulatorOptions;
import io.github.devopsconnector.testing.ArmSimulatorOrganization;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Edit sessions saved to the ARM simulator through {@link ArmConnectorStore}. */
class ArmConnectorStoreTest {

  private final RecordingSleeper sleeper = new RecordingSleeper();

  private static ArmSimulator simulator() {
    return ArmSimulator.builder().options(ArmSimulatorOptions.builder()
        .pollsBeforeCompletion(2)
        .addOrganizations(ArmSimulatorOrganization.of("org1"), ArmSimulatorOrganization.of("org2"),
            ArmSimulatorOrganization.of("org3"), ArmSimulatorOrganization.onboardedElsewhere("taken"))
        .build()).build().start();
  }

  private static ChangeSet changeSet(VersionedConnector base, Connector after, String actor,
      OwnershipConsequence ownership, Optional<AuthorizationCode> code) {
    return ChangeSet.builder()
        .connectorId(base.connector().id())
        .baseVersion(base.version())
        .actor(Identity.of(actor))
        .before(base.connector())
        .after(after)
        .addChanges(Change.of("organizations", base.connector().organizations().toString(),
            after.organizations().toString()))
        .ownership(ownership)
        .reauthorization(code)
        .build();
  }

  @Test
  void createThenFindGivesTheConnectorWithTheConfigurationEtagAsVersion() {
    try (ArmSimulator simulator = simulator()) {
      DefenderConnectorClient client = client(simulator, "alice", sleeper);
      ArmConnectorStore store = ArmConnectorStore.create(client, TENANT);
      Connector connector = connector("stored", OrganizationSelection.explicit("org1"), "alice");

      VersionedConnector created = store.create(connector, AuthorizationCode.of("code-create"));
      VersionedConnector found = store.find(connector.id()).orElseThrow();

      assertThat(found.connector()).isEqualTo(connector);
      // Without an etag (as in the specification) the version is a fingerprint of the configuration.
      assertThat(found.version()).isEqualTo(created.version())
          .isEqualTo(ArmConnectorStore.version(client.getDevOpsConfiguration(id("stored")))).startsWith("sha256:");
      assertThat(store.find(id("absent"))).isEmpty();
      assertThatThrownBy(() -> store.create(connector, AuthorizationCode.of("code-again")))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("already exists");
    }
  }

  @Test
  void anUpdateFromTheCurrentVersionIsSaved() {
    try (ArmSimulator simulator = simulator()) {
      ArmConnectorStore store = ArmConnectorStore.create(client(simulator, "alice", sleeper), TENANT);
      VersionedConnector base = store.create(connector("edited", OrganizationSelection.explicit("org1"), "alice"),
          AuthorizationCode.of("code-create"));
      Connector after = base.connector().withOrganizations(OrganizationSelection.explicit("org1", "org2"));

      VersionedConnector saved = store.update(changeSet(base, after, "alice", OwnershipConsequence.UNCHANGED,
          Optional.empty()));

      assertThat(saved.connector()).isEqualTo(after);
      assertThat(saved.version()).isNotEqualTo(base.version());
      VersionedConnector reread = store.find(after.id()).orElseThrow();
      assertThat(reread.connector().organizations()).isEqualTo(OrganizationSelection.explicit("org1", "org2"));
      assertThat(reread.version()).isEqualTo(saved.version());
    }
  }

  @Test
  void aConcurrentChangeIsAConflictAndNothingIsSaved() {
    try (ArmSimulator simulator = simulator()) {
      DefenderConnectorClient alice = client(simulator, "alice", sleeper);
      ArmConnectorStore store = ArmConnectorStore.create(alice, TENANT);
      VersionedConnector base = store.create(connector("contested", OrganizationSelection.explicit("org1"), "alice"),
          AuthorizationCode.of("code-create"));

      // Someone else's edit lands between reading and saving.
      alice.updateDevOpsConfiguration(id("contested"), UpdateDevOpsConfigurationOptions.builder()
          .organizations(OrganizationSelection.explicit("org3")).build());
      String concurrentVersion = ArmConnectorStore.version(alice.getDevOpsConfiguration(id("contested")));
      long writesBefore = simulator.counters().requests(Route.DEVOPS_CONFIGURATION);

      Connector after = base.connector().withOrganizations(OrganizationSelection.explicit("org1", "org2"));
      assertThatThrownBy(() -> store.update(changeSet(base, after, "alice", OwnershipConsequence.UNCHANGED,
          Optional.empty())))
          .isInstanceOf(EditConflictException.class)
          .satisfies(e -> {
            EditConflictException conflict = (EditConflictException) e;
            assertThat(conflict.finding().orElseThrow().code()).isEqualTo(FindingCode.EDIT_CONFLICT);
            assertThat(conflict.expectedVersion()).isEqualTo(base.version());
            assertThat(conflict.actualVersion()).contains(concurrentVersion);
          });

      DevOpsConfiguration unchanged = alice.getDevOpsConfiguration(id("contested"));
      assertThat(unchanged.topLevelInventoryList()).containsExactly("org3");
      assertThat(ArmConnectorStore.version(unchanged)).isEqualTo(concurrentVersion);
      // The read that found the change and the check above: no write at all.
      assertThat(simulator.counters().requests(Route.DEVOPS_CONFIGURATION) - writesBefore).isEqualTo(2);
      assertThat(simulator.counters().requests(Route.OPERATION_RESULT)).isEqualTo(6);
    }
  }

  @Test
  void aDeletedConnectorIsAConflictToo() {
    try (ArmSimulator simulator = simulator()) {
      DefenderConnectorClient alice = client(simulator, "alice", sleeper);
      ArmConnectorStore store = ArmConnectorStore.create(alice, TENANT);
      VersionedConnector base = store.create(connector("vanishing", OrganizationSelection.explicit("org1"), "alice"),
          AuthorizationCode.of("code-create"));
      alice.deleteConnector(id("vanishing"));
      assertThatThrownBy(() -> store.update(changeSet(base,
          base.connector().withOrganizations(OrganizationSelection.explicit("org2")), "alice",
          OwnershipConsequence.UNCHANGED, Optional.empty())))
          .isInstanceOf(EditConflictException.class)
          .satisfies(e -> assertThat(((EditConflictException) e).actualVersion()).isEmpty());
    }
  }

  @Test
  void aTakeoverExchangesTheNewCodeAndMakesTheEditorTheAuthorizingIdentity() {
    try (ArmSimulator simulator = simulator()) {
      ArmConnectorStore aliceStore = ArmConnectorStore.create(client(simulator, "alice", sleeper), TENANT);
      VersionedConnector base = aliceStore.create(connector("taken-over", OrganizationSelection.explicit("org1"),
          "alice"), AuthorizationCode.of("code-alice"));
      DefenderConnectorClient bob = client(simulator, "bob", sleeper);
      ArmConnectorStore bobStore = ArmConnectorStore.create(bob, TENANT);
      AuthorizationCode bobCode = AuthorizationCode.of("code-bob");
      Connector after = base.connector().withOwner(Identity.of("bob"))
          .withOrganizations(OrganizationSelection.explicit("org2"));

      VersionedConnector saved = bobStore.update(changeSet(base, after, "bob",
          OwnershipConsequence.OWNERSHIP_TRANSFERRED, Optional.of(bobCode)));

      assertThat(bobCode.isDestroyed()).isTrue();
      assertThat(simulator.authorizingIdentity(after.resourceId())).contains("bob");
      assertThat(bobStore.find(after.id()).orElseThrow().connector().owner()).isEqualTo(Identity.of("bob"));
      assertThat(saved.connector().owner()).isEqualTo(Identity.of("bob"));
      assertThat(bob.listAvailableAzureDevOpsOrgs(id("taken-over"))).isNotEmpty();
    }
  }

  @Test
  void aReauthorizationWithAnExpiredCodeFailsClearly() {
    try (ArmSimulator simulator = simulator()) {
      ArmConnectorStore store = ArmConnectorStore.create(client(simulator, "alice", sleeper), TENANT);
      VersionedConnector base = store.create(connector("reauth", OrganizationSelection.explicit("org1"), "alice"),
          AuthorizationCode.of("code-create"));
      simulator.expireCode("stale-code");
      assertThatThrownBy(() -> store.update(changeSet(base, base.connector(), "alice",
          OwnershipConsequence.TOKEN_EXCHANGED, Optional.of(AuthorizationCode.of("stale-code")))))
          .satisfies(Failures.kind(Kind.NOT_AUTHORIZED, "TokenExchangeFailed"))
          .hasMessageContaining("authorize again");
      assertThatThrownBy(() -> store.update(changeSet(base, base.connector(), "alice",
          OwnershipConsequence.TOKEN_EXCHANGED, Optional.of(AuthorizationCode.of("code-create")))))
          .isInstanceOf(EditConflictException.class);
    }
  }

  @Test
  void allExistingIsResolvedToTheAvailableOrganizations() {
    try (ArmSimulator simulator = simulator()) {
      ArmConnectorStore store = ArmConnectorStore.create(client(simulator, "alice", sleeper), TENANT);
      VersionedConnector base = store.create(connector("resolve", OrganizationSelection.explicit("org1"), "alice"),
          AuthorizationCode.of("code-create"));
      Connector after = base.connector().withOrganizations(OrganizationSelection.allExisting());
      VersionedConnector saved = store.update(changeSet(base, after, "alice", OwnershipConsequence.UNCHANGED,
          Optional.empty()));
      assertThat(store.find(after.id()).orElseThrow().connector().organizations())
          .isEqualTo(OrganizationSelection.explicit("org1", "org2", "org3"));
      assertThat(saved.connector()).isEqualTo(after);
    }
  }

  @Test
  void changingWhatArmCannotEditIsRefusedBeforeAnyWrite() {
    try (ArmSimulator simulator = simulator()) {
      ArmConnectorStore store = ArmConnectorStore.create(client(simulator, "alice", sleeper), TENANT);
      VersionedConnector base = store.create(connector("fixed", OrganizationSelection.explicit("org1"), "alice"),
          AuthorizationCode.of("code-create"));
      Connector moved = Connector.restore(base.connector().name(), base.connector().subscription(),
          base.connector().resourceGroup(), io.github.devopsconnector.core.AzureRegion.WEST_EUROPE,
          base.connector().platform(), base.connector().offerings(), base.connector().organizations(),
          base.connector().owner(), base.connector().tenant());
      long before = simulator.counters().totalRequests();
      assertThatThrownBy(() -> store.update(changeSet(base, moved, "alice", OwnershipConsequence.UNCHANGED,
          Optional.empty())))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("organizations and authorization only");
      assertThat(simulator.counters().totalRequests()).isEqualTo(before);
    }
  }

  @Test
  void deleteWaitsForTheLongRunningDeleteOfTheConfiguration() {
    try (ArmSimulator simulator = simulator()) {
      DefenderConnectorClient client = client(simulator, "alice", sleeper);
      ArmConnectorStore store = ArmConnectorStore.create(client, TENANT);
      store.create(connector("deleted", OrganizationSelection.explicit("org1"), "alice"),
          AuthorizationCode.of("code-create"));
      simulator.counters().reset();

      store.delete(id("deleted"));

      assertThat(simulator.counters().requests(Route.OPERATION_RESULT)).isEqualTo(3);
      assertThat(simulator.counters().requests(Route.CONNECTOR)).isEqualTo(1);
      assertThat(simulator.connectorCount()).isZero();
      assertThat(store.find(id("deleted"))).isEmpty();
      client.deleteConnector(id("deleted"));
    }
  }
}
