package io.github.devopsconnector.arm;

import io.github.devopsconnector.arm.implementation.TransportFailure;
import io.github.devopsconnector.arm.models.AuthorizationOutcomeUnknownException;
import io.github.devopsconnector.core.ServiceException.Kind;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.arm.models.UpdateDevOpsConfigurationOptions;
import io.github.devopsconnector.arm.models.DevOpsProvisioningState;
import io.github.devopsconnector.arm.models.DevOpsConfiguration;
import io.github.devopsconnector.arm.models.CreateConnectorOptions;
import io.github.devopsconnector.arm.models.ArmDevOpsConnector;
import static io.github.devopsconnector.arm.ArmTestSupport.client;
import static io.github.devopsconnector.arm.ArmTestSupport.connector;
import static io.github.devopsconnector.arm.ArmTestSupport.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.RetryOptions;
import io.github.devopsconnector.arm.ArmCall.Paths;
import io.github.devopsconnector.arm.ArmTestSupport.RecordingSleeper;
import io.github.devopsconnector.core.AuthorizationCode;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.testing.ArmSimulator;
import io.github.devopsconnector.testing.ArmSimulator.LostResponse;
import io.github.devopsconnector.testing.ArmSimulator.Route;
import io.github.devopsconnector.testing.ArmSimulatorOptions;
import io.github.devopsconnector.testing.ArmSimulatorOrganization;
import io.github.devopsconnector.testsupport.RawHttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A write carrying a one-time authorization code goes out once: never retried, and after an ambiguous failure the
 * client reads the configuration back and says what is known (took effect, exchange failed, or unknown).
 */
@Timeout(60)
class OneTimeCodeTest {

  private static final String CODE = "one-time-code-7f3a9c";
  private static final String CONFIG = "{\"id\":\"" + Paths.DEVOPS + "\",\"name\":\"default\","
      + "\"type\":\"Microsoft.Security/securityConnectors/devops\",\"properties\":{\"provisioningState\":\"Succeeded\","
      + "\"autoDiscovery\":\"Disabled\",\"topLevelInventoryList\":[\"org1\"]},\"systemData\":{\"lastModifiedBy\":"
      + "\"alice@contoso.com\",\"lastModifiedByType\":\"User\",\"lastModifiedAt\":\"2025-01-01T00:00:00Z\"}}";

  private final RecordingSleeper sleeper = new RecordingSleeper();

  private static UpdateDevOpsConfigurationOptions reauthorize(AuthorizationCode code) {
    return UpdateDevOpsConfigurationOptions.builder().authorization(code).build();
  }

  private static DefenderConnectorClient hostileClient(RawHttpServer server) {
    return new DefenderConnectorClientBuilder()
        .endpoint(server.url())
        .credential(ArmTestSupport.identity("alice"))
        .retryOptions(new RetryOptions(new FixedDelayOptions(5, Duration.ofMillis(1))))
        .responseTimeout(Duration.ofMillis(500))
        .sleeper(new RecordingSleeper())
        .pollInterval(Duration.ZERO)
        .pollTimeout(Duration.ofSeconds(1))
        .buildClient();
  }

  private static RawHttpServer.Responder json(int status, String body) {
    return RawHttpServer.json(status, "application/json; charset=utf-8", body);
  }

  private static long writes(RawHttpServer server) {
    return server.requests().stream().filter(r -> r.method().equals("PATCH") && r.path().equals(Paths.DEVOPS))
        .count();
  }

  @Test
  void aHostileServerAnswering503GetsTheCodeExactlyOnceAndTheCallerATypedUnknownOutcome() {
    try (RawHttpServer server = RawHttpServer.start(r -> json(404, "{\"error\":{\"code\":\"NotFound\"}}"))) {
      server.on("GET", Paths.DEVOPS, json(200, CONFIG));
      server.on("PATCH", Paths.DEVOPS, RawHttpServer.withHeaders(503, Map.of("Content-Type", "application/json",
          "Retry-After", "0"), "{\"error\":{\"code\":\"ServiceUnavailable\",\"message\":\"busy\"}}"));
      AuthorizationCode code = AuthorizationCode.of(CODE);

      assertThatThrownBy(() -> hostileClient(server).updateDevOpsConfiguration(Paths.ID, reauthorize(code)))
          .isInstanceOf(AuthorizationOutcomeUnknownException.class).isInstanceOf(ServiceException.class)
          .hasMessageContaining("HTTP 503")
          .hasMessageContaining("the configuration shows no change")
          .hasMessageContaining("authorize again")
          .satisfies(e -> {
            assertThat(e.getMessage()).doesNotContain(CODE);
            assertThat(((AuthorizationOutcomeUnknownException) e).remediation()).hasValueSatisfying(
                r -> assertThat(r).contains("new code"));
            assertThat(((AuthorizationOutcomeUnknownException) e).connectorId().toString()).isEqualTo(Paths.CONNECTOR);
          });

      assertThat(writes(server)).isEqualTo(1);
      assertThat(code.isDestroyed()).isTrue();
    }
  }

  @Test
  void aWriteThatIsNeverAnsweredIsSentOnceAndEndsTypedWithinItsTimeout() {
    try (RawHttpServer server = RawHttpServer.start(r -> json(404, "{\"error\":{\"code\":\"NotFound\"}}"))) {
      server.on("GET", Paths.DEVOPS, json(200, CONFIG));
      server.on("PATCH", Paths.DEVOPS, (request, out) -> sleepQuietly(Duration.ofSeconds(5)));
      long start = System.nanoTime();

      assertThatThrownBy(() -> hostileClient(server).updateDevOpsConfiguration(Paths.ID,
          reauthorize(AuthorizationCode.of(CODE))))
          .isInstanceOf(AuthorizationOutcomeUnknownException.class).isInstanceOf(ServiceException.class)
          .satisfies(e -> assertThat(e.getCause()).satisfies(Failures.kind(Kind.TRANSIENT))
              .hasCauseInstanceOf(TransportFailure.class));

      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
      assertThat(writes(server)).isEqualTo(1);
    }
  }

  @Test
  void a429OnTheWriteIsNotRetriedAndSaysTheCodeWasNotUsed() {
    try (RawHttpServer server = RawHttpServer.start(r -> json(404, "{\"error\":{\"code\":\"NotFound\"}}"))) {
      server.on("GET", Paths.DEVOPS, json(200, CONFIG));
      server.on("PATCH", Paths.DEVOPS, RawHttpServer.withHeaders(429, Map.of("Content-Type", "application/json",
          "Retry-After", "1"), "{\"error\":{\"code\":\"SubscriptionRequestsThrottled\",\"message\":\"slow down\"}}"));

      assertThatThrownBy(() -> hostileClient(server).updateDevOpsConfiguration(Paths.ID,
          reauthorize(AuthorizationCode.of(CODE))))
          .satisfies(Failures.kind(Kind.THROTTLED))
          .hasMessageContaining("not retried")
          .satisfies(e -> assertThat(((ServiceException) e).retryAfter()).contains(Duration.ofSeconds(1)));
      assertThat(writes(server)).isEqualTo(1);
    }
  }

  private static ArmSimulator simulator(String... expired) {
    return ArmSimulator.builder().options(ArmSimulatorOptions.builder().pollsBeforeCompletion(1)
        .addOrganizations(ArmSimulatorOrganization.of("org1"), ArmSimulatorOrganization.of("org2"))
        .addExpiredCodes(expired).build()).build().start();
  }

  @Test
  void aCreateWhoseResponseIsLostAfterTheExchangeReturnsTheConnector() {
    try (ArmSimulator simulator = simulator()) {
      simulator.loseResponses(Route.DEVOPS_CONFIGURATION, "PUT", 1, LostResponse.GATEWAY_TIMEOUT);
      AuthorizationCode code = AuthorizationCode.of(CODE);

      ArmDevOpsConnector created = client(simulator, "alice", sleeper).createConnector(CreateConnectorOptions.of(
          connector("lost-create", OrganizationSelection.explicit("org1"), "alice"), code));

      assertThat(created.devOps().provisioningState()).contains(DevOpsProvisioningState.SUCCEEDED);
      assertThat(created.devOps().topLevelInventoryList()).containsExactly("org1");
      // Had the code been sent again, the simulator would have refused it as used and left the write Failed.
      assertThat(simulator.authorizingIdentity(created.connector().id())).contains("alice");
      assertThat(code.isDestroyed()).isTrue();
    }
  }

  @Test
  void aReauthorizationWhoseConnectionDropsAfterTheExchangeReturnsTheConfiguration() {
    try (ArmSimulator simulator = simulator()) {
      DefenderConnectorClient alice = client(simulator, "alice", sleeper);
      alice.createConnector(CreateConnectorOptions.of(connector("lost-update", OrganizationSelection.explicit("org1"),
          "alice"), AuthorizationCode.of("first-code")));
      simulator.loseResponses(Route.DEVOPS_CONFIGURATION, "PATCH", 1, LostResponse.CONNECTION_DROPPED);

      DevOpsConfiguration updated = client(simulator, "bob", sleeper).updateDevOpsConfiguration(id("lost-update"),
          UpdateDevOpsConfigurationOptions.builder().authorization(AuthorizationCode.of(CODE))
              .organizations(OrganizationSelection.explicit("org1", "org2")).build());

      assertThat(updated.provisioningState()).contains(DevOpsProvisioningState.SUCCEEDED);
      assertThat(updated.topLevelInventoryList()).containsExactly("org1", "org2");
      assertThat(simulator.authorizingIdentity(id("lost-update").resourceId())).contains("bob");
    }
  }

  @Test
  void aLostResponseAfterAFailedExchangeIsATokenExchangeFailure() {
    try (ArmSimulator simulator = simulator("expired-code")) {
      DefenderConnectorClient alice = client(simulator, "alice", sleeper);
      alice.createConnector(CreateConnectorOptions.of(connector("lost-failed", OrganizationSelection.explicit("org1"),
          "alice"), AuthorizationCode.of("first-code")));
      simulator.loseResponses(Route.DEVOPS_CONFIGURATION, "PATCH", 1, LostResponse.GATEWAY_TIMEOUT);

      assertThatThrownBy(() -> alice.updateDevOpsConfiguration(id("lost-failed"),
          reauthorize(AuthorizationCode.of("expired-code"))))
          .satisfies(Failures.kind(Kind.NOT_AUTHORIZED, "TokenExchangeFailed"))
          .hasMessageContaining("reached Azure but the code exchange failed")
          .satisfies(e -> assertThat(Failures.error(e).code())
              .isEqualTo("TokenExchangeFailed"))
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("expired-code"));
    }
  }

  private static void sleepQuietly(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void writeSlowly(OutputStream out, String head, int bytes, Duration gap) throws IOException {
    out.write(head.getBytes(StandardCharsets.UTF_8));
    out.flush();
    for (int i = 0; i < bytes; i++) {
      sleepQuietly(gap);
      out.write('x');
      out.flush();
    }
  }
}
