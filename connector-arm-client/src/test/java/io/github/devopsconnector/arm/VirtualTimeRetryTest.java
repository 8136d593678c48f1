package io.github.devopsconnector.arm;

import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.arm.models.ResourceProviderRegistration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.RetryOptions;
import io.github.devopsconnector.testing.VirtualTime;
import io.github.devopsconnector.testsupport.CannedHttpClient;
import io.github.devopsconnector.testsupport.CannedHttpClient.Answer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** With a sleeper, the ARM client retries exactly as azure-core would, and waits only through the sleeper. */
class VirtualTimeRetryTest {

  private static final String PROVIDER = "{\"namespace\":\"Microsoft.Security\",\"registrationState\":\"Registered\"}";
  private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

  private static Answer throttled(Map<String, String> headers) {
    return new Answer(429, headers, "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"slow down\"}}"
        .getBytes(StandardCharsets.UTF_8));
  }

  private static Answer ok() {
    return new Answer(200, Map.of("Content-Type", "application/json"), PROVIDER.getBytes(StandardCharsets.UTF_8));
  }

  private static DefenderConnectorClient client(Deque<Answer> answers, AtomicInteger requests, VirtualTime time,
      RetryOptions retry) {
    DefenderConnectorClientBuilder builder = new DefenderConnectorClientBuilder()
        .endpoint("https://management.azure.com")
        .credential(ArmTestSupport.identity("alice"))
        .httpClient(new CannedHttpClient(request -> {
          requests.incrementAndGet();
          return answers.isEmpty() ? ok() : answers.poll();
        }))
        .clock(time.clock())
        .sleeper(time.sleeper());
    if (retry != null) {
      builder.retryOptions(retry);
    }
    return builder.buildClient();
  }

  @Test
  void retryAfterInSecondsMillisecondsAndAsADateIsWaitedThroughTheSleeper() {
    VirtualTime time = VirtualTime.startingAt(START);
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(START.plusSeconds(90).atOffset(ZoneOffset.UTC));
    Deque<Answer> answers = new ArrayDeque<>(List.of(
        throttled(Map.of("Retry-After", "30")),
        throttled(Map.of("x-ms-retry-after-ms", "1500", "Retry-After", "99")),
        throttled(Map.of("Retry-After", date))));
    AtomicInteger requests = new AtomicInteger();

    ResourceProviderRegistration registration = client(answers, requests, time, null)
        .getSecurityProviderRegistration(ArmTestSupport.SUBSCRIPTION);

    assertThat(registration.isRegistered()).isTrue();
    assertThat(requests).hasValue(4);
    // 30 s; then x-ms-retry-after-ms wins over Retry-After, as in azure-core; then the date, 90 s after the start
    // on the virtual clock, which has moved 31.5 s by then.
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(30), Duration.ofMillis(1500),
        Duration.ofSeconds(90).minus(Duration.ofMillis(31_500)));
  }

  @Test
  void withoutRetryAfterTheRetryOptionsBackOffIsWaited() {
    VirtualTime time = VirtualTime.start();
    Deque<Answer> answers = new ArrayDeque<>(List.of(throttled(Map.of()), throttled(Map.of())));
    AtomicInteger requests = new AtomicInteger();

    client(answers, requests, time, new RetryOptions(new FixedDelayOptions(5, Duration.ofSeconds(7))))
        .getSecurityProviderRegistration(ArmTestSupport.SUBSCRIPTION);

    assertThat(requests).hasValue(3);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(7));
  }

  @Test
  void theRetryLimitStaysTheOptionsOne() {
    VirtualTime time = VirtualTime.start();
    Deque<Answer> answers = new ArrayDeque<>();
    for (int i = 0; i < 10; i++) {
      answers.add(throttled(Map.of("Retry-After", "2")));
    }
    AtomicInteger requests = new AtomicInteger();
    DefenderConnectorClient client = client(answers, requests, time,
        new RetryOptions(new ExponentialBackoffOptions().setMaxRetries(2)));

    assertThatThrownBy(() -> client.getSecurityProviderRegistration(ArmTestSupport.SUBSCRIPTION))
        .isInstanceOf(ServiceException.class).hasCauseInstanceOf(HttpResponseException.class);
    assertThat(requests).hasValue(3);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
  }
}
