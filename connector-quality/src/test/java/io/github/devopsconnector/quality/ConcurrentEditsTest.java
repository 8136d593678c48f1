package io.github.devopsconnector.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.RetryOptions;
import io.github.devopsconnector.arm.ArmConnectorStore;
import io.github.devopsconnector.arm.DefenderConnectorClientBuilder;
import io.github.devopsconnector.core.AuthorizationCode;
import io.github.devopsconnector.core.Connector;
import io.github.devopsconnector.core.Identity;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.edit.ConnectorCreation;
import io.github.devopsconnector.core.edit.ConnectorStore;
import io.github.devopsconnector.core.edit.EditConflictException;
import io.github.devopsconnector.core.edit.EditContext;
import io.github.devopsconnector.core.edit.EditSession;
import io.github.devopsconnector.core.edit.InMemoryConnectorStore;
import io.github.devopsconnector.core.edit.InMemoryTenantRegistry;
import io.github.devopsconnector.core.edit.VersionedConnector;
import io.github.devopsconnector.testing.ArmSimulator;
import io.github.devopsconnector.testing.ArmSimulatorOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Many editors change the same connector at once, all starting from the same version, against the in-memory store
 * and against {@link ArmConnectorStore} over the ARM simulator (the real ARM client, long-running writes), with
 * ETags and {@code If-Match} and without them (as the specification has it). Each editor makes several changes in a row, going on from the version its last update saved,
 * as {@link EditSession#update()} invites; after a conflict it reopens from the stored version. Exactly one update
 * may win per version, the losers get {@link EditConflictException}, everyone's retries converge, and the final
 * connector holds every change that was reported saved: no update is lost. Without ETags the test reports the
 * updates lost in the window the store cannot close.
 */
class ConcurrentEditsTest {

  private static final int EDITORS = 8;
  private static final int CHANGES_PER_EDITOR = 3;
  private static final int MAX_ATTEMPTS_PER_CHANGE = 200;
  private static final Identity OWNER = Identity.of("reliability-owner");
  private static final OrganizationName FIRST = OrganizationName.parse("first-org");

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void inMemoryStoreLosesNoUpdate() throws Exception {
    edit("InMemoryConnectorStore", new InMemoryConnectorStore(), true);
  }

  /** With ETags (a service that would send them, the simulator's option): If-Match closes the window. */
  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void armStoreWithEtagsLosesNoUpdate() throws Exception {
    armStore(true);
  }

  /**
   * As the specification has it, without ETags: the store's read, compare, write, read back and compare detects
   * most conflicts; the test reports how many updates reported saved were lost in the window that remains.
   */
  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void armStoreWithoutEtagsDetectsConflictsAndReportsLostUpdates() throws Exception {
    armStore(false);
  }

  private static void armStore(boolean etags) throws Exception {
    try (ArmSimulator simulator = ArmSimulator.builder()
        // Budgets large enough that ARM's throttling (paced by the client, and tested elsewhere) does not slow the
        // editors down: this test is about their conflicts.
        .options(ArmSimulatorOptions.builder().devOpsEtags(etags).pollsBeforeCompletion(1).readBudget(100_000)
            .writeBudget(100_000).build())
        .latency(Duration.ofMillis(1))
        // A few throttled and unavailable answers, which the client retries (they have no side effects).
        .faultRate(0.03)
        .seed(7)
        .build().start()) {
      ArmConnectorStore store = ArmConnectorStore.create(new DefenderConnectorClientBuilder()
          .endpoint(simulator.endpoint())
          .credential(Fixtures.armIdentity(OWNER.id()))
          .retryOptions(new RetryOptions(new FixedDelayOptions(5, Duration.ofMillis(2))))
          .pollInterval(Duration.ofMillis(2))
          .sleeper(duration -> Thread.sleep(Math.max(1, duration.toMillis())))
          .buildClient(), Fixtures.TENANT);
      edit(etags ? "ArmConnectorStore-etags" : "ArmConnectorStore-no-etags", store, etags);
    }
  }

  /**
   * Runs the editors; with {@code strict}, asserts that no update is lost and that exactly one update wins per
   * version; without, asserts only what the store promises without ETags (every change saved in the end, every
   * conflict typed) and reports the lost updates.
   */
  private static void edit(String storeName, ConnectorStore store, boolean strict) throws Exception {
    List<List<OrganizationName>> changes = new ArrayList<>();
    List<OrganizationName> everyOrganization = new ArrayList<>(List.of(FIRST));
    for (int editor = 0; editor < EDITORS; editor++) {
      List<OrganizationName> mine = new ArrayList<>();
      for (int change = 0; change < CHANGES_PER_EDITOR; change++) {
        mine.add(OrganizationName.parse("team-" + editor + "-" + change));
      }
      changes.add(mine);
      everyOrganization.addAll(mine);
    }
    InMemoryTenantRegistry registry = new InMemoryTenantRegistry();
    EditContext context = EditContext.builder()
        .store(store)
        .tenantRegistry(registry)
        .addAllOrganizationFacts(everyOrganization.stream().map(Fixtures::allowed).collect(Collectors.toList()))
        .build();
    Connector connector = Fixtures.connector("concurrent-" + storeName.toLowerCase(java.util.Locale.ROOT)
        .replace("store", ""), OrganizationSelection.explicit(List.of(FIRST)), OWNER);
    VersionedConnector first = ConnectorCreation.create(connector, AuthorizationCode.of("creation-code"), context);

    Map<String, AtomicInteger> winsPerVersion = new ConcurrentHashMap<>();
    AtomicInteger updates = new AtomicInteger();
    AtomicInteger conflicts = new AtomicInteger();
    AtomicInteger firstRoundWins = new AtomicInteger();
    List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(EDITORS);
    try {
      List<Future<?>> editors = new ArrayList<>();
      for (List<OrganizationName> mine : changes) {
        editors.add(pool.submit(() -> {
          start.await();
          VersionedConnector current = first;
          boolean firstAttempt = true;
          for (OrganizationName organization : mine) {
            boolean saved = false;
            for (int attempt = 0; attempt < MAX_ATTEMPTS_PER_CHANGE && !saved; attempt++) {
              EditSession session = EditSession.open(current, OWNER, context).addOrganization(organization);
              try {
                VersionedConnector result = session.update();
                winsPerVersion.computeIfAbsent(current.version(), v -> new AtomicInteger()).incrementAndGet();
                updates.incrementAndGet();
                if (firstAttempt) {
                  firstRoundWins.incrementAndGet();
                }
                if (!result.connector().organizations().organizations().contains(organization)) {
                  problems.add("the saved version " + result.version() + " lacks " + organization);
                }
                current = result;
                saved = true;
              } catch (EditConflictException conflict) {
                conflicts.incrementAndGet();
                if (!conflict.expectedVersion().equals(current.version())) {
                  problems.add("a conflict names the version " + conflict.expectedVersion() + " instead of "
                      + current.version());
                }
                current = store.find(connector.id()).orElseThrow();
              }
              firstAttempt = false;
            }
            if (!saved) {
              problems.add(organization + " was not saved after " + MAX_ATTEMPTS_PER_CHANGE + " attempts");
            }
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> editor : editors) {
        editor.get(50, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    VersionedConnector last = store.find(connector.id()).orElseThrow();
    Set<OrganizationName> stored = new HashSet<>(last.connector().organizations().organizations());
    Set<OrganizationName> lost = new TreeSet<>(java.util.Comparator.comparing(OrganizationName::value));
    everyOrganization.stream().filter(o -> !stored.contains(o)).forEach(lost::add);
    System.out.println("edits: store=" + storeName + " threads=" + EDITORS + " updates=" + updates.get()
        + " conflicts=" + conflicts.get() + " lost updates=" + lost.size());

    assertThat(problems).isEmpty();
    assertThat(updates.get()).isEqualTo(EDITORS * CHANGES_PER_EDITOR);
    assertThat(conflicts.get()).as("the editors did race").isGreaterThanOrEqualTo(EDITORS - 1);
    if (!strict) {
      assertThat(lost.size()).as("lost updates").isLessThan(updates.get());
      return;
    }
    assertThat(firstRoundWins.get()).as("editors that all started from version %s and won", first.version())
        .isEqualTo(1);
    assertThat(winsPerVersion.entrySet().stream().filter(e -> e.getValue().get() != 1)
        .map(Map.Entry::getKey).collect(Collectors.toList()))
        .as("versions more than one update was saved from").isEmpty();
    assertThat(lost).as("changes reported saved but missing from the stored connector").isEmpty();
    assertThat(stored).containsExactlyInAnyOrderElementsOf(everyOrganization);
    assertThat(registry.organizationsOf(Fixtures.TENANT, connector.id()))
        .as("the tenant registry agrees with the store").isEqualTo(stored);
  }
}
