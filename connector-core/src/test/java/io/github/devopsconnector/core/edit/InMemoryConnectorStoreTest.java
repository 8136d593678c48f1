package io.github.devopsconnector.core.edit;

import static io.github.devopsconnector.core.edit.EditFixtures.ALICE;
import static io.github.devopsconnector.core.edit.EditFixtures.BOB;
import static io.github.devopsconnector.core.edit.EditFixtures.connector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devopsconnector.core.AuthorizationCode;
import io.github.devopsconnector.core.Connector;
import io.github.devopsconnector.core.FindingCode;
import io.github.devopsconnector.core.OrganizationSelection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InMemoryConnectorStoreTest {

  private final InMemoryConnectorStore store = new InMemoryConnectorStore();
  private final Connector connector = connector("devops-main", ALICE, OrganizationSelection.explicit("contoso"));

  private ChangeSet unchanged(VersionedConnector base, Connector after) {
    return ChangeSet.builder().connectorId(after.id()).baseVersion(base.version()).actor(ALICE)
        .before(base.connector()).after(after).ownership(OwnershipConsequence.UNCHANGED).build();
  }

  @Test
  void createsWithAFirstVersionAndDestroysTheCodeOnceExchanged() {
    AuthorizationCode code = AuthorizationCode.of("create-code");

    VersionedConnector created = store.create(connector, code);

    assertThat(created.connector()).isEqualTo(connector);
    assertThat(created.version()).isEqualTo("1");
    assertThat(store.find(connector.id())).contains(created);
    assertThat(code.isDestroyed()).isTrue();
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void refusesASecondConnectorWithTheSameIdAndLeavesTheCodeAlone() {
    store.create(connector, AuthorizationCode.of("first"));
    AuthorizationCode second = AuthorizationCode.of("second");

    assertThatThrownBy(() -> store.create(connector, second)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already exists");
    assertThat(second.isDestroyed()).isFalse();
  }

  @Test
  void refusesACodeThatWasAlreadyUsed() {
    AuthorizationCode used = AuthorizationCode.of("used");
    used.destroy();

    assertThatThrownBy(() -> store.create(connector, used)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already used");
    assertThat(store.find(connector.id())).isEmpty();
  }

  @Test
  void updateFromTheCurrentVersionSavesTheNewVersion() {
    VersionedConnector v1 = store.create(connector, AuthorizationCode.of("c"));
    Connector after = connector.withOrganizations(OrganizationSelection.explicit("contoso", "fabrikam"));

    VersionedConnector v2 = store.update(unchanged(v1, after));

    assertThat(v2.version()).isEqualTo("2");
    assertThat(v2.connector()).isEqualTo(after);
    assertThat(store.find(connector.id())).contains(v2);
  }

  @Test
  void updateFromAStaleVersionFailsAndSavesNothing() {
    VersionedConnector v1 = store.create(connector, AuthorizationCode.of("c"));
    VersionedConnector v2 = store.update(unchanged(v1, connector.withOrganizations(OrganizationSelection.allExisting())));
    AuthorizationCode code = AuthorizationCode.of("exchange");
    ChangeSet stale = ChangeSet.builder().connectorId(connector.id()).baseVersion(v1.version()).actor(BOB)
        .before(v1.connector()).after(connector.withOwner(BOB)).ownership(OwnershipConsequence.OWNERSHIP_TRANSFERRED)
        .reauthorization(code).build();

    assertThatThrownBy(() -> store.update(stale)).isInstanceOfSatisfying(EditConflictException.class, e -> {
      assertThat(e.finding().orElseThrow().code()).isEqualTo(FindingCode.EDIT_CONFLICT);
      assertThat(e.connectorId()).isEqualTo(connector.id());
      assertThat(e.expectedVersion()).isEqualTo("1");
      assertThat(e.actualVersion()).contains("2");
    });
    assertThat(store.find(connector.id())).contains(v2);
    assertThat(code.isDestroyed()).as("nothing was exchanged, the caller may reuse the code").isFalse();
  }

  @Test
  void updateOfAMissingConnectorIsAConflictWithoutCurrentVersion() {
    VersionedConnector ghost = VersionedConnector.of(connector, "1");

    assertThatThrownBy(() -> store.update(unchanged(ghost, connector)))
        .isInstanceOfSatisfying(EditConflictException.class, e -> assertThat(e.actualVersion()).isEmpty());
    assertThat(store.find(connector.id())).isEmpty();
  }

  @Test
  void concurrentUpdatesFromOneVersionSaveExactlyOne() throws Exception {
    VersionedConnector v1 = store.create(connector, AuthorizationCode.of("c"));
    int writers = 16;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        Connector after = connector.withOrganizations(OrganizationSelection.explicit("contoso", "org-" + i));
        results.add(pool.submit(() -> {
          start.await(10, TimeUnit.SECONDS);
          try {
            store.update(unchanged(v1, after));
            return true;
          } catch (EditConflictException e) {
            return false;
          }
        }));
      }
      start.countDown();
      int saved = 0;
      for (Future<Boolean> result : results) {
        saved += result.get(10, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(saved).isEqualTo(1);
      assertThat(store.find(connector.id()).orElseThrow().version()).isEqualTo("2");
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
  }
}
