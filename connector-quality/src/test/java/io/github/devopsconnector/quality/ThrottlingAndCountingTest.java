package io.github.devopsconnector.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsconnector.azuredevops.AzureDevOpsRestClientBuilder;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsClient;
import io.github.devopsconnector.core.discovery.DiscoveryListener;
import io.github.devopsconnector.core.discovery.Inventory;
import io.github.devopsconnector.core.discovery.InventoryDiscovery;
import io.github.devopsconnector.core.discovery.OrganizationStatus;
import io.github.devopsconnector.testing.AzureDevOpsSimulator;
import io.github.devopsconnector.testing.AzureDevOpsSimulator.Fault;
import io.github.devopsconnector.testing.AzureDevOpsSimulator.Route;
import io.github.devopsconnector.testing.Estate;
import io.github.devopsconnector.testing.EstateGenerator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Discovery through the real REST client: its totals count the HTTP requests the client really sent (its own
 * retries included) and the 429s it met, a body that broke off is sent again, and under a TSTU budget the client
 * paces itself so that the service never has to refuse a request.
 */
class ThrottlingAndCountingTest {

  /** One organization, two projects: profile, accounts, one project page, one repository listing, two pipelines. */
  private static Estate small() {
    return EstateGenerator.builder().tokenForAllOrganizations().seed(7).organizations(1).projectsPerOrganization(2).repositoriesPerProject(1)
        .pipelinesPerProject(1).build().generate();
  }

  private static AzureDevOpsClient client(AzureDevOpsSimulator simulator) {
    return new AzureDevOpsRestClientBuilder().endpoint(simulator.endpoint())
        .personalAccessToken(simulator.personalAccessToken()).buildClient();
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void totalsCountEveryHttpRequestAndEvery429TheClientRetried() {
    try (AzureDevOpsSimulator simulator = AzureDevOpsSimulator.builder(small()).retryAfter(Duration.ZERO).build()
        .start()) {
      simulator.failNext(Route.PROJECTS, Fault.THROTTLE, 1);
      List<Duration> throttles = new CopyOnWriteArrayList<>();
      DiscoveryListener listener = new DiscoveryListener() {
        @Override
        public void throttled(Duration retryAfter, int concurrency) {
          throttles.add(retryAfter);
        }
      };

      Inventory inventory = InventoryDiscovery.builder().client(client(simulator)).listener(listener).build()
          .discover(OrganizationSelection.allExisting());

      assertThat(inventory.isComplete()).isTrue();
      // Six calls of the port; the client sent the throttled project page twice.
      assertThat(simulator.counters().totalRequests()).isEqualTo(7);
      assertThat(inventory.totals().requests()).isEqualTo(7);
      assertThat(inventory.totals().throttledRequests()).isEqualTo(1);
      assertThat(throttles).containsExactly(Duration.ofSeconds(1));
    }
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void aTruncatedBodyIsSentAgainAndCounted() {
    try (AzureDevOpsSimulator simulator = AzureDevOpsSimulator.builder(small()).build().start()) {
      simulator.failNext(Route.PROJECTS, Fault.TRUNCATED_JSON, 1);
      simulator.failNext(Route.PIPELINES, Fault.MALFORMED_JSON, 1);

      Inventory inventory = InventoryDiscovery.builder().client(client(simulator)).build()
          .discover(OrganizationSelection.allExisting());

      assertThat(inventory.isComplete()).isTrue();
      assertThat(inventory.totals().pipelines()).isEqualTo(2);
      assertThat(inventory.totals().requests()).isEqualTo(8).isEqualTo(simulator.counters().totalRequests());
    }
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void aBodyThatKeepsBreakingOffFailsItsOrganizationAfterBoundedRetries() {
    try (AzureDevOpsSimulator simulator = AzureDevOpsSimulator.builder(small()).build().start()) {
      simulator.failNext(Route.PROJECTS, Fault.TRUNCATED_JSON, 10);

      Inventory inventory = InventoryDiscovery.builder().client(client(simulator)).build()
          .discover(OrganizationSelection.allExisting());

      OrganizationName organization = inventory.organizations().get(0).name();
      assertThat(inventory.organization(organization).orElseThrow().status()).isEqualTo(OrganizationStatus.FAILED);
      // The first attempt and two more.
      assertThat(simulator.counters().requests(Route.PROJECTS)).isEqualTo(3);
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void underATstuBudgetDiscoveryFinishesWithoutA429() {
    // About 310 requests against 100 TSTUs per 4 s: the run must pace itself for about eight seconds. A request
    // that would have to wait more than two seconds is refused, so a client that sends on once the budget is used
    // up (waiting up to four seconds for it to come back) gets many 429s. The service's X-RateLimit-Reset is in
    // whole seconds; two seconds of allowed delay leave the client's pacing room for a loaded machine's scheduling
    // (with one second, one request in about 300 was refused on a machine running several builds at once).
    Estate estate = EstateGenerator.builder().tokenForAllOrganizations().seed(3).organizations(3)
        .projectsPerOrganization(100).repositoriesPerProject(1).pipelinesPerProject(1).build().generate();
    try (AzureDevOpsSimulator simulator = AzureDevOpsSimulator.builder(estate)
        .tstuBudget(100, Duration.ofSeconds(4)).tstuCostPerRequest(1).tstuMaxDelay(Duration.ofSeconds(2))
        .build().start()) {

      Inventory inventory = InventoryDiscovery.builder().client(client(simulator)).concurrency(8).build()
          .discover(OrganizationSelection.allExisting());

      assertThat(inventory.isComplete()).isTrue();
      assertThat(inventory.totals().projects()).isEqualTo(300);
      assertThat(simulator.counters().totalRequests()).isGreaterThan(300);
      String counters = simulator.counters() + ", delayed=" + simulator.counters().delayedResponses();
      System.out.println("TSTU budget run: " + counters);
      assertThat(simulator.counters().throttledResponses()).as(counters).isZero();
      assertThat(inventory.totals().throttledRequests()).isZero();
      assertThat(simulator.counters().peakBudgetUsage()).as("it used the budget").isGreaterThan(0.9);
    }
  }
}
