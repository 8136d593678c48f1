package io.github.devopsconnector.testing;

import static io.github.devopsconnector.testing.AdoSimulatorTestSupport.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.testing.AdoSimulatorTestSupport.Client;
import io.github.devopsconnector.testing.AzureDevOpsSimulator.Fault;
import io.github.devopsconnector.testing.AzureDevOpsSimulator.Route;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Injected faults: each kind as the client sees it, by script, by organization and by seeded rate. */
class AzureDevOpsSimulatorFaultsTest {

  private static final String PROJECTS = "/contoso/_apis/projects?api-version=7.1";

  @Test
  void throttlingAnswers429WithRetryAfterAndRateLimitHeaders() {
    try (AzureDevOpsSimulator simulator = start(AzureDevOpsSimulator.builder(AdoSimulatorTestSupport.standard()))) {
      Client client = new Client(simulator);
      simulator.failNext(Route.PROJECTS, Fault.THROTTLE, 1);

      HttpResponse<String> throttled = client.get(PROJECTS);
      HttpResponse<String> after = client.get(PROJECTS);

      assertThat(throttled.statusCode()).isEqualTo(429);
      assertThat(Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow())).isPositive();
      assertThat(throttled.headers().firstValue("X-RateLimit-Resource")).isPresent();
      assertThat(throttled.headers().firstValue("X-RateLimit-Delay")).as("a blocked request was not delayed").isEmpty();
      assertThat(throttled.headers().firstValue("X-RateLimit-Limit")).isPresent();
      assertThat(throttled.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
      assertThat(Long.parseLong(throttled.headers().firstValue("X-RateLimit-Reset").orElseThrow()))
          .isGreaterThanOrEqualTo(System.currentTimeMillis() / 1000 - 5);
      assertThat(parse(throttled.body()).get("message").asText()).startsWith("TF400733");
      assertThat(after.statusCode()).isEqualTo(200);
      assertThat(simulator.counters().throttledResponses()).isEqualTo(1);
      assertThat(simulator.counters().faultsInjected(Fault.THROTTLE)).isEqualTo(1);
    }
  }

  @Test
  void scriptedFaultsOnlyHitTheirRoute() {
    try (AzureDevOpsSimulator simulator = start(AzureDevOpsSimulator.builder(AdoSimulatorTestSupport.standard()))) {
      Client client = new Client(simulator);
      simulator.failNext(Route.PROJECTS, Fault.SERVICE_UNAVAILABLE, 2);

      assertThat(client.get("/contoso/_apis/git/repositories?api-version=7.1").statusCode()).isEqualTo(200);
      assertThat(client.get(PROJECTS).statusCode()).isEqualTo(503);
      assertThat(client.get(PROJECTS).statusCode()).isEqualTo(503);
      assertThat(client.get(PROJECTS).statusCode()).isEqualTo(200);
      assertThat(simulator.counters().faultsInjected()).isEqualTo(2);
    }
  }

  @Test
  void serviceUnavailableCarriesRetryAfterUnlessItIsZero() {
    try (AzureDevOpsSimulator withRetry = start(AzureDevOpsSimulator.builder(AdoSimulatorTestSupport.standard())
            .retryAfter(Duration.ofMillis(2500)));
        AzureDevOpsSimulator without = start(AzureDevOpsSimulator.builder(AdoSimulatorTestSupport.standard())
            .retryAfter(Duration.ZERO))) {
      withRetry.failNext(Fault.SERVICE_UNAVAILABLE, 1);
      without.failNext(Fault.SERVICE_UNAVAILABLE, 1);

      HttpResponse<String> first = new Client(withRetry).get(PROJECTS);
      HttpResponse<String> second = new Client(without).get(PROJECTS);

      assertThat(first.statusCode()).isEqualTo(503);
      assertThat(first.headers().firstValue("Retry-After")).hasValue("3");
      assertThat(parse(first.body()).get("message").asText()).isNotBlank();
      assertThat(second.statusCode()).isEqualTo(503);
      assertThat(second.headers().firstValue("Retry-After")).isEmpty();
    }
  }

  @Test
  void aDroppedConnectionIsAnIoErrorAtTheClient() {
    try (AzureDevOpsSimulator simulator = start(AzureDevOpsSimulator.builder(AdoSimulatorTestSupport.standard()))) {
      Client client = new Client(simulator);
      // The JDK client retries a GET once when a reused connection turns out closed; drop that retry too.
      simulator.failNext(Route.PROJECTS, Fault.DROP_CONNECTION, 2);

      assertThatThrownBy(() -> client.get(PROJECTS)).isInstanceOf(UncheckedIOException.class)
          .hasCauseInstanceOf(IOException.class);
      assertThat(simulator.counters().faultsInjected(Fault.DROP_CONNECTION)).isBetween(1L, 2L);
    }
  }

  @Test
  void malformedJsonKeepsTheStatusButCannotBeParsed() throws Exception {
    try (AzureDevOpsSimulator simulator = start(AzureDevOpsSimulator.builder(AdoSimulatorTestSupport.standard()))) {
      Client client = new Client(simulator);
      simulator.failNext(Route.PROJECTS, Fault.MALFORMED_JSON, 1);

      HttpResponse<String> response = client.get(PROJECTS);

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
      assertThatThrownBy(() -> AdoSimulatorTestSupport.JSON.readTree(response.body()))
          .isInstanceOf(JsonProcessingException.class);
      assertThat(AdoSimulatorTestSupport.JSON.readTree(client.get(PROJECTS).body()).get("count").asInt())
          .isEqualTo(2);
    }
  }

  @Test
  void truncatedJsonHasAMatchingContentLengthButIsIncomplete() {
    try (AzureDevOpsSimulator simulator = start(AzureDevOpsSimulator.builder(AdoSimulatorTestSupport.standard()))) {
      Client client = new Client(simulator);
      String full = client.get(PROJECTS).body();
      simulator.failNext(Route.PROJECTS, Fault.TRUNCATED_JSON, 1);

      HttpResponse<String> response = client.get(PROJECTS);

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(Long.parseLong(response.headers().firstValue("Content-Length").orElseThrow()))
          .isEqualTo(response.body().getBytes(StandardCharsets.UTF_8).length);
      assertThat(full).startsWith(response.body());
      assertThat(response.body().length()).isLessThan(full.length());
      assertThatThrownBy(() -> AdoSimulatorTestSupport.JSON.readTree(response.body()))
          .isInstanceOf(JsonProcessingException.class);
    }
  }

  @Test
  void bodyFaultsCannotBeScriptedForTheHeadRoute() {
    try (AzureDevOpsSimulator simulator = AzureDevOpsSimulator.builder(AdoSimulatorTestSupport.standard()).build()) {
      assertThatThrownBy(() -> simulator.failNext(Route.MEMBERSHIP_CHECK, Fault.MALFORMED_JSON, 1))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HEAD membership");
      assertThatThrownBy(() -> simulator.failNext(Route.PROJECTS, Fault.THROTTLE, 0))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> simulator.failNext(null, Fault.THROTTLE, 1))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void anOrganizationFaultHitsOnlyThatOrganizationUntilCleared() {
    try (AzureDevOpsSimulator simulator = start(AzureDevOpsSimulator.builder(AdoSimulatorTestSupport.standard()))) {
      Client client = new Client(simulator);
      simulator.failOrganization(OrganizationName.parse("Contoso"), Fault.SERVICE_UNAVAILABLE);

      assertThat(client.get(PROJECTS).statusCode()).isEqualTo(503);
      assertThat(client.get("/contoso/_apis/git/repositories?api-version=7.1").statusCode()).isEqualTo(503);
      assertThat(client.get("/fabrikam/_apis/projects?api-version=7.1").statusCode()).isEqualTo(200);
      assertThat(client.get("/_apis/profile/profiles/me?api-version=7.1").statusCode()).isEqualTo(200);
      simulator.clearFaults();
      assertThat(client.get(PROJECTS).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void theSameSeedGivesTheSameFaultSequence() {
    AzureDevOpsSimulator.Builder builder = AzureDevOpsSimulator.builder(AdoSimulatorTestSupport.standard())
        .faultRate(0.5).seed(42L)
        .faults(EnumSet.of(Fault.THROTTLE, Fault.SERVICE_UNAVAILABLE, Fault.MALFORMED_JSON, Fault.TRUNCATED_JSON));
    try (AzureDevOpsSimulator first = start(builder);
        AzureDevOpsSimulator second = start(builder);
        AzureDevOpsSimulator other = start(AzureDevOpsSimulator.builder(AdoSimulatorTestSupport.standard())
            .faultRate(0.5).seed(7L)
            .faults(EnumSet.of(Fault.THROTTLE, Fault.SERVICE_UNAVAILABLE, Fault.MALFORMED_JSON,
                Fault.TRUNCATED_JSON)))) {
      List<String> one = outcomes(first, 40);
      List<String> two = outcomes(second, 40);
      List<String> three = outcomes(other, 40);

      assertThat(one).isEqualTo(two);
      assertThat(one).isNotEqualTo(three);
      assertThat(one).contains("ok").anyMatch(o -> !o.equals("ok"));
      assertThat(first.counters().faultsInjected()).isEqualTo(one.stream().filter(o -> !o.equals("ok")).count());
      first.reset();
      assertThat(outcomes(first, 40)).isEqualTo(one);
    }
  }

  @Test
  void aFaultRateOfOneFaultsEveryRequestWithTheAllowedKinds() {
    try (AzureDevOpsSimulator simulator = start(AzureDevOpsSimulator.builder(AdoSimulatorTestSupport.standard())
        .faultRate(1.0).faults(EnumSet.of(Fault.SERVICE_UNAVAILABLE)))) {
      List<String> results = outcomes(simulator, 10);

      assertThat(results).containsOnly("503");
      assertThat(simulator.counters().faultsInjected(Fault.SERVICE_UNAVAILABLE)).isEqualTo(10);
    }
  }

  @Test
  void headRequestsGetOnlyFaultsWithoutBody() {
    try (AzureDevOpsSimulator simulator = start(AzureDevOpsSimulator.builder(AdoSimulatorTestSupport.standard())
        .faultRate(1.0).faults(EnumSet.of(Fault.MALFORMED_JSON)))) {
      Client client = new Client(simulator);

      HttpResponse<String> head = client.head("/contoso/_apis/graph/memberships/a/b?api-version=7.1-preview.1");

      assertThat(head.statusCode()).isEqualTo(404);
      assertThat(simulator.counters().faultsInjected()).isZero();
    }
  }

  @Test
  void theBudgetAdvisesNearTheLimitAndBlocksWhatWouldWaitPastTheLongestDelay() {
    try (AzureDevOpsSimulator simulator = start(AzureDevOpsSimulator.builder(AdoSimulatorTestSupport.standard())
        .bearerToken("bearer-token").rateLimit(10, Duration.ofMinutes(1)))) {
      Client client = new Client(simulator);
      List<HttpResponse<String>> responses = new ArrayList<>();
      for (int i = 0; i < 11; i++) {
        responses.add(client.get(PROJECTS));
      }

      for (int i = 0; i < 7; i++) {
        assertThat(responses.get(i).statusCode()).isEqualTo(200);
        assertThat(responses.get(i).headers().firstValue("X-RateLimit-Remaining")).as("request %d", i + 1).isEmpty();
      }
      for (int i = 7; i < 10; i++) {
        HttpResponse<String> near = responses.get(i);
        assertThat(near.statusCode()).isEqualTo(200);
        assertThat(near.headers().firstValue("X-RateLimit-Remaining")).hasValue(Integer.toString(9 - i));
        assertThat(near.headers().firstValue("X-RateLimit-Limit")).hasValue("10");
        assertThat(near.headers().firstValue("X-RateLimit-Resource")).isPresent();
        assertThat(Long.parseLong(near.headers().firstValue("X-RateLimit-Reset").orElseThrow()))
            .isGreaterThan(System.currentTimeMillis() / 1000 + 30);
        assertThat(near.headers().firstValue("X-RateLimit-Delay")).isEmpty();
        assertThat(near.headers().firstValue("Retry-After")).as("not delayed, so no Retry-After").isEmpty();
      }
      // The eleventh would wait a minute for the first to leave the window, past the 30-second longest delay.
      HttpResponse<String> blocked = responses.get(10);
      assertThat(blocked.statusCode()).isEqualTo(429);
      assertThat(Long.parseLong(blocked.headers().firstValue("Retry-After").orElseThrow())).isBetween(30L, 60L);
      assertThat(blocked.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
      assertThat(blocked.headers().firstValue("X-RateLimit-Delay")).isEmpty();
      assertThat(parse(blocked.body()).get("message").asText()).startsWith("TF400733");
      assertThat(simulator.counters().throttledResponses()).isEqualTo(1);
      assertThat(simulator.counters().delayedResponses()).isZero();
      assertThat(simulator.counters().faultsInjected()).isZero();

      HttpResponse<String> otherIdentity = client.send(client.request(PROJECTS)
          .setHeader("Authorization", "Bearer bearer-token").GET().build());
      assertThat(otherIdentity.statusCode()).isEqualTo(200);
      simulator.reset();
      assertThat(client.get(PROJECTS).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void pastTheLimitRequestsAreDelayedAndAnswered200WithTheDelay() {
    try (AzureDevOpsSimulator simulator = start(AzureDevOpsSimulator.builder(AdoSimulatorTestSupport.standard())
        .tstuBudget(3, Duration.ofMillis(800)).tstuCostPerRequest(1))) {
      Client client = new Client(simulator);
      for (int i = 0; i < 3; i++) {
        assertThat(client.get(PROJECTS).headers().firstValue("X-RateLimit-Delay")).isEmpty();
      }

      long start = System.nanoTime();
      HttpResponse<String> delayed = client.get(PROJECTS);
      long tookMillis = (System.nanoTime() - start) / 1_000_000;

      assertThat(delayed.statusCode()).isEqualTo(200);
      double delay = Double.parseDouble(delayed.headers().firstValue("X-RateLimit-Delay").orElseThrow());
      assertThat(delay).isBetween(0.1, 0.8);
      assertThat(tookMillis).isGreaterThanOrEqualTo((long) (delay * 1000) - 5);
      assertThat(delayed.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
      assertThat(delayed.headers().firstValue("Retry-After")).isPresent();
      assertThat(simulator.counters().delayedResponses()).isEqualTo(1);
      assertThat(simulator.counters().throttledResponses()).isZero();
      assertThat(simulator.counters().peakBudgetUsage()).isGreaterThanOrEqualTo(1.0);
    }
  }

  @Test
  void byDefaultEveryIdentityHasTheDocumentedBudgetOf200TstusInFiveMinutes() {
    // At 50 TSTUs a request, the documented 200 allow four; the fifth would wait five minutes: blocked.
    try (AzureDevOpsSimulator simulator = start(AzureDevOpsSimulator.builder(AdoSimulatorTestSupport.standard())
        .tstuCostPerRequest(50))) {
      Client client = new Client(simulator);
      for (int i = 0; i < 4; i++) {
        assertThat(client.get(PROJECTS).statusCode()).isEqualTo(200);
      }
      HttpResponse<String> blocked = client.get(PROJECTS);
      assertThat(blocked.statusCode()).isEqualTo(429);
      assertThat(Long.parseLong(blocked.headers().firstValue("Retry-After").orElseThrow())).isBetween(290L, 300L);
    }
  }

  @Test
  void unauthenticatedRequestsDoNotSpendTheBudget() {
    try (AzureDevOpsSimulator simulator = start(AzureDevOpsSimulator.builder(AdoSimulatorTestSupport.standard())
        .rateLimit(2, Duration.ofMinutes(1)))) {
      Client client = new Client(simulator);
      for (int i = 0; i < 5; i++) {
        client.send(client.request(PROJECTS).setHeader("Authorization", "Basic Og==").GET().build());
      }

      assertThat(client.get(PROJECTS).statusCode()).isEqualTo(200);
      assertThat(client.get(PROJECTS).statusCode()).isEqualTo(200);
      assertThat(client.get(PROJECTS).statusCode()).isEqualTo(429);
    }
  }

  private static AzureDevOpsSimulator start(AzureDevOpsSimulator.Builder builder) {
    return builder.build().start();
  }

  /** A sequential series over several routes, each answer reduced to "ok" or what went wrong. */
  private static List<String> outcomes(AzureDevOpsSimulator simulator, int count) {
    Client client = new Client(simulator);
    List<String> paths = List.of(PROJECTS, "/contoso/_apis/git/repositories?api-version=7.1",
        "/_apis/profile/profiles/me?api-version=7.1", "/fabrikam/_apis/connectionData?api-version=7.1-preview.1");
    List<String> results = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      HttpResponse<String> response = client.get(paths.get(i % paths.size()));
      if (response.statusCode() != 200) {
        results.add(Integer.toString(response.statusCode()));
        continue;
      }
      try {
        AdoSimulatorTestSupport.JSON.readTree(response.body());
        results.add("ok");
      } catch (JsonProcessingException e) {
        results.add("bad json");
      }
    }
    return results;
  }
}
