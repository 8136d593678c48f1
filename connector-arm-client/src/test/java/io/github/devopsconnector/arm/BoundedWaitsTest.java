package io.github.devopsconnector.arm;

import io.github.devopsconnector.arm.implementation.TransportFailure;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.ServiceException.Kind;
import io.github.devopsconnector.arm.models.UpdateDevOpsConfigurationOptions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.RetryOptions;
import io.github.devopsconnector.arm.ArmCall.Paths;
import io.github.devopsconnector.arm.ArmTestSupport.RecordingSleeper;
import io.github.devopsconnector.core.AuthorizationCode;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.testing.ArmSimulator;
import io.github.devopsconnector.testsupport.RawHttpServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every wait of the ARM client has an end: Retry-After beyond the maximum wait or the deadline fails at once with a
 * typed error carrying the server's wait, slow and silent servers end within the configured time limits, polling
 * stops at the poll timeout by the wall clock, and closing the client frees its threads.
 */
@Timeout(60)
class BoundedWaitsTest {

  private static final String CONNECTOR_URL = Paths.CONNECTOR;

  private static RawHttpServer server() {
    return RawHttpServer.start(r -> RawHttpServer.json(404, "application/json", "{\"error\":{\"code\":\"NotFound\"}}"));
  }

  private static DefenderConnectorClientBuilder builder(RawHttpServer server) {
    return new DefenderConnectorClientBuilder()
        .endpoint(server.url())
        .credential(ArmTestSupport.identity("alice"))
        .retryOptions(new RetryOptions(new FixedDelayOptions(3, Duration.ofMillis(1))))
        .sleeper(new RecordingSleeper());
  }

  private static RawHttpServer.Responder throttle(int status, Map<String, String> headers) {
    Map<String, String> all = new java.util.HashMap<>(headers);
    all.put("Content-Type", "application/json");
    return RawHttpServer.withHeaders(status, all, "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"wait\"}}");
  }

  private static ServiceException throttledBy(Map<String, String> headers, int status) {
    try (RawHttpServer server = server()) {
      server.on("GET", CONNECTOR_URL, throttle(status, headers));
      long start = System.nanoTime();
      Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
          () -> builder(server).buildClient().getConnector(Paths.ID));
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
      assertThat(thrown).satisfies(Failures.kind(Kind.THROTTLED));
      assertThat(server.requests()).hasSize(1);
      return (ServiceException) thrown;
    }
  }

  @Test
  void aRetryAfterOfLongMaxFailsAtOnceWithATypedErrorInsteadOfOverflowing() {
    ServiceException e = throttledBy(Map.of("Retry-After", "9223372036854775807"), 429);
    assertThat(e.retryAfter()).hasValueSatisfying(wait -> assertThat(wait).isGreaterThan(Duration.ofDays(365)));
    assertThat(e.getMessage()).contains("more than a year").contains("longer than the most the client waits");
    assertThat(e.remediation()).hasValueSatisfying(r -> assertThat(r).contains("maxRetryWait"));
  }

  @Test
  void anHttpDateADayAheadFailsAtOnceCarryingTheWait() {
    String tomorrow = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(java.time.ZoneOffset.UTC)
        .plusDays(1));
    ServiceException e = throttledBy(Map.of("Retry-After", tomorrow), 503);
    assertThat(e.retryAfter()).hasValueSatisfying(wait ->
        assertThat(wait).isBetween(Duration.ofHours(23), Duration.ofHours(25)));
    assertThat(e.statusCode()).isEqualTo(503);
    assertThat(Failures.response(e).getResponse().getStatusCode()).isEqualTo(503);
  }

  @Test
  void retryAfterMillisecondsAreReadToo() {
    ServiceException e = throttledBy(Map.of("retry-after-ms", "120000", "Retry-After", "1"), 429);
    assertThat(e.retryAfter()).contains(Duration.ofMinutes(2));
  }

  @Test
  void aWaitLongerThanTheTimeLeftFailsAtOnce() {
    try (RawHttpServer server = server()) {
      server.on("GET", CONNECTOR_URL, throttle(503, Map.of("Retry-After", "5")));
      assertThatThrownBy(() -> builder(server).callTimeout(Duration.ofSeconds(2)).buildClient()
          .getConnector(Paths.ID))
          .satisfies(Failures.kind(Kind.THROTTLED))
          .hasMessageContaining("longer than the time left before the call's deadline");
      assertThat(server.requests()).hasSize(1);
    }
  }

  @Test
  void aServerThatNeverAnswersEndsTypedWithinTheResponseTimeoutAndRetries() {
    try (RawHttpServer server = server()) {
      server.on("GET", CONNECTOR_URL, (request, out) -> pause(Duration.ofSeconds(30)));
      long start = System.nanoTime();
      assertThatThrownBy(() -> builder(server).responseTimeout(Duration.ofMillis(300))
          .retryOptions(new RetryOptions(new FixedDelayOptions(1, Duration.ofMillis(1))))
          .buildClient().getConnector(Paths.ID))
          .satisfies(Failures.kind(Kind.TRANSIENT)).hasCauseInstanceOf(TransportFailure.class)
          .satisfies(e -> assertThat(Failures.transport(e).kind()).isEqualTo(TransportFailure.Kind.TIMEOUT))
          .satisfies(e -> assertThat(Failures.transport(e).getRequest().getHeaders()
              .getValue(com.azure.core.http.HttpHeaderName.AUTHORIZATION)).isNull());
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
      assertThat(server.requests()).hasSize(2);
    }
  }

  @Test
  void aSlowlorisBodyEndsAtTheRequestTimeout() {
    try (RawHttpServer server = server()) {
      server.on("GET", CONNECTOR_URL, (request, out) -> OneTimeCodeTest.writeSlowly(out,
          "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"id\":\"", 1000,
          Duration.ofMillis(100)));
      long start = System.nanoTime();
      assertThatThrownBy(() -> builder(server).requestTimeout(Duration.ofSeconds(1))
          .retryOptions(new RetryOptions(new FixedDelayOptions(0, Duration.ofMillis(1))))
          .buildClient().getConnector(Paths.ID))
          .satisfies(Failures.kind(Kind.TRANSIENT)).hasCauseInstanceOf(TransportFailure.class)
          .hasMessageContaining("per-request time limit");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }
  }

  @Test
  void thePollTimeoutIsAWallClockDeadlineThatCountsSlowPolls() {
    String operation = Paths.SUBSCRIPTION + "/providers/Microsoft.Security/operationResults/op-1";
    try (RawHttpServer server = server()) {
      server.on("PATCH", Paths.DEVOPS, RawHttpServer.withHeaders(202, Map.of("Content-Type", "application/json",
          "Azure-AsyncOperation", server.url() + operation + "?api-version=2025-03-01"), "{}"));
      server.on("GET", operation, (request, out) -> {
        pause(Duration.ofMillis(400));
        RawHttpServer.json(200, "application/json", "{\"status\":\"InProgress\"}").respond(request, out);
      });
      long start = System.nanoTime();
      assertThatThrownBy(() -> builder(server).pollInterval(Duration.ZERO).pollTimeout(Duration.ofSeconds(1))
          .buildClient().updateDevOpsConfiguration(Paths.ID, UpdateDevOpsConfigurationOptions.builder()
              .organizations(OrganizationSelection.explicit("org1")).build()))
          .satisfies(Failures.kind(Kind.OPERATION_FAILED))
          .hasMessageContaining("Gave up waiting");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
    }
  }

  @Test
  void closingClientsFreesTheirThreads() throws InterruptedException {
    try (ArmSimulator simulator = ArmSimulator.builder().build().start()) {
      // Threads of clients other tests left open are not this test's business.
      java.util.Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
      useAndClose(simulator, 1, before);
      List<DefenderConnectorClient> open = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        DefenderConnectorClient client = ArmTestSupport.client(simulator, "alice", new RecordingSleeper());
        client.listConnectors(ArmTestSupport.SUBSCRIPTION).stream().count();
        open.add(client);
      }
      assertThat(clientThreads(before)).as("clients in use own threads").isGreaterThanOrEqualTo(10);
      open.forEach(DefenderConnectorClient::close);
      open.clear();
      assertThat(settledClientThreads(before)).as("threads left after closing 10 clients").isZero();
      DefenderConnectorClient closed = ArmTestSupport.client(simulator, "alice", new RecordingSleeper());
      closed.close();
      assertThatThrownBy(() -> closed.getConnector(Paths.ID)).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("closed");
    }
  }

  private static void useAndClose(ArmSimulator simulator, int count, java.util.Set<Thread> before)
      throws InterruptedException {
    for (int i = 0; i < count; i++) {
      try (DefenderConnectorClient client = ArmTestSupport.client(simulator, "alice", new RecordingSleeper())) {
        client.listConnectors(ArmTestSupport.SUBSCRIPTION).stream().count();
        assertThat(clientThreads(before)).as("a client in use owns threads").isPositive();
      }
    }
    assertThat(settledClientThreads(before)).as("threads of a closed client").isZero();
  }

  /**
   * The threads the clients own: the executors of their HTTP clients. (On JDK 17 the JDK HTTP client's one selector
   * thread per client has no close and ends only when that client is collected; azure-core's shared timer pool is
   * global. Neither is counted.)
   */
  private static long clientThreads(java.util.Set<Thread> before) {
    return Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t))
        .filter(t -> t.getName().startsWith("defender-connector-arm-http")).count();
  }

  private static long settledClientThreads(java.util.Set<Thread> before) throws InterruptedException {
    long count = clientThreads(before);
    for (int i = 0; i < 50 && count > 0; i++) {
      Thread.sleep(100);
      count = clientThreads(before);
    }
    return count;
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
