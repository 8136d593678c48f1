package io.github.devopsconnector.core.edit;

import static io.github.devopsconnector.core.edit.EditFixtures.ALICE;
import static io.github.devopsconnector.core.edit.EditFixtures.allowed;
import static io.github.devopsconnector.core.edit.EditFixtures.connector;
import static io.github.devopsconnector.core.edit.EditFixtures.org;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsconnector.core.Connector;
import io.github.devopsconnector.core.OrganizationFacts;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.OrganizationSelection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Many people edit the same connector at once: one update wins per version, and no update is ever lost. */
class ConcurrentEditTest {

  private static final int EDITORS = 16;
  private static final int MAX_ATTEMPTS = 1_000;

  private final EditFixtures.World world = new EditFixtures.World();
  private final Connector main = connector("devops-main", ALICE, OrganizationSelection.explicit("contoso"));
  private final List<OrganizationName> added =
      IntStream.range(0, EDITORS).mapToObj(i -> org("team-" + i)).collect(Collectors.toList());
  private final EditContext context = world.context(added.stream().map(o -> allowed(o.value()))
      .toArray(OrganizationFacts[]::new));

  @Test
  void oneUpdateWinsPerVersionAndLosersRetryUntilEveryChangeIsSaved() throws Exception {
    VersionedConnector first = world.create(main);
    ExecutorService pool = Executors.newFixedThreadPool(EDITORS);
    try {
      // Round one: every editor starts from the same version.
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Boolean>> round = new ArrayList<>();
      for (OrganizationName organization : added) {
        EditSession session = EditSession.open(first, ALICE, context).addOrganization(organization);
        round.add(pool.submit(() -> {
          assertThat(start.await(10, TimeUnit.SECONDS)).isTrue();
          try {
            session.update();
            return true;
          } catch (EditConflictException e) {
            assertThat(e.expectedVersion()).isEqualTo(first.version());
            return false;
          }
        }));
      }
      start.countDown();
      List<OrganizationName> losers = new ArrayList<>();
      for (int i = 0; i < EDITORS; i++) {
        if (!round.get(i).get(30, TimeUnit.SECONDS)) {
          losers.add(added.get(i));
        }
      }
      assertThat(losers).hasSize(EDITORS - 1);
      VersionedConnector afterRoundOne = world.stored(main);
      assertThat(afterRoundOne.connector().organizations().organizations()).hasSize(2);
      assertThat(world.claims(main)).as("the losers left no claims behind")
          .isEqualTo(Set.copyOf(afterRoundOne.connector().organizations().organizations()));

      // Then the losers retry from the fresh version until each has saved its change.
      Map<String, AtomicInteger> winsPerBaseVersion = new ConcurrentHashMap<>();
      winsPerBaseVersion.put(first.version(), new AtomicInteger(1));
      AtomicInteger conflicts = new AtomicInteger(EDITORS - 1);
      CountDownLatch retry = new CountDownLatch(1);
      List<Future<Integer>> retries = new ArrayList<>();
      for (OrganizationName organization : losers) {
        retries.add(pool.submit(() -> {
          assertThat(retry.await(10, TimeUnit.SECONDS)).isTrue();
          for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            VersionedConnector fresh = world.stored(main);
            EditSession session = EditSession.open(fresh, ALICE, context).addOrganization(organization);
            try {
              session.update();
              winsPerBaseVersion.computeIfAbsent(fresh.version(), v -> new AtomicInteger()).incrementAndGet();
              return attempt;
            } catch (EditConflictException e) {
              conflicts.incrementAndGet();
            }
          }
          throw new AssertionError(organization + " was not saved after " + MAX_ATTEMPTS + " attempts");
        }));
      }
      retry.countDown();
      for (Future<Integer> result : retries) {
        assertThat(result.get(60, TimeUnit.SECONDS)).isPositive();
      }

      VersionedConnector last = world.stored(main);
      Set<OrganizationName> expected = new HashSet<>(added);
      expected.add(org("contoso"));
      assertThat(last.connector().organizations().organizations()).hasSize(EDITORS + 1)
          .containsExactlyInAnyOrderElementsOf(expected);
      assertThat(world.claims(main)).isEqualTo(expected);
      assertThat(winsPerBaseVersion.values()).as("exactly one update was saved from each version")
          .allSatisfy(wins -> assertThat(wins.get()).isEqualTo(1));
      assertThat(winsPerBaseVersion).hasSize(EDITORS);
      assertThat(Long.parseLong(last.version()) - Long.parseLong(first.version()))
          .as("one new version per successful update").isEqualTo(EDITORS);
      assertThat(conflicts.get()).isGreaterThanOrEqualTo(EDITORS - 1);
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
  }
}
