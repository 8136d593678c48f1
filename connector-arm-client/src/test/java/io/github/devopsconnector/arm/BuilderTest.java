package io.github.devopsconnector.arm;

import static io.github.devopsconnector.arm.ArmTestSupport.identity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devopsconnector.core.AzureCloud;
import io.github.devopsconnector.core.ConnectorValidationException;
import io.github.devopsconnector.core.FindingCode;
import io.github.devopsconnector.testing.ArmSimulator;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The builder fails fast on bad configuration, and national clouds are refused before any request. */
class BuilderTest {

  @ParameterizedTest
  @EnumSource(value = AzureCloud.class, names = {"US_GOVERNMENT", "CHINA"})
  void nationalCloudsAreRefusedBeforeAnyRequest(AzureCloud cloud) {
    try (ArmSimulator simulator = ArmSimulator.builder().build().start()) {
      assertThatThrownBy(() -> new DefenderConnectorClientBuilder()
          .credential(identity("alice"))
          .endpoint(simulator.endpoint())
          .cloud(cloud)
          .buildClient())
          .isInstanceOf(ConnectorValidationException.class)
          .hasMessageContaining(cloud.cliName())
          .hasMessageContaining("commercial cloud")
          .satisfies(e -> {
            ConnectorValidationException refused = (ConnectorValidationException) e;
            assertThat(refused.finding().orElseThrow().code()).isEqualTo(FindingCode.CLOUD_NOT_SUPPORTED);
            assertThat(refused.finding().orElseThrow().message()).contains(cloud.cliName());
            assertThat(refused.remediation()).hasValueSatisfying(r -> assertThat(r).contains("commercial cloud"));
          });
      assertThat(simulator.counters().totalRequests()).isZero();
    }
  }

  @Test
  void theCommercialCloudIsTheDefault() {
    DefenderConnectorClient client = new DefenderConnectorClientBuilder().credential(identity("alice")).buildClient();
    assertThat(client.getEndpoint()).isEqualTo("https://management.azure.com");
    assertThat(client.getServiceVersion()).isEqualTo(DefenderConnectorServiceVersion.getLatest())
        .isEqualTo(DefenderConnectorServiceVersion.V2025_03_01);
    assertThat(client.getServiceVersion().securityConnectorsApiVersion()).isEqualTo("2024-08-01-preview");
    assertThat(client.getServiceVersion().getVersion()).isEqualTo("2025-03-01");
  }

  @Test
  void aCredentialIsRequired() {
    assertThatThrownBy(() -> new DefenderConnectorClientBuilder().buildClient())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("credential");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://management.azure.com", "http://10.0.0.1:8080", "ftp://127.0.0.1", "not a url",
      "management.azure.com", "https://management.azure.com/?x=1"})
  void badEndpointsAreRefused(String endpoint) {
    assertThatThrownBy(() -> new DefenderConnectorClientBuilder().credential(identity("alice")).endpoint(endpoint)
        .buildClient())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("endpoint");
  }

  @Test
  void userInfoInTheEndpointIsRefusedWithoutEchoingIt() {
    assertThatThrownBy(() -> new DefenderConnectorClientBuilder().credential(identity("alice"))
        .endpoint("https://user:hunter2@management.azure.com").buildClient())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageNotContaining("hunter2");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:1234", "http://localhost:8080/", "http://[::1]:9000",
      "https://management.azure.com"})
  void httpsOrLoopbackEndpointsAreAccepted(String endpoint) {
    assertThat(new DefenderConnectorClientBuilder().credential(identity("alice")).endpoint(endpoint).buildClient()
        .getEndpoint()).startsWith(endpoint.replaceAll("/$", ""));
  }

  @Test
  void pollingSettingsAreChecked() {
    assertThatThrownBy(() -> new DefenderConnectorClientBuilder().credential(identity("alice"))
        .pollTimeout(Duration.ZERO).buildClient())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("poll timeout");
    assertThatThrownBy(() -> new DefenderConnectorClientBuilder().credential(identity("alice"))
        .pollInterval(Duration.ofSeconds(-1)).buildClient())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("poll interval");
  }

  @Test
  void limitsMustBePositiveAndAreRefusedBeforeAnyRequest() {
    DefenderConnectorClientBuilder builder = new DefenderConnectorClientBuilder().credential(identity("alice"));
    assertThatThrownBy(() -> builder.callTimeout(Duration.ZERO).buildClient())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("timeouts must be positive");
    assertThatThrownBy(() -> builder.callTimeout(Duration.ofMinutes(1)).requestTimeout(Duration.ofSeconds(-1))
        .buildClient()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> builder.requestTimeout(Duration.ofMinutes(1)).maxPages(0).buildClient())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("pages");
    assertThatThrownBy(() -> builder.maxPages(10).rateLimitReserve(-1).buildClient())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("reserve");
    assertThatThrownBy(() -> builder.rateLimitReserve(0).maxRetryWait(Duration.ofSeconds(-1)).buildClient())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("retry wait");
  }

  @Test
  void limitsOfCenturiesDoNotOverflow() {
    try (ArmSimulator simulator = ArmSimulator.builder().build().start();
        DefenderConnectorClient client = new DefenderConnectorClientBuilder().endpoint(simulator.endpoint())
            .credential(identity("alice")).callTimeout(Duration.ofDays(365L * 1000))
            .requestTimeout(Duration.ofDays(365L * 1000)).pollTimeout(Duration.ofDays(365L * 1000))
            .maxRetryWait(Duration.ofDays(365L * 1000)).buildClient()) {
      assertThat(client.listConnectors(ArmTestSupport.SUBSCRIPTION).stream().count()).isZero();
    }
  }
}
