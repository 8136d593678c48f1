package io.github.devopsconnector.arm;

import io.github.devopsconnector.testsupport.CannedHttpClient;
import io.github.devopsconnector.testsupport.RawHttpServer.Request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.RetryOptions;
import io.github.devopsconnector.arm.ArmCall.Paths;
import io.github.devopsconnector.arm.ArmTestSupport.RecordingSleeper;
import io.github.devopsconnector.arm.implementation.ArmPacing;
import io.github.devopsconnector.core.ServiceException.Kind;
import io.github.devopsconnector.http.DetachedResponse;
import io.github.devopsconnector.http.SecretScrubber;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shared retry policy sends an idempotent ARM write again after a failure that may be transient, and ARM's
 * pacing keeps one budget per kind of request, as ARM reports them.
 */
class IdempotentWritesTest {
  private static final String NOT_FOUND = "{\"error\":{\"code\":\"NotFound\",\"message\":\"none\"}}";
  private static final String BUSY = "{\"error\":{\"code\":\"ServerBusy\",\"message\":\"busy\"}}";

  private static DefenderConnectorClient client(CannedHttpClient http, RecordingSleeper sleeper) {
    return new DefenderConnectorClientBuilder().endpoint("https://management.azure.com")
        .credential(ArmTestSupport.identity("alice")).httpClient(http)
        .retryOptions(new RetryOptions(new FixedDelayOptions(2, Duration.ofMillis(250)))).sleeper(sleeper)
        .buildClient();
  }

  @Test
  void aDeleteAnswered503IsSentAgainAfterTheBackoff() {
    CannedHttpClient http = new CannedHttpClient()
        .enqueue(404, Map.of("Content-Type", "application/json"), NOT_FOUND)
        .enqueue(503, Map.of("Content-Type", "application/json"), BUSY)
        .enqueue(200, Map.of(), "");
    RecordingSleeper sleeper = new RecordingSleeper();

    client(http, sleeper).deleteConnector(Paths.ID);

    assertThat(http.requests()).extracting(Request::method).containsExactly("DELETE", "DELETE", "DELETE");
    assertThat(http.requests().get(2).url()).isEqualTo(http.requests().get(1).url()).doesNotContain("devOpsConfigurations");
    assertThat(sleeper.sleeps).containsExactly(Duration.ofMillis(250));
  }

  @Test
  void aDeleteStillFailingAfterItsRetriesEndsWithTheServicesError() {
    CannedHttpClient http = new CannedHttpClient()
        .enqueue(404, Map.of("Content-Type", "application/json"), NOT_FOUND);
    for (int i = 0; i < 3; i++) {
      http.enqueue(503, Map.of("Content-Type", "application/json"), BUSY);
    }
    RecordingSleeper sleeper = new RecordingSleeper();

    assertThatThrownBy(() -> client(http, sleeper).deleteConnector(Paths.ID))
        .satisfies(Failures.kind(Kind.TRANSIENT, "ServerBusy"));
    assertThat(http.requests()).hasSize(4);
    assertThat(sleeper.sleeps).containsExactly(Duration.ofMillis(250), Duration.ofMillis(250));
  }

  @Test
  void pacingKeepsOneBudgetPerKindOfRequestAndForgetsItWhenTheServiceNamesAWait() {
    ArmPacing pacing = new ArmPacing(5, Duration.ofSeconds(1));
    HttpRequest read = new HttpRequest(HttpMethod.GET, "https://management.azure.com/x");
    HttpRequest write = new HttpRequest(HttpMethod.PUT, "https://management.azure.com/x");
    HttpRequest delete = new HttpRequest(HttpMethod.DELETE, "https://management.azure.com/x");
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    pacing.observe(read, answer(read, 200, "x-ms-ratelimit-remaining-subscription-reads", "3"), now);
    assertThat(pacing.reserveTurn(read)).isEqualTo(Duration.ofSeconds(1));
    assertThat(pacing.reserveTurn(write)).as("the writes budget is unknown").isZero();

    // A delete without its own header counts against the writes.
    pacing.observe(delete, answer(delete, 200, "x-ms-ratelimit-remaining-subscription-writes", "2"), now);
    assertThat(pacing.reserveTurn(delete)).isEqualTo(Duration.ofSeconds(1));
    pacing.observe(write, answer(write, 200, "x-ms-ratelimit-remaining-subscription-writes", "1199"), now);
    assertThat(pacing.reserveTurn(write)).isZero();

    // The retry waits the service's own wait; the budget reported before it says nothing about after it.
    pacing.observe(read, answer(read, 429, "Retry-After", "2"), now);
    assertThat(pacing.pendingWait(read)).isZero();
    assertThat(pacing.pendingWait(delete)).isEqualTo(Duration.ofSeconds(1));
  }

  private static DetachedResponse answer(HttpRequest request, int status, String header, String value) {
    return DetachedResponse.of(request, status, new HttpHeaders().set(header, value),
        "{}".getBytes(StandardCharsets.UTF_8), SecretScrubber.create());
  }
}
