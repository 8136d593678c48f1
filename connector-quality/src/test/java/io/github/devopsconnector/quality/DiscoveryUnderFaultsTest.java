package io.github.devopsconnector.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsconnector.azuredevops.AzureDevOpsRestClientBuilder;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.discovery.DiscoveryError;
import io.github.devopsconnector.core.discovery.DiscoveryOptions;
import io.github.devopsconnector.core.discovery.Inventory;
import io.github.devopsconnector.core.discovery.InventoryDiscovery;
import io.github.devopsconnector.core.discovery.OrganizationInventory;
import io.github.devopsconnector.core.discovery.OrganizationStatus;
import io.github.devopsconnector.testing.AzureDevOpsSimulator;
import io.github.devopsconnector.testing.AzureDevOpsSimulator.Fault;
import io.github.devopsconnector.testing.AzureDevOpsSimulator.Route;
import io.github.devopsconnector.testing.Estate;
import io.github.devopsconnector.testing.EstateGenerator;
import io.github.devopsconnector.testing.EstateOrganization;
import io.github.devopsconnector.testing.EstateProject;
import io.github.devopsconnector.testing.InMemoryAzureDevOpsClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Discovery through the real REST client against a simulator that throttles (429 with {@code Retry-After}),
 * fails (503), drops connections, answers slowly, and serves one corrupt page (which the client sends again), for several seeds. Every
 * organization must end either discovered with exactly the estate's projects, repositories and pipelines, or
 * failed with a precise error that is one of the failures the client really met; an organization no unrecoverable
 * fault reached is always complete. A discovered organization with a missing or extra item (a silent gap) fails
 * the suite.
 */
class DiscoveryUnderFaultsTest {

  private static final long[] SEEDS = {11, 23, 37, 41, 59};
  private static final int ORGANIZATIONS = 6;
  private static final int PROJECTS = 25;
  private static final int REPOSITORIES = 4;
  private static final int PIPELINES = 2;
  /** Small pages, so every organization's projects take three pages. */
  private static final int PROJECT_PAGE_SIZE = 10;
  private static final double FAULT_RATE = 0.08;
  private static final List<Route> CORRUPTED_ROUTES =
      List.of(Route.PROJECTS, Route.ORGANIZATION_REPOSITORIES, Route.PIPELINES);
  private static final DiscoveryOptions OPTIONS = DiscoveryOptions.builder()
      .concurrency(4)
      .defaultRetryAfter(Duration.ofMillis(50))
      .build();

  @Test
  @Timeout(value = 75, unit = TimeUnit.SECONDS)
  void everyOrganizationIsCompleteOrFailsWithAPreciseError() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(SEEDS.length);
    List<Run> runs = new ArrayList<>();
    try {
      // Seeds run side by side: each has its own simulator and client, and most of a run is waiting.
      List<Future<Run>> futures = new ArrayList<>();
      for (int i = 0; i < SEEDS.length; i++) {
        int index = i;
        futures.add(pool.submit(() -> run(index, SEEDS[index])));
      }
      for (Future<Run> future : futures) {
        runs.add(future.get(70, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }

    runs.forEach(run -> System.out.println(run.line()));
    long faults = runs.stream().mapToLong(Run::faults).sum();
    long silentGaps = runs.stream().mapToLong(run -> run.silentGaps).sum();
    System.out.println("reliability: runs=" + runs.size() + " faults injected=" + faults + " silent gaps="
        + silentGaps);

    List<String> problems = runs.stream().flatMap(run -> run.problems.stream()).collect(Collectors.toList());
    assertThat(problems).as("what went wrong, per seed").isEmpty();
    assertThat(silentGaps).isZero();
    assertThat(runs).allSatisfy(run -> {
      assertThat(run.faultsByKind.keySet()).as("seed %d met the faults it was meant to", run.seed)
          .contains(run.corruption);
    });
    assertThat(runs.stream().flatMap(run -> run.faultsByKind.keySet().stream()).collect(Collectors.toSet()))
        .as("over all seeds, every kind of fault was injected")
        .contains(Fault.THROTTLE, Fault.SERVICE_UNAVAILABLE, Fault.DROP_CONNECTION);
  }

  /** One seed: the estate, the reference discovery, then discovery through the simulator under faults. */
  private static Run run(int index, long seed) {
    Estate estate = EstateGenerator.builder().tokenForAllOrganizations()
        .seed(seed)
        .organizations(ORGANIZATIONS)
        .projectsPerOrganization(PROJECTS)
        .repositoriesPerProject(REPOSITORIES)
        .pipelinesPerProject(PIPELINES)
        .build()
        .generate();
    Inventory reference = InventoryDiscovery.builder()
        .client(InMemoryAzureDevOpsClient.builder(estate).pageSize(PROJECT_PAGE_SIZE).build())
        .build()
        .discover(OrganizationSelection.allExisting());
    assertThat(reference.isComplete()).isTrue();

    Fault corruption = index % 2 == 0 ? Fault.TRUNCATED_JSON : Fault.MALFORMED_JSON;
    Route corrupted = CORRUPTED_ROUTES.get(index % CORRUPTED_ROUTES.size());
    // Every other seed also has one organization down for good: every request about it fails.
    Optional<OrganizationName> down = index % 2 == 0
        ? Optional.of(estate.organizations().get(ORGANIZATIONS - 1 - index % ORGANIZATIONS).name())
        : Optional.empty();
    Fault downFault = index % 4 == 0 ? Fault.SERVICE_UNAVAILABLE : Fault.DROP_CONNECTION;

    try (AzureDevOpsSimulator simulator = AzureDevOpsSimulator.builder(estate)
        .seed(seed)
        .faultRate(FAULT_RATE)
        .faults(Set.of(Fault.THROTTLE, Fault.SERVICE_UNAVAILABLE, Fault.DROP_CONNECTION))
        // 503 without Retry-After (backoff instead); a 429 always says at least one second.
        .retryAfter(Duration.ZERO)
        .latency(Duration.ofMillis(2 + index * 2L))
        .projectPageSize(PROJECT_PAGE_SIZE)
        .threads(8)
        .build()
        .start()) {
      simulator.failNext(corrupted, corruption, 1);
      down.ifPresent(organization -> simulator.failOrganization(organization, downFault));

      // Odd seeds cap the client's waits below the 1 s Retry-After, so a 429 reaches discovery, which slows
      // down and retries it; even seeds let the client wait and retry by itself.
      RetryOptions retry = new RetryOptions(new ExponentialBackoffOptions()
          .setMaxRetries(2)
          .setBaseDelay(Duration.ofMillis(5))
          .setMaxDelay(index % 2 == 0 ? Duration.ofSeconds(2) : Duration.ofMillis(200)));
      RecordingAzureDevOpsClient client = new RecordingAzureDevOpsClient(new AzureDevOpsRestClientBuilder()
          .endpoint(simulator.endpoint())
          .personalAccessToken(simulator.personalAccessToken())
          .retryOptions(retry)
          .buildClient());
      Inventory inventory = InventoryDiscovery.builder().client(client).options(OPTIONS).build()
          .discover(OrganizationSelection.allExisting());

      Run run = new Run(seed, corruption);
      for (Fault fault : Fault.values()) {
        long count = simulator.counters().faultsInjected(fault);
        if (count > 0) {
          run.faultsByKind.put(fault, count);
        }
      }
      run.requests = simulator.counters().totalRequests();
      check(run, estate, reference, inventory, client, down);
      return run;
    }
  }

  private static void check(Run run, Estate estate, Inventory reference, Inventory inventory,
      RecordingAzureDevOpsClient client, Optional<OrganizationName> down) {
    String seed = "seed " + run.seed + ": ";
    run.organizations = inventory.organizations().size();
    Set<OrganizationName> expectedNames = estate.organizations().stream().map(EstateOrganization::name)
        .collect(Collectors.toSet());
    Set<OrganizationName> names = inventory.organizations().stream().map(OrganizationInventory::name)
        .collect(Collectors.toSet());
    if (!names.equals(expectedNames)) {
      run.problems.add(seed + "the inventory has the organizations " + names + ", the estate " + expectedNames);
    }
    if (!client.userFailures().isEmpty()) {
      run.problems.add(seed + "reading the user failed: " + client.userFailures());
    }
    long corruptPages = client.allFailures().stream()
        .filter(e -> e.kind() == ServiceException.Kind.PROTOCOL).count();
    if (corruptPages != 0) {
      run.problems.add(seed + "the client met " + corruptPages + " protocol failures; the one corrupt page "
          + "should have been sent again, unseen by the caller");
    }

    for (OrganizationInventory organization : inventory.organizations()) {
      OrganizationName name = organization.name();
      String where = seed + name + ": ";
      List<ServiceException> failures = client.failures(name);
      boolean unrecoverable = failures.stream().anyMatch(e -> e.kind() != ServiceException.Kind.THROTTLED)
          || failures.stream().filter(e -> e.kind() == ServiceException.Kind.THROTTLED).count()
              > OPTIONS.maxThrottleRetries();
      if (down.filter(name::equals).isPresent() && organization.status() != OrganizationStatus.FAILED) {
        run.problems.add(where + "every request about it failed, yet it ended " + organization.status());
      }
      switch (organization.status()) {
        case DISCOVERED:
          run.complete++;
          if (failures.stream().anyMatch(e -> e.kind() != ServiceException.Kind.THROTTLED)) {
            run.problems.add(where + "discovered although a request about it failed: " + failures.get(0));
          }
          List<String> gaps = gaps(estate.organization(name).orElseThrow(),
              reference.organization(name).orElseThrow(), organization);
          if (!gaps.isEmpty()) {
            run.silentGaps++;
            gaps.forEach(gap -> run.problems.add(where + "silent gap: " + gap));
          }
          break;
        case FAILED:
          run.failed++;
          DiscoveryError error = organization.outcome().error().orElseThrow();
          if (!unrecoverable) {
            run.problems.add(where + "failed although no request about it failed for good: " + error);
          }
          if (failures.stream().map(DiscoveryError::of).noneMatch(error::equals)) {
            run.problems.add(where + "the error " + error + " is none of the failures the client met: " + failures);
          }
          if (!organization.projects().isEmpty() || !organization.repositories().isEmpty()
              || !organization.pipelines().isEmpty()) {
            run.problems.add(where + "a failed organization kept partial lists");
          }
          imprecision(error, name).forEach(p -> run.problems.add(where + p + ": " + error));
          break;
        default:
          run.problems.add(where + "ended " + organization.status() + ", which an all-existing selection of "
              + "member organizations never gives");
      }
    }
  }

  /** What differs between a discovered organization and the estate (and the reference discovery). */
  private static List<String> gaps(EstateOrganization expected, OrganizationInventory reference,
      OrganizationInventory found) {
    List<String> gaps = new ArrayList<>();
    Set<String> projects = new HashSet<>();
    Set<String> repositories = new HashSet<>();
    Set<String> pipelines = new HashSet<>();
    for (EstateProject project : expected.projects()) {
      projects.add(project.id() + " " + project.name());
      project.repositories().forEach(r -> repositories.add(r.id() + " " + r.name() + " " + project.id() + " "
          + project.name() + " " + r.defaultBranch().orElse("-")));
      project.pipelines().forEach(p -> pipelines.add(p.id() + " " + p.name() + " " + project.id()));
    }
    List<String> foundProjects = found.projects().stream().map(p -> p.id() + " " + p.name()).toList();
    List<String> foundRepositories = found.repositories().stream().map(r -> r.id() + " " + r.name() + " "
        + r.projectId() + " " + r.projectName() + " " + r.defaultBranch().orElse("-")).toList();
    List<String> foundPipelines = found.pipelines().stream().map(p -> p.id() + " " + p.name() + " "
        + p.projectId()).toList();
    compare("projects", projects, foundProjects, gaps);
    compare("repositories", repositories, foundRepositories, gaps);
    compare("pipelines", pipelines, foundPipelines, gaps);
    if (found.outcome().projectCount() != projects.size() || found.outcome().repositoryCount() != repositories.size()
        || found.outcome().pipelineCount() != pipelines.size()) {
      gaps.add("the outcome counts " + found.outcome() + " differ from the estate's " + projects.size() + "/"
          + repositories.size() + "/" + pipelines.size());
    }
    // The same lists, in the same order, as a fault-free discovery of the same estate in memory.
    if (!found.projects().equals(reference.projects()) || !found.pipelines().equals(reference.pipelines())) {
      gaps.add("projects or pipelines differ from the in-memory discovery");
    }
    if (!foundRepositories.equals(reference.repositories().stream().map(r -> r.id() + " " + r.name() + " "
        + r.projectId() + " " + r.projectName() + " " + r.defaultBranch().orElse("-")).toList())) {
      gaps.add("repositories differ from the in-memory discovery");
    }
    return gaps;
  }

  private static void compare(String what, Set<String> expected, List<String> found, List<String> gaps) {
    Set<String> foundSet = new HashSet<>(found);
    if (foundSet.size() != found.size()) {
      gaps.add(what + " listed twice: " + (found.size() - foundSet.size()));
    }
    Set<String> missing = new HashSet<>(expected);
    missing.removeAll(foundSet);
    Set<String> extra = new HashSet<>(foundSet);
    extra.removeAll(expected);
    if (!missing.isEmpty()) {
      gaps.add(missing.size() + " " + what + " missing, such as " + missing.iterator().next());
    }
    if (!extra.isEmpty()) {
      gaps.add(extra.size() + " " + what + " not in the estate, such as " + extra.iterator().next());
    }
  }

  /** Why an error would not tell a user what failed and what to do; empty when it is precise. */
  private static List<String> imprecision(DiscoveryError error, OrganizationName organization) {
    List<String> problems = new ArrayList<>();
    if (!error.message().startsWith("Could not ") || !error.message().contains(organization.value())) {
      problems.add("the message does not say what could not be done in the organization");
    }
    if (error.remediation().filter(r -> !r.isBlank()).isEmpty()) {
      problems.add("no remediation");
    }
    switch (error.kind()) {
      case THROTTLED:
        if (error.statusCode() != 429 || !error.serviceErrorCode().equals(Optional.of("TF400733"))) {
          problems.add("throttling without 429 and TF400733");
        }
        break;
      case TRANSIENT:
        boolean unavailable = error.statusCode() == 503 && error.message().contains("503");
        boolean dropped = error.statusCode() == 0 && error.message().contains("no usable response");
        if (!unavailable && !dropped) {
          problems.add("a transient failure that is neither a 503 nor a connection without response");
        }
        break;
      case PROTOCOL:
        if (error.statusCode() != 200) {
          problems.add("a corrupt page without the 200 it came with");
        }
        break;
      default:
        problems.add("a kind of failure no injected fault causes");
    }
    return problems;
  }

  /** The figures and problems of one seed. */
  private static final class Run {
    final long seed;
    final Fault corruption;
    final Map<Fault, Long> faultsByKind = new EnumMap<>(Fault.class);
    final List<String> problems = new ArrayList<>();
    long requests;
    int organizations;
    int complete;
    int failed;
    int silentGaps;

    Run(long seed, Fault corruption) {
      this.seed = seed;
      this.corruption = corruption;
    }

    long faults() {
      return faultsByKind.values().stream().mapToLong(Long::longValue).sum();
    }

    String line() {
      return "reliability: seed=" + seed + " faults=" + faults() + " " + faultsByKind.entrySet().stream()
          .map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(",", "(", ")"))
          + " requests=" + requests + " orgs complete=" + complete + "/" + organizations + " failed=" + failed;
    }
  }
}
