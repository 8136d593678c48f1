package io.github.devopsconnector.arm;

import io.github.devopsconnector.testsupport.CannedHttpClient;
import io.github.devopsconnector.testsupport.RawHttpServer.Request;
import static io.github.devopsconnector.arm.ArmTestSupport.fixture;
import static io.github.devopsconnector.arm.ArmTestSupport.identity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.policy.AddHeadersPolicy;
import com.azure.core.http.policy.HttpLogDetailLevel;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.HttpLoggingPolicy;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.HttpPipelineSyncPolicy;
import com.azure.core.util.ClientOptions;
import com.azure.core.util.Header;
import io.github.devopsconnector.arm.models.UpdateDevOpsConfigurationOptions;
import io.github.devopsconnector.core.AuthorizationCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The builder's azure-core traits: a caller's pipeline, policies, client options and the User-Agent. */
class BuilderTraitsTest {

  private static final String CONNECTOR = ArmTestSupport.id("mySecurityConnectorName").resourceId();

  private final CannedHttpClient http = new CannedHttpClient();

  private static String devOpsBody() {
    return fixture("2025-03-01__GetDevOpsConfigurations_example.json").at("/responses/200/body").toString();
  }

  @Test
  void aCallersPipelineIsUsedAsIsAndStillGetsTheOneTimeCodeOnlyOnTheWire() throws IOException {
    // The configuration as it was (read first, to settle an ambiguous failure), then the PATCH's answer.
    http.enqueue(200, Map.of(), devOpsBody()).enqueue(200, Map.of(), devOpsBody());
    HttpHeaderName marker = HttpHeaderName.fromString("x-caller-pipeline");
    HttpPipeline callers = new HttpPipelineBuilder().httpClient(http)
        .policies(new AddHeadersPolicy(new com.azure.core.http.HttpHeaders().set(marker, "yes")),
            new HttpLoggingPolicy(new HttpLogOptions().setLogLevel(HttpLogDetailLevel.BODY)))
        .build();
    DefenderConnectorClient client = new DefenderConnectorClientBuilder().pipeline(callers)
        .endpoint("https://management.azure.com").buildClient();

    client.updateDevOpsConfiguration(ArmTestSupport.id("mySecurityConnectorName"),
        UpdateDevOpsConfigurationOptions.builder().authorization(AuthorizationCode.of("one-time-code")).build());

    assertThat(http.requests()).extracting(Request::method).containsExactly("GET", "PATCH");
    Request sent = http.requests().get(1);
    assertThat(sent.url()).startsWith("https://management.azure.com" + CONNECTOR + "/devops/default");
    assertThat(sent.headers()).containsEntry("x-caller-pipeline", "yes");
    // The caller's pipeline authenticates (or not): the builder adds no credential of its own.
    assertThat(sent.headers()).doesNotContainKey("authorization");
    assertThat(sent.bodyText()).contains("\"code\":\"one-time-code\"");
    // The caller's body-logging policy saw the redacted body only.
    String log = Files.readString(Path.of(System.getProperty("org.slf4j.simpleLogger.logFile")),
        StandardCharsets.UTF_8);
    assertThat(log).doesNotContain("one-time-code");
  }

  @Test
  void theEndpointRulesHoldWithACallersPipeline() {
    HttpPipeline callers = new HttpPipelineBuilder().httpClient(http).build();
    assertThatThrownBy(() -> new DefenderConnectorClientBuilder().pipeline(callers)
        .endpoint("http://management.example.com").buildClient())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("https");
    assertThatThrownBy(() -> new DefenderConnectorClientBuilder().buildClient())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("credential");
  }

  @Test
  void addedPoliciesClientOptionsAndTheUserAgentReachEveryRequest() {
    http.enqueue(200, Map.of(), devOpsBody());
    AtomicInteger perCall = new AtomicInteger();
    HttpPipelinePolicy counting = new HttpPipelineSyncPolicy() {
      @Override
      protected void beforeSendingRequest(com.azure.core.http.HttpPipelineCallContext context) {
        perCall.incrementAndGet();
      }

      @Override
      public HttpPipelinePosition getPipelinePosition() {
        return HttpPipelinePosition.PER_CALL;
      }
    };
    DefenderConnectorClient client = new DefenderConnectorClientBuilder().credential(identity("alice"))
        .httpClient(http).addPolicy(counting)
        .clientOptions(new ClientOptions().setApplicationId("my-tool")
            .setHeaders(List.of(new Header("x-team", "platform"))))
        .responseTimeout(Duration.ofSeconds(5))
        .buildClient();

    client.getDevOpsConfiguration(ArmTestSupport.id("mySecurityConnectorName"));

    assertThat(perCall).hasValue(1);
    Request sent = http.requests().get(0);
    assertThat(sent.headers()).containsEntry("x-team", "platform");
    assertThat(sent.headers().get("user-agent")).startsWith("my-tool ")
        .contains("connector-arm-client/").doesNotContain("unknown");
    assertThat(sent.headers()).containsEntry("authorization", "Bearer sim-alice");
  }

  @Test
  void aClientOptionsHeaderWithALineBreakIsRefusedBeforeAnyRequest() {
    assertThatThrownBy(() -> new DefenderConnectorClientBuilder().credential(identity("alice")).httpClient(http)
        .clientOptions(new ClientOptions().setHeaders(List.of(new Header("x-team", "a\r\nX-Injected: 1"))))
        .buildClient())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("clientOptions")
        .hasMessageNotContaining("X-Injected");
    assertThat(http.requests()).isEmpty();
  }
}
