package io.github.devopsconnector.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsconnector.arm.ArmConnectorStore;
import io.github.devopsconnector.arm.DefenderConnectorClientBuilder;
import io.github.devopsconnector.core.Sleeper;
import io.github.devopsconnector.core.AuthorizationCode;
import io.github.devopsconnector.core.Connector;
import io.github.devopsconnector.core.Identity;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.edit.ConnectorCreation;
import io.github.devopsconnector.core.edit.EditContext;
import io.github.devopsconnector.core.edit.EditSession;
import io.github.devopsconnector.core.edit.InMemoryTenantRegistry;
import io.github.devopsconnector.core.edit.VersionedConnector;
import io.github.devopsconnector.testing.ArmSimulator;
import io.github.devopsconnector.testing.ArmSimulatorOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The version {@link ArmConnectorStore#update} returns must belong to the connector it returns. Its write is
 * long-running, and another edit can land between the write and the read that ends it; the read then carries the
 * other edit's etag. Paired with this edit's connector, that etag would let an edit made from the returned version
 * overwrite the other edit without a conflict. Here the other edit is made, deterministically, while the first one
 * polls its operation.
 */
class ArmStoreSavedVersionTest {

  private static final Identity OWNER = Identity.of("saved-version-owner");
  private static final OrganizationName FIRST = OrganizationName.parse("first-org");
  private static final OrganizationName MINE = OrganizationName.parse("mine-org");
  private static final OrganizationName THEIRS = OrganizationName.parse("theirs-org");
  private static final OrganizationName MINE_AGAIN = OrganizationName.parse("mine-again-org");

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void anEditFromTheReturnedVersionCannotOverwriteAnEditMadeDuringTheWrite() {
    try (ArmSimulator simulator = ArmSimulator.builder().options(ArmSimulatorOptions.builder().pollsBeforeCompletion(1)
        // Operations ask to wait a second: the poll sleeper is where the other edit happens (it never sleeps).
        .retryAfterSeconds(1)
        .build()).build().start()) {
      InMemoryTenantRegistry registry = new InMemoryTenantRegistry();
      ArmConnectorStore theirStore = store(simulator, duration -> { });
      EditContext theirContext = context(theirStore, registry);
      AtomicReference<Runnable> duringMyWrite = new AtomicReference<>();
      ArmConnectorStore myStore = store(simulator, duration -> {
        Runnable other = duringMyWrite.getAndSet(null);
        if (other != null) {
          other.run();
        }
      });
      EditContext myContext = context(myStore, registry);
      Connector connector = Fixtures.connector("saved-version", OrganizationSelection.explicit(List.of(FIRST)),
          OWNER);
      VersionedConnector created = ConnectorCreation.create(connector, AuthorizationCode.of("creation-code"),
          myContext);

      // While my write's operation is polled, someone else reads the connector (with my change) and adds theirs.
      duringMyWrite.set(() -> EditSession.open(theirStore.find(connector.id()).orElseThrow(), OWNER,
          theirContext).addOrganization(THEIRS).update());
      VersionedConnector mine = EditSession.open(created, OWNER, myContext).addOrganization(MINE).update();
      assertThat(duringMyWrite.get()).as("the other edit ran during my write").isNull();

      VersionedConnector stored = myStore.find(connector.id()).orElseThrow();
      if (stored.version().equals(mine.version())) {
        assertThat(mine.connector().organizations().organizations())
            .as("the connector returned with version %s is the one stored with it", mine.version())
            .containsExactlyInAnyOrderElementsOf(stored.connector().organizations().organizations());
      }

      // What a user does next: edit again from the version the update returned.
      EditSession again = EditSession.open(mine, OWNER, myContext).addOrganization(MINE_AGAIN);
      try {
        again.update();
      } catch (io.github.devopsconnector.core.edit.EditConflictException expected) {
        // A conflict is a fine answer: the user reopens and nothing is lost.
        EditSession.open(myStore.find(connector.id()).orElseThrow(), OWNER, myContext)
            .addOrganization(MINE_AGAIN).update();
      }
      assertThat(myStore.find(connector.id()).orElseThrow().connector().organizations().organizations())
          .as("every saved change is still there")
          .containsExactlyInAnyOrder(FIRST, MINE, THEIRS, MINE_AGAIN);
    }
  }

  private static ArmConnectorStore store(ArmSimulator simulator, Sleeper sleeper) {
    return ArmConnectorStore.create(new DefenderConnectorClientBuilder()
        .endpoint(simulator.endpoint())
        .credential(Fixtures.armIdentity(OWNER.id()))
        .pollInterval(Duration.ZERO)
        .sleeper(sleeper)
        .buildClient(), Fixtures.TENANT);
  }

  private static EditContext context(ArmConnectorStore store, InMemoryTenantRegistry registry) {
    return EditContext.builder().store(store).tenantRegistry(registry)
        .addAllOrganizationFacts(Stream.of(FIRST, MINE, THEIRS, MINE_AGAIN).map(Fixtures::allowed)
            .collect(Collectors.toList()))
        .build();
  }
}
