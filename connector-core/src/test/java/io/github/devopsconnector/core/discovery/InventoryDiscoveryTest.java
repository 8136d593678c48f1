package io.github.devopsconnector.core.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devopsconnector.core.FindingCode;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsProject;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsRepository;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.discovery.FakeAzureDevOpsClient.Operation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class InventoryDiscoveryTest {

  private static final OrganizationSelection ALL = OrganizationSelection.allExisting();

  private static InventoryDiscovery discovery(FakeAzureDevOpsClient client, int concurrency) {
    return InventoryDiscovery.builder().client(client).concurrency(concurrency).build();
  }

  private static OrganizationName org(String name) {
    return OrganizationName.parse(name);
  }

  @Test
  void findsEveryProjectRepositoryAndPipeline() {
    FakeEstate estate = FakeEstate.builder()
        .organization("fabrikam", o -> o
            .project("web", p -> p.repositories("ui", "api").emptyRepository("new").pipelines("ci", "deploy"))
            .project("data", p -> p.repositories("etl").pipelines("nightly")))
        .build();
    FakeAzureDevOpsClient client = FakeAzureDevOpsClient.of(estate);

    Inventory inventory = discovery(client, 4).discover(ALL);

    OrganizationInventory fabrikam = inventory.organization(org("fabrikam")).orElseThrow();
    assertThat(fabrikam.status()).isEqualTo(OrganizationStatus.DISCOVERED);
    assertThat(fabrikam.outcome().id()).contains(estate.organizations().get(0).id());
    assertThat(fabrikam.projects()).extracting(AzureDevOpsProject::name).containsExactly("data", "web");
    assertThat(fabrikam.repositories()).extracting(AzureDevOpsRepository::name).containsExactly("api", "etl", "new", "ui");
    AzureDevOpsRepository ui = fabrikam.repositories().get(3);
    assertThat(ui.id()).isEqualTo(FakeEstate.repositoryId("fabrikam", "web", "ui"));
    assertThat(ui.url()).isEqualTo("https://dev.azure.com/fabrikam/web/_git/ui");
    assertThat(ui.defaultBranch()).contains("refs/heads/main");
    assertThat(ui.projectId()).isEqualTo(FakeEstate.projectId("fabrikam", "web"));
    assertThat(ui.projectName()).isEqualTo("web");
    assertThat(fabrikam.repositories().get(2).defaultBranch()).isEmpty();
    assertThat(fabrikam.pipelines()).extracting(DiscoveredPipeline::name).containsExactly("ci", "deploy", "nightly");
    assertThat(fabrikam.pipelines().get(2).projectName()).isEqualTo("data");
    // 1 user + 1 organizations + 1 project page + 1 repository listing + 2 pipeline listings
    assertThat(inventory.totals().requests()).isEqualTo(6).isEqualTo(client.requestCount());
    assertThat(inventory.totals().repositories()).isEqualTo(4);
    assertThat(inventory.totals().pipelines()).isEqualTo(3);
    assertThat(inventory.isComplete()).isTrue();
  }

  @Test
  void listsRepositoriesWithOneRequestPerOrganization() {
    FakeAzureDevOpsClient client = FakeAzureDevOpsClient.of(FakeEstate.grid(3, 10));

    discovery(client, 4).discover(ALL);

    assertThat(client.requestCount(Operation.ORGANIZATION_REPOSITORIES)).isEqualTo(3);
    assertThat(client.requestCount(Operation.PROJECT_REPOSITORIES)).isZero();
  }

  @Test
  void resultIsTheSameAtAnyConcurrency() {
    FakeEstate estate = FakeEstate.grid(10, 30);
    FakeAzureDevOpsClient sequential = FakeAzureDevOpsClient.builder(estate).pageSize(7)
        .pipelinePageSize(1).build();
    FakeAzureDevOpsClient parallel = FakeAzureDevOpsClient.builder(estate).pageSize(7)
        .pipelinePageSize(1).latency(Duration.ofMillis(1)).build();

    Inventory one = discovery(sequential, 1).discover(ALL);
    Inventory many = discovery(parallel, 32).discover(ALL);

    assertThat(many).isEqualTo(one);
    assertThat(many.totals().organizations()).isEqualTo(10);
    assertThat(many.totals().projects()).isEqualTo(estate.projectCount());
    assertThat(many.totals().repositories()).isEqualTo(estate.repositoryCount());
    assertThat(many.totals().pipelines()).isEqualTo(estate.pipelineCount());
    assertThat(many.organizations()).extracting(o -> o.name().value())
        .isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
    for (OrganizationInventory organization : many.organizations()) {
      assertThat(organization.projects()).extracting(AzureDevOpsProject::name)
          .isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
      assertThat(organization.repositories()).isSortedAccordingTo(
          Comparator.comparing(AzureDevOpsRepository::name, String.CASE_INSENSITIVE_ORDER).thenComparing(AzureDevOpsRepository::id));
      assertThat(organization.pipelines()).isSortedAccordingTo(
          Comparator.comparing(DiscoveredPipeline::name, String.CASE_INSENSITIVE_ORDER)
              .thenComparingLong(DiscoveredPipeline::id));
    }
    assertThat(sequential.peakConcurrentRequests()).isEqualTo(1);
    assertThat(parallel.peakConcurrentRequests()).isLessThanOrEqualTo(32);
  }

  @Test
  void sharesEachProjectNameBetweenItsItems() {
    Inventory inventory = discovery(FakeAzureDevOpsClient.of(FakeEstate.grid(1, 4)), 2).discover(ALL);

    OrganizationInventory organization = inventory.organizations().get(0);
    Map<String, String> names = new HashMap<>();
    Map<String, String> ids = new HashMap<>();
    organization.projects().forEach(p -> names.put(p.id(), p.name()));
    organization.projects().forEach(p -> ids.put(p.id(), p.id()));
    assertThat(organization.repositories()).isNotEmpty()
        .allSatisfy(r -> assertThat(r.projectName()).isSameAs(names.get(r.projectId())))
        .allSatisfy(r -> assertThat(r.projectId()).isSameAs(ids.get(r.projectId())));
    assertThat(organization.pipelines()).isNotEmpty()
        .allSatisfy(p -> assertThat(p.projectName()).isSameAs(names.get(p.projectId())));
  }

  @Test
  void readsEveryPageOfAnOrganizationWithMoreThanAHundredProjects() {
    FakeEstate estate = FakeEstate.grid(1, 250);
    FakeAzureDevOpsClient client = FakeAzureDevOpsClient.of(estate);

    Inventory inventory = discovery(client, 8).discover(ALL);

    assertThat(inventory.organizations().get(0).projects()).hasSize(250);
    assertThat(inventory.organizations().get(0).projects()).extracting(AzureDevOpsProject::id).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(estate.organizations().get(0).projects().stream()
            .map(FakeEstate.Project::id).collect(Collectors.toList()));
    assertThat(client.requestCount(Operation.PROJECTS)).isEqualTo(3);
    assertThat(inventory.totals().requests()).isEqualTo(2 + 3 + 1 + 250);
  }

  @Test
  void aRepeatingContinuationTokenFailsTheOrganizationInsteadOfLooping() {
    FakeEstate estate = FakeEstate.grid(2, 20);
    FakeAzureDevOpsClient client = FakeAzureDevOpsClient.builder(estate).pageSize(7)
        .repeatContinuationToken("org-01").build();

    Inventory inventory = discovery(client, 4).discover(ALL);

    OrganizationOutcome broken = inventory.organization(org("org-01")).orElseThrow().outcome();
    assertThat(broken.status()).isEqualTo(OrganizationStatus.FAILED);
    assertThat(broken.error()).hasValueSatisfying(e -> {
      assertThat(e.kind()).isEqualTo(ServiceException.Kind.PROTOCOL);
      assertThat(e.message()).contains("continuation token", "\"7\"", "org-01");
    });
    assertThat(client.requestCount("org-01")).as("first page, then the repeat").isEqualTo(2);
    assertThat(inventory.organization(org("Org-00")).orElseThrow().status()).isEqualTo(OrganizationStatus.DISCOVERED);
    assertThat(inventory.organization(org("Org-00")).orElseThrow().projects()).hasSize(20);
  }

  @Test
  void aFailingOrganizationLeavesTheOthersComplete() {
    FakeEstate estate = FakeEstate.grid(5, 12);
    FakeAzureDevOpsClient client = FakeAzureDevOpsClient.builder(estate).pageSize(5)
        .failOrganization("org-03", ServiceException.Kind.TRANSIENT).build();
    Inventory reference = discovery(FakeAzureDevOpsClient.builder(estate).pageSize(5).build(), 4).discover(ALL);

    Inventory inventory = discovery(client, 4).discover(ALL);

    OrganizationInventory failed = inventory.organization(org("org-03")).orElseThrow();
    assertThat(failed.status()).isEqualTo(OrganizationStatus.FAILED);
    assertThat(failed.outcome().error()).hasValueSatisfying(e -> {
      assertThat(e.kind()).isEqualTo(ServiceException.Kind.TRANSIENT);
      assertThat(e.statusCode()).isEqualTo(503);
    });
    assertThat(failed.outcome().findings()).isEmpty();
    assertThat(failed.projects()).isEmpty();
    assertThat(inventory.organizations()).hasSize(5);
    for (OrganizationInventory organization : inventory.organizations()) {
      if (!organization.name().equals(org("org-03"))) {
        assertThat(organization).isEqualTo(reference.organization(organization.name()).orElseThrow());
      }
    }
    assertThat(inventory.summary().withStatus(OrganizationStatus.FAILED)).hasSize(1);
    assertThat(inventory.isComplete()).isFalse();
  }

  @Test
  void anOrganizationThatRefusesTheUserIsNotAccessible() {
    FakeEstate estate = FakeEstate.builder()
        .organization("open", o -> o.project("web", p -> p.repositories("ui")))
        .organization("locked", o -> o.inaccessible().project("web", p -> p.repositories("ui")))
        .build();

    Inventory inventory = discovery(FakeAzureDevOpsClient.of(estate), 2).discover(ALL);

    OrganizationOutcome locked = inventory.organization(org("locked")).orElseThrow().outcome();
    assertThat(locked.status()).isEqualTo(OrganizationStatus.FAILED);
    assertThat(locked.error()).hasValueSatisfying(e -> {
      assertThat(e.kind()).isEqualTo(ServiceException.Kind.NOT_AUTHORIZED);
      assertThat(e.statusCode()).isEqualTo(401);
      assertThat(e.serviceErrorCode()).contains("TF400813");
    });
    assertThat(locked.findings()).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo(FindingCode.ADO_ORGANIZATION_NOT_ACCESSIBLE);
      assertThat(f.message()).contains("401", "TF400813");
    });
    assertThat(inventory.organization(org("open")).orElseThrow().repositories()).hasSize(1);
  }

  @Test
  void anExplicitSelectionListsNoOrganizationsAndAStrangerFailsAlone() {
    FakeEstate estate = FakeEstate.grid(3, 2);
    FakeAzureDevOpsClient client = FakeAzureDevOpsClient.of(estate);

    Inventory inventory = discovery(client, 2)
        .discover(OrganizationSelection.explicit("ORG-01", "elsewhere"));

    assertThat(inventory.organizations()).extracting(o -> o.name().value()).containsExactly("elsewhere", "ORG-01");
    OrganizationOutcome elsewhere = inventory.organizations().get(0).outcome();
    assertThat(elsewhere.status()).isEqualTo(OrganizationStatus.FAILED);
    assertThat(elsewhere.findings()).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo(FindingCode.ADO_ORGANIZATION_NOT_ACCESSIBLE);
      assertThat(f.message()).contains("elsewhere");
    });
    assertThat(client.requestCount(FakeAzureDevOpsClient.Operation.SIGNED_IN_USER)).as("no profile").isZero();
    assertThat(client.requestCount(FakeAzureDevOpsClient.Operation.ORGANIZATIONS)).as("no accounts").isZero();
    assertThat(client.requestCount("Org-00")).as("not selected").isZero();
    assertThat(inventory.organizations().get(1).status()).isEqualTo(OrganizationStatus.DISCOVERED);
  }

  @Test
  void anEmptySelectionFindsNothing() {
    FakeEstate estate = FakeEstate.builder().build();

    Inventory inventory = discovery(FakeAzureDevOpsClient.of(estate), 2)
        .discover(OrganizationSelection.allExistingAndFuture());

    assertThat(inventory.organizations()).isEmpty();
    assertThat(inventory.totals().requests()).isEqualTo(2);
  }

  @Test
  void failingToReadTheUserFailsTheWholeDiscovery() {
    FakeAzureDevOpsClient client = FakeAzureDevOpsClient.builder(FakeEstate.grid(1, 1))
        .throttleEvery(2).build();
    InventoryDiscovery discovery = InventoryDiscovery.builder().client(client)
        .options(DiscoveryOptions.builder().maxThrottleRetries(0).build()).build();

    assertThatThrownBy(() -> discovery.discover(ALL)).isInstanceOfSatisfying(ServiceException.class,
        e -> assertThat(e.kind()).isEqualTo(ServiceException.Kind.THROTTLED));
  }

  @Test
  void staysWithinTheConcurrencyLimit() {
    FakeAzureDevOpsClient client = FakeAzureDevOpsClient.builder(FakeEstate.grid(6, 10))
        .latency(Duration.ofMillis(2)).build();

    discovery(client, 3).discover(ALL);

    assertThat(client.peakConcurrentRequests()).isBetween(1, 3);
  }

  @Test
  void throttlingLowersConcurrencyAndTheDiscoveryCompletes() {
    FakeEstate estate = FakeEstate.grid(4, 15);
    Inventory reference = discovery(FakeAzureDevOpsClient.of(estate), 8).discover(ALL);
    FakeAzureDevOpsClient client = FakeAzureDevOpsClient.builder(estate)
        .throttleEvery(7).throttleRetryAfter(Duration.ofMillis(1)).build();
    List<Integer> limits = new CopyOnWriteArrayList<>();
    InventoryDiscovery discovery = InventoryDiscovery.builder().client(client)
        .options(DiscoveryOptions.builder().concurrency(8).maxThrottleRetries(10).build())
        .listener(new DiscoveryListener() {
          @Override
          public void throttled(Duration retryAfter, int concurrency) {
            limits.add(concurrency);
          }
        })
        .build();

    Inventory inventory = discovery.discover(ALL);

    assertThat(inventory.organizations()).isEqualTo(reference.organizations());
    assertThat(inventory.totals().throttledRequests()).isPositive()
        .isEqualTo(client.requestCount() / 7);
    assertThat(inventory.totals().requests())
        .isEqualTo(reference.totals().requests() + inventory.totals().throttledRequests())
        .isEqualTo(client.requestCount());
    assertThat(limits).isNotEmpty().contains(4).allSatisfy(l -> assertThat(l).isBetween(1, 7));
  }

  @Test
  void anOrganizationThrottledBeyondTheRetriesFailsAlone() {
    FakeEstate estate = FakeEstate.grid(3, 4);
    FakeAzureDevOpsClient client = FakeAzureDevOpsClient.builder(estate)
        .throttleFirst("org-01", 100).throttleRetryAfter(Duration.ZERO).build();
    InventoryDiscovery discovery = InventoryDiscovery.builder().client(client)
        .options(DiscoveryOptions.builder().maxThrottleRetries(2).build()).build();

    Inventory inventory = discovery.discover(ALL);

    OrganizationOutcome throttled = inventory.organization(org("org-01")).orElseThrow().outcome();
    assertThat(throttled.error()).hasValueSatisfying(e -> {
      assertThat(e.kind()).isEqualTo(ServiceException.Kind.THROTTLED);
      assertThat(e.serviceErrorCode()).contains("TF400733");
    });
    assertThat(client.requestCount("org-01")).as("one try and two retries").isEqualTo(3);
    assertThat(inventory.summary().withStatus(OrganizationStatus.DISCOVERED)).hasSize(2);
  }

  @Test
  void theFirstThrottlesOfEachOrganizationAreRetriedAway() {
    FakeEstate estate = FakeEstate.grid(3, 6);
    Inventory reference = discovery(FakeAzureDevOpsClient.of(estate), 4).discover(ALL);
    FakeAzureDevOpsClient client = FakeAzureDevOpsClient.builder(estate)
        .throttleFirst("Org-00", 2).throttleFirst("org-01", 3).throttleFirst("Org-02", 1).build();

    Inventory inventory = discovery(client, 4).discover(ALL);

    assertThat(inventory.organizations()).isEqualTo(reference.organizations());
    assertThat(inventory.totals().throttledRequests()).isEqualTo(6);
  }

  @Test
  void streamingDeliversEveryItemExactlyOnce() {
    FakeEstate estate = FakeEstate.grid(6, 25);
    FakeAzureDevOpsClient client = FakeAzureDevOpsClient.builder(estate).pageSize(7)
        .pipelinePageSize(1).build();
    Map<String, Integer> repositories = new ConcurrentHashMap<>();
    Map<String, Integer> pipelines = new ConcurrentHashMap<>();
    AtomicInteger projects = new AtomicInteger();
    AtomicInteger concurrentCalls = new AtomicInteger();
    AtomicInteger overlaps = new AtomicInteger();
    InventorySink sink = new InventorySink() {
      @Override
      public void repository(OrganizationName organization, AzureDevOpsRepository repository) {
        enter();
        repositories.merge(repository.id(), 1, Integer::sum);
        leave();
      }

      @Override
      public void pipeline(OrganizationName organization, DiscoveredPipeline pipeline) {
        enter();
        pipelines.merge(organization.value() + "#" + pipeline.id(), 1, Integer::sum);
        leave();
      }

      @Override
      public void project(OrganizationName organization, AzureDevOpsProject project) {
        projects.incrementAndGet();
      }

      private void enter() {
        if (concurrentCalls.incrementAndGet() > 1) {
          overlaps.incrementAndGet();
        }
      }

      private void leave() {
        concurrentCalls.decrementAndGet();
      }
    };

    DiscoverySummary summary = discovery(client, 16).discover(ALL, sink);

    Set<String> expected = estate.organizations().stream().flatMap(o -> o.projects().stream())
        .flatMap(p -> p.repositories().stream()).map(FakeEstate.Repository::id).collect(Collectors.toSet());
    assertThat(repositories.keySet()).isEqualTo(expected);
    assertThat(repositories.values()).containsOnly(1);
    assertThat(pipelines).hasSize((int) estate.pipelineCount());
    assertThat(pipelines.values()).containsOnly(1);
    assertThat(projects).hasValue((int) estate.projectCount());
    assertThat(overlaps).as("sink calls never overlap").hasValue(0);
    Inventory collected = discovery(FakeAzureDevOpsClient.builder(estate).pageSize(7).pipelinePageSize(1)
        .build(), 4).discover(ALL);
    assertThat(summary).isEqualTo(collected.summary());
  }

  @Test
  void aSinkThatThrowsStopsTheDiscovery() {
    IllegalStateException full = new IllegalStateException("disk full");
    InventoryDiscovery discovery = discovery(FakeAzureDevOpsClient.of(FakeEstate.grid(4, 10)), 4);

    assertThatThrownBy(() -> discovery.discover(ALL, (organization, repository) -> {
      throw full;
    })).isSameAs(full);
  }

  @Test
  void cancellingFromAListenerStopsRequestsPromptly() throws Exception {
    int cancelAt = 40;
    int concurrency = 4;
    FakeAzureDevOpsClient client = FakeAzureDevOpsClient.builder(FakeEstate.grid(20, 50)).pageSize(10)
        .build();
    AtomicReference<DiscoveryHandle<?>> handle = new AtomicReference<>();
    AtomicInteger callsAfterCancel = new AtomicInteger();
    DiscoveryListener listener = new DiscoveryListener() {
      @Override
      public void discoveryStarted(DiscoveryHandle<?> started) {
        handle.set(started);
      }

      @Override
      public void requestMade(DiscoveryProgress progress) {
        if (handle.get().isCancelled()) {
          callsAfterCancel.incrementAndGet();
        } else if (progress.requests() >= cancelAt) {
          handle.get().cancel();
        }
      }
    };
    InventoryDiscovery discovery = InventoryDiscovery.builder().client(client).concurrency(concurrency)
        .listener(listener).build();

    assertThatThrownBy(() -> discovery.discover(ALL)).isInstanceOf(CancellationException.class);

    assertThat(handle.get().awaitTermination(Duration.ofSeconds(30))).isTrue();
    assertThat(handle.get().isCancelled()).isTrue();
    // Requests already sent end on their own; at most one more per worker thread can slip in around the cancel.
    assertThat(client.requestCount()).isBetween((long) cancelAt, (long) cancelAt + 2L * concurrency);
    assertThat(callsAfterCancel).hasValue(0);
    long stopped = client.requestCount();
    assertThat(handle.get().isDone()).isTrue();
    assertThat(client.requestCount()).isEqualTo(stopped);
  }

  @Test
  void cancellingAStartedDiscoveryEndsItsWork() throws Exception {
    FakeAzureDevOpsClient client = FakeAzureDevOpsClient.builder(FakeEstate.grid(20, 50))
        .latency(Duration.ofMillis(1)).build();
    InventoryDiscovery discovery = discovery(client, 4);

    DiscoveryHandle<Inventory> handle = discovery.start(ALL);
    handle.cancel();

    assertThat(handle.isCancelled()).isTrue();
    assertThatThrownBy(handle::join).isInstanceOf(CancellationException.class);
    assertThatThrownBy(handle::get).isInstanceOf(CancellationException.class);
    assertThat(handle.awaitTermination(Duration.ofSeconds(30))).isTrue();
    assertThat(client.requestCount()).isLessThan(FakeEstate.grid(20, 50).projectCount());
    assertThat(handle.cancel(true)).as("already cancelled").isFalse();
  }

  @Test
  void reportsProgressThatNeverGoesBackwards() {
    FakeEstate estate = FakeEstate.grid(5, 20);
    List<DiscoveryProgress> snapshots = new ArrayList<>();
    List<String> events = new ArrayList<>();
    DiscoveryListener listener = new DiscoveryListener() {
      @Override
      public void organizationStarted(OrganizationName organization, DiscoveryProgress progress) {
        events.add("start " + organization);
        snapshots.add(progress);
      }

      @Override
      public void projectsListed(OrganizationName organization, int projects, DiscoveryProgress progress) {
        snapshots.add(progress);
      }

      @Override
      public void projectFinished(OrganizationName organization, AzureDevOpsProject project, DiscoveryProgress progress) {
        snapshots.add(progress);
      }

      @Override
      public void organizationFinished(OrganizationOutcome outcome, DiscoveryProgress progress) {
        events.add("finish " + outcome.organization());
        snapshots.add(progress);
      }

      @Override
      public void requestMade(DiscoveryProgress progress) {
        snapshots.add(progress);
      }
    };
    InventoryDiscovery discovery = InventoryDiscovery.builder()
        .client(FakeAzureDevOpsClient.builder(estate).pageSize(6).build())
        .concurrency(8).listener(listener).build();

    Inventory inventory = discovery.discover(ALL);

    for (int i = 1; i < snapshots.size(); i++) {
      DiscoveryProgress before = snapshots.get(i - 1);
      DiscoveryProgress after = snapshots.get(i);
      assertThat(after.requests()).isGreaterThanOrEqualTo(before.requests());
      assertThat(after.projectsFinished()).isGreaterThanOrEqualTo(before.projectsFinished());
      assertThat(after.projectsTotal()).isGreaterThanOrEqualTo(before.projectsTotal());
      assertThat(after.organizationsFinished()).isGreaterThanOrEqualTo(before.organizationsFinished());
      assertThat(after.repositories()).isGreaterThanOrEqualTo(before.repositories());
    }
    DiscoveryProgress last = snapshots.get(snapshots.size() - 1);
    assertThat(last.organizationsTotal()).isEqualTo(5);
    assertThat(last.organizationsFinished()).isEqualTo(5);
    assertThat(last.projectsFinished()).isEqualTo(last.projectsTotal()).isEqualTo(inventory.totals().projects());
    assertThat(last.pipelines()).isEqualTo(inventory.totals().pipelines());
    assertThat(last.requests()).isEqualTo(inventory.totals().requests());
    assertThat(events.stream().filter(e -> e.startsWith("start"))).hasSize(5);
    assertThat(events.stream().filter(e -> e.startsWith("finish"))).hasSize(5);
  }

  @Test
  void aListenerThatThrowsDoesNotStopTheDiscovery() {
    InventoryDiscovery discovery = InventoryDiscovery.builder()
        .client(FakeAzureDevOpsClient.of(FakeEstate.grid(2, 3)))
        .listener(new DiscoveryListener() {
          @Override
          public void requestMade(DiscoveryProgress progress) {
            throw new IllegalStateException("listener bug");
          }
        })
        .build();

    assertThat(discovery.discover(ALL).isComplete()).isTrue();
  }

  @Test
  void runsOnTheCallersExecutorWithoutShuttingItDown() throws Exception {
    ExecutorService executor = Executors.newFixedThreadPool(2);
    try {
      FakeEstate estate = FakeEstate.grid(3, 5);
      InventoryDiscovery discovery = InventoryDiscovery.builder().client(FakeAzureDevOpsClient.of(estate))
          .executor(executor).concurrency(6).build();

      Inventory inventory = discovery.discover(ALL);

      assertThat(inventory).isEqualTo(discovery(FakeAzureDevOpsClient.of(estate), 1).discover(ALL));
      assertThat(executor.isShutdown()).isFalse();
      assertThat(executor.submit(() -> "still usable").get(10, TimeUnit.SECONDS)).isEqualTo("still usable");
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void runsOnADirectExecutor() {
    FakeEstate estate = FakeEstate.grid(2, 3);
    Inventory inventory = InventoryDiscovery.builder().client(FakeAzureDevOpsClient.of(estate))
        .executor(Runnable::run).build().discover(ALL);

    assertThat(inventory.totals().projects()).isEqualTo(6);
  }

  @Test
  void builderNeedsAClientAndASensibleConcurrency() {
    assertThatThrownBy(() -> InventoryDiscovery.builder().build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("client");
    assertThatThrownBy(() -> InventoryDiscovery.builder().concurrency(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("concurrency");
    assertThatThrownBy(() -> InventoryDiscovery.builder().concurrency(10_000))
        .isInstanceOf(IllegalArgumentException.class);
    InventoryDiscovery discovery = InventoryDiscovery.builder()
        .client(FakeAzureDevOpsClient.of(FakeEstate.grid(1, 1)))
        .options(DiscoveryOptions.builder().maxThrottleRetries(5).build())
        .concurrency(3)
        .build();
    assertThat(discovery.options().concurrency()).isEqualTo(3);
    assertThat(discovery.options().maxThrottleRetries()).isEqualTo(5);
    assertThatThrownBy(() -> discovery.discover(null)).isInstanceOf(NullPointerException.class);
  }
}
