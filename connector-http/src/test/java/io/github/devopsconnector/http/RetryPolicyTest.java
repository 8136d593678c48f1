package io.github.devopsconnector.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** Retries and waits of the shared policy, on both the synchronous and the asynchronous path. */
class RetryPolicyTest {
  private final List<Duration> sleeps = new ArrayList<>();
  private final Waits waits = new Waits(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC),
      sleeps::add);

  private HttpPipeline pipeline(HttpClient client, int maxRetries, Waits waits) {
    RetrySettings settings = new RetrySettings(maxRetries, Duration.ofMillis(1), Duration.ofMillis(50), true);
    return new HttpPipelineBuilder()
        .httpClient(client)
        .policies(new RetryPolicy(settings, waits, Pacing.none(), RetryPolicy.DEFAULT_RETRIED_STATUSES, "Test"))
        .build();
  }

  private static HttpResponse response(HttpRequest request, int status, HttpHeaders headers) {
    return DetachedResponse.of(request.getHttpMethod(), request.getUrl(), status, headers, new byte[0],
        SecretScrubber.create());
  }

  @Test
  void retriesServerErrorsAndIoFailuresAsynchronously() {
    AtomicInteger calls = new AtomicInteger();
    List<Object> script = List.of(503, new UncheckedIOException(new ConnectException("refused")), 200);
    HttpClient client = request -> {
      Object next = script.get(calls.getAndIncrement());
      return next instanceof RuntimeException ? Mono.error((RuntimeException) next)
          : Mono.just(response(request, (Integer) next, new HttpHeaders()));
    };

    HttpResponse response = pipeline(client, 4, Waits.system())
        .send(new HttpRequest(HttpMethod.GET, "https://dev.azure.com/x")).block(Duration.ofSeconds(10));

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(calls).hasValue(3);
  }

  @Test
  void stopsAfterTheLastRetryAndNeverRetriesPosts() {
    AtomicInteger calls = new AtomicInteger();
    HttpClient client = request -> {
      calls.incrementAndGet();
      return Mono.just(response(request, 503, new HttpHeaders()));
    };

    assertThat(pipeline(client, 2, Waits.system()).send(new HttpRequest(HttpMethod.GET, "https://dev.azure.com/x"))
        .block(Duration.ofSeconds(10)).getStatusCode()).isEqualTo(503);
    assertThat(calls).hasValue(3);

    calls.set(0);
    assertThat(pipeline(client, 2, Waits.system()).send(new HttpRequest(HttpMethod.POST, "https://dev.azure.com/x"))
        .block(Duration.ofSeconds(10)).getStatusCode()).isEqualTo(503);
    assertThat(calls).hasValue(1);
  }

  @Test
  void aNamedWaitIsWaitedWithTheSleeperUnlessItIsLongerThanTheMaximum() {
    AtomicInteger calls = new AtomicInteger();
    HttpClient client = request -> Mono.just(calls.getAndIncrement() == 0
        ? response(request, 429, new HttpHeaders().set("Retry-After", "0.04"))
        : response(request, 200, new HttpHeaders()));

    HttpResponse ok = pipeline(client, 3, waits).sendSync(new HttpRequest(HttpMethod.GET, "https://x/a"),
        Context.NONE);

    assertThat(ok.getStatusCode()).isEqualTo(200);
    assertThat(sleeps).containsExactly(Duration.ofMillis(40));

    HttpClient tooLong = request -> Mono.just(response(request, 429, new HttpHeaders().set("Retry-After", "60")));
    assertThat(pipeline(tooLong, 3, waits).sendSync(new HttpRequest(HttpMethod.GET, "https://x/a"), Context.NONE)
        .getStatusCode()).isEqualTo(429);
    assertThat(sleeps).hasSize(1);
  }

  @Test
  void aWaitThatWouldOutlastTheCallsDeadlineIsNotStarted() {
    AtomicInteger calls = new AtomicInteger();
    HttpClient client = request -> {
      calls.incrementAndGet();
      return Mono.just(response(request, 503, new HttpHeaders().set("Retry-After", "0.04")));
    };

    HttpResponse response = pipeline(client, 3, waits).sendSync(new HttpRequest(HttpMethod.GET, "https://x/a"),
        CallDeadline.context(CallDeadline.after(Duration.ofMillis(10))));

    assertThat(response.getStatusCode()).isEqualTo(503);
    assertThat(calls).hasValue(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void theListenerHearsEveryAttemptAndEveryThrottle() {
    AtomicInteger calls = new AtomicInteger();
    HttpClient client = request -> Mono.just(calls.getAndIncrement() == 0
        ? response(request, 429, new HttpHeaders().set("Retry-After", "0.01"))
        : response(request, 200, new HttpHeaders()));
    List<String> heard = new ArrayList<>();
    RetryPolicy.Listener listener = new RetryPolicy.Listener() {
      @Override
      public void sent() {
        heard.add("sent");
      }

      @Override
      public void throttled(Duration retryAfter) {
        heard.add("throttled " + retryAfter.toMillis());
      }
    };

    pipeline(client, 3, waits).sendSync(new HttpRequest(HttpMethod.GET, "https://x/a"),
        new Context(RetryPolicy.LISTENER_KEY, listener));

    assertThat(heard).containsExactly("sent", "throttled 10", "sent");
  }

  @Test
  void azureRetryOptionsMapOntoTheSettings() {
    RetrySettings defaults = new RetrySettings(4, Duration.ofMillis(800), Duration.ofSeconds(60), true);
    assertThat(RetrySettings.from(null, defaults)).isEqualTo(defaults);
    assertThat(RetrySettings.from(new com.azure.core.http.policy.RetryOptions(
        new com.azure.core.http.policy.ExponentialBackoffOptions().setMaxRetries(2)), defaults))
        .isEqualTo(new RetrySettings(2, Duration.ofMillis(800), Duration.ofSeconds(60), true));
    assertThat(RetrySettings.from(new com.azure.core.http.policy.RetryOptions(
        new com.azure.core.http.policy.FixedDelayOptions(3, Duration.ofSeconds(1))), defaults))
        .isEqualTo(new RetrySettings(3, Duration.ofSeconds(1), Duration.ofSeconds(1), false));
    RetrySettings fixed = new RetrySettings(3, Duration.ofSeconds(1), Duration.ofSeconds(1), false);
    assertThat(fixed.backoff(5)).isBetween(Duration.ofMillis(800), Duration.ofSeconds(1));
  }
}
