package io.github.devopsconnector.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devopsconnector.testing.AdoSimulatorTestSupport.Client;
import io.github.devopsconnector.testing.AzureDevOpsSimulator.Fault;
import io.github.devopsconnector.testing.AzureDevOpsSimulator.Route;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Building, starting and closing the simulator, and its counters. */
class AzureDevOpsSimulatorLifecycleTest {

  @Test
  void badSettingsFailTheBuildWithTheirName() {
    List<UnaryOperator<AzureDevOpsSimulator.Builder>> bad = List.of(
        b -> b.faultRate(1.5),
        b -> b.faultRate(Double.NaN),
        b -> b.faultRate(0.1).faults(EnumSet.noneOf(Fault.class)),
        b -> b.faults(null),
        b -> b.port(-1),
        b -> b.port(70000),
        b -> b.latency(Duration.ofMillis(-1)),
        b -> b.latency(null),
        b -> b.projectPageSize(0),
        b -> b.projectPageSize(101),
        b -> b.groupPageSize(0),
        b -> b.threads(0),
        b -> b.rateLimit(5, null),
        b -> b.rateLimit(5, Duration.ZERO),
        b -> b.rateLimit(-1, Duration.ofMinutes(5)),
        b -> b.retryAfter(Duration.ofSeconds(-1)),
        b -> b.personalAccessToken(" "),
        b -> b.bearerToken("two words"));
    for (UnaryOperator<AzureDevOpsSimulator.Builder> setting : bad) {
      assertThatThrownBy(() -> setting.apply(AzureDevOpsSimulator.builder(AdoSimulatorTestSupport.standard()))
          .build()).isInstanceOf(IllegalStateException.class).hasMessageNotContaining("null")
          .hasMessageEndingWith(".");
    }
    assertThatThrownBy(() -> AzureDevOpsSimulator.builder(null).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("estate");
    assertThatThrownBy(() -> AzureDevOpsSimulator.builder(AdoSimulatorTestSupport.standard()).faultRate(2).build())
        .hasMessageContaining("fault rate");
  }

  @Test
  void theLifecycleIsStartThenClose() {
    AzureDevOpsSimulator simulator = AzureDevOpsSimulator.builder(AdoSimulatorTestSupport.standard()).build();
    assertThatThrownBy(simulator::endpoint).isInstanceOf(IllegalStateException.class);

    simulator.start();
    String base = simulator.endpoint();
    Client client = new Client(simulator);
    assertThat(base).matches("http://127\\.0\\.0\\.1:\\d+");
    assertThat(simulator.port()).isPositive();
    assertThat(client.get("/_apis/profile/profiles/me?api-version=7.1").statusCode()).isEqualTo(200);
    assertThatThrownBy(simulator::start).isInstanceOf(IllegalStateException.class);

    simulator.close();
    simulator.close();
    assertThatThrownBy(simulator::start).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> client.get("/_apis/profile/profiles/me?api-version=7.1"))
        .isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void aGivenPortIsUsed() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    try (AzureDevOpsSimulator simulator =
        AzureDevOpsSimulator.builder(AdoSimulatorTestSupport.standard()).port(port).build().start()) {
      assertThat(simulator.endpoint()).isEqualTo("http://127.0.0.1:" + port);
      assertThat(simulator.port()).isEqualTo(port);
    }
  }

  @Test
  void countersCountEveryRouteAndReset() {
    try (AzureDevOpsSimulator simulator =
        AzureDevOpsSimulator.builder(AdoSimulatorTestSupport.standard()).build().start()) {
      Client client = new Client(simulator);
      client.get("/_apis/profile/profiles/me?api-version=7.1");
      client.get("/contoso/_apis/projects?api-version=7.1");
      client.get("/contoso/_apis/projects?api-version=7.1");
      client.get("/contoso/Infra/_apis/pipelines?api-version=7.1");
      client.head("/contoso/_apis/graph/memberships/a/b?api-version=7.1-preview.1");
      simulator.failNext(Route.GROUPS, Fault.THROTTLE, 1);
      client.get("/contoso/_apis/graph/groups?api-version=7.1-preview.1");

      SimulatorCounters<Route, Fault> counters = simulator.counters();
      assertThat(counters.requestsByRoute()).isEqualTo(Map.of(Route.PROFILE, 1L, Route.PROJECTS, 2L,
          Route.PIPELINES, 1L, Route.MEMBERSHIP_CHECK, 1L, Route.GROUPS, 1L));
      assertThat(counters.totalRequests()).isEqualTo(6);
      assertThat(counters.throttledResponses()).isEqualTo(1);
      assertThat(counters.faultsInjected(Fault.THROTTLE)).isEqualTo(1);
      assertThat(counters.peakConcurrentRequests()).isGreaterThanOrEqualTo(1);
      // The server counts a request done after its last write, which can be just after the client has read it.
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
      while (counters.inFlightRequests() != 0 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertThat(counters.inFlightRequests()).isZero();
      assertThat(Route.PROJECTS.template()).isEqualTo("GET projects");
      assertThat(counters.toString()).contains("total=6");

      counters.reset();
      assertThat(counters.totalRequests()).isZero();
      assertThat(counters.requestsByRoute()).isEmpty();
      assertThat(counters.throttledResponses()).isZero();
      assertThat(counters.faultsInjected()).isZero();
      assertThat(counters.peakConcurrentRequests()).isZero();
    }
  }

  @Test
  void parallelRequestsAreServedConcurrentlyDespiteLatency() throws Exception {
    try (AzureDevOpsSimulator simulator = AzureDevOpsSimulator.builder(AdoSimulatorTestSupport.standard())
        .latency(Duration.ofMillis(300)).threads(8).build().start()) {
      Client client = new Client(simulator);
      List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        calls.add(client.http().sendAsync(client.request("/contoso/_apis/projects?api-version=7.1").GET().build(),
            HttpResponse.BodyHandlers.ofString()));
      }
      for (CompletableFuture<HttpResponse<String>> call : calls) {
        assertThat(call.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      }

      assertThat(simulator.counters().requests(Route.PROJECTS)).isEqualTo(6);
      assertThat(simulator.counters().peakConcurrentRequests()).isGreaterThanOrEqualTo(2);
    }
  }
}
