package io.github.devopsconnector.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * What a client decides per request and per client on top of the shared retry policy: which requests may be sent
 * again, how long a {@code Retry-After} it waits, exact or jittered backoff, pacing by the kind of request, and
 * whether a failed request may have reached the service.
 */
class RetryDecisionTest {
  private final List<Duration> sleeps = new ArrayList<>();
  private final Waits waits = new Waits(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC),
      sleeps::add);

  private HttpPipeline pipeline(HttpClient client, RetrySettings settings, Pacing pacing) {
    return new HttpPipelineBuilder().httpClient(client)
        .policies(new RetryPolicy(settings, waits, pacing, RetryPolicy.DEFAULT_RETRIED_STATUSES, "Test")).build();
  }

  private static HttpResponse response(HttpRequest request, int status, HttpHeaders headers) {
    return DetachedResponse.of(request.getHttpMethod(), request.getUrl(), status, headers, new byte[0],
        SecretScrubber.create());
  }

  private static HttpClient always(int status, AtomicInteger calls) {
    return request -> {
      calls.incrementAndGet();
      return Mono.just(response(request, status, new HttpHeaders()));
    };
  }

  private static final RetrySettings EXACT = new RetrySettings(2, Duration.ofMillis(100), Duration.ofSeconds(1), true,
      Duration.ofSeconds(30), false);

  @Test
  void aRequestMarkedRetryableIsRetriedWhateverItsMethod() {
    AtomicInteger calls = new AtomicInteger();
    HttpPipeline pipeline = pipeline(always(503, calls), EXACT, Pacing.none());

    assertThat(pipeline.sendSync(new HttpRequest(HttpMethod.PUT, "https://x/a"),
        new Context(RetryPolicy.RETRY_KEY, true)).getStatusCode()).isEqualTo(503);
    assertThat(calls).hasValue(3);

    calls.set(0);
    assertThat(pipeline.sendSync(new HttpRequest(HttpMethod.DELETE, "https://x/a"), Context.NONE)
        .getStatusCode()).as("a DELETE not marked is not retried").isEqualTo(503);
    assertThat(calls).hasValue(1);
  }

  @Test
  void aRequestMarkedOnceIsNeverSentAgainNotEvenAGetNorAfterAnIoFailure() {
    AtomicInteger calls = new AtomicInteger();
    HttpPipeline pipeline = pipeline(always(503, calls), EXACT, Pacing.none());
    Context once = new Context(RetryPolicy.RETRY_KEY, false);

    assertThat(pipeline.sendSync(new HttpRequest(HttpMethod.GET, "https://x/a"), once).getStatusCode())
        .isEqualTo(503);
    assertThat(calls).hasValue(1);

    AtomicInteger failures = new AtomicInteger();
    HttpClient broken = request -> {
      failures.incrementAndGet();
      return Mono.error(new UncheckedIOException(new IOException("Connection reset")));
    };
    assertThatThrownBy(() -> pipeline(broken, EXACT, Pacing.none())
        .sendSync(new HttpRequest(HttpMethod.PUT, "https://x/a"), once)).isInstanceOf(UncheckedIOException.class);
    assertThat(failures).hasValue(1);
    assertThat(sleeps).isEmpty();

    // The asynchronous path decides the same way.
    calls.set(0);
    assertThat(pipeline.send(new HttpRequest(HttpMethod.GET, "https://x/a"), once).block(Duration.ofSeconds(10))
        .getStatusCode()).isEqualTo(503);
    assertThat(calls).hasValue(1);
  }

  @Test
  void withoutJitterTheBackoffIsWaitedExactlyAndDoubles() {
    AtomicInteger calls = new AtomicInteger();
    pipeline(always(500, calls), EXACT, Pacing.none()).sendSync(new HttpRequest(HttpMethod.GET, "https://x/a"),
        Context.NONE);

    assertThat(calls).hasValue(3);
    assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    assertThat(EXACT.backoff(10)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void theLongestRetryAfterWaitedIsItsOwnSettingNotTheBackoffCap() {
    AtomicInteger calls = new AtomicInteger();
    HttpClient client = request -> Mono.just(calls.getAndIncrement() == 0
        ? response(request, 429, new HttpHeaders().set("Retry-After", "20"))
        : response(request, 200, new HttpHeaders()));

    assertThat(pipeline(client, EXACT, Pacing.none()).sendSync(new HttpRequest(HttpMethod.GET, "https://x/a"),
        Context.NONE).getStatusCode()).isEqualTo(200);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(20));

    sleeps.clear();
    calls.set(0);
    RetrySettings noWaits = EXACT.withRetryWait(Duration.ZERO, false);
    assertThat(pipeline(client, noWaits, Pacing.none()).sendSync(new HttpRequest(HttpMethod.GET, "https://x/a"),
        Context.NONE).getStatusCode()).as("a client that waits for no Retry-After").isEqualTo(429);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void theFourValueSettingsCapRetryAfterByTheMaximumDelayAndJitter() {
    RetrySettings settings = new RetrySettings(3, Duration.ofMillis(800), Duration.ofSeconds(8), true);

    assertThat(settings.maxRetryWait()).isEqualTo(Duration.ofSeconds(8));
    assertThat(settings.jittered()).isTrue();
    assertThat(settings.backoff(0)).isBetween(Duration.ofMillis(640), Duration.ofMillis(960));
    assertThatThrownBy(() -> settings.withRetryWait(Duration.ofSeconds(-1), false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRetryWait");
  }

  @Test
  void pacingSeesEachRequestAndEachAnswer() {
    List<String> seen = new ArrayList<>();
    Pacing byMethod = new Pacing() {
      @Override
      public Duration reserveTurn(HttpRequest request) {
        seen.add("turn " + request.getHttpMethod());
        return request.getHttpMethod() == HttpMethod.PUT ? Duration.ofMillis(7) : Duration.ZERO;
      }

      @Override
      public void observe(HttpRequest request, HttpResponse response, Instant sentAt) {
        seen.add("answer " + request.getHttpMethod() + " " + response.getStatusCode());
      }

      @Override
      public Duration reserveTurn() {
        throw new AssertionError("the policy asks with the request");
      }

      @Override
      public Duration pendingWait() {
        return Duration.ZERO;
      }

      @Override
      public void observe(HttpHeaders headers, Instant sentAt) {
        throw new AssertionError("the policy tells with the request");
      }
    };
    AtomicInteger calls = new AtomicInteger();
    HttpPipeline pipeline = pipeline(always(201, calls), EXACT, byMethod);

    pipeline.sendSync(new HttpRequest(HttpMethod.GET, "https://x/a"), Context.NONE);
    pipeline.sendSync(new HttpRequest(HttpMethod.PUT, "https://x/a"), Context.NONE);

    assertThat(seen).containsExactly("turn GET", "answer GET 201", "turn PUT", "answer PUT 201");
    assertThat(sleeps).containsExactly(Duration.ofMillis(7));
  }

  @Test
  void aRequestThatNeverLeftIsToldFromOneThatMayHaveReachedTheService() {
    assertThat(ServiceErrors.mayHaveReachedService(new UncheckedIOException(new ConnectException("refused"))))
        .isFalse();
    assertThat(ServiceErrors.mayHaveReachedService(new RuntimeException(new UnknownHostException("x")))).isFalse();
    assertThat(ServiceErrors.mayHaveReachedService(new UncheckedIOException(
        new HttpConnectTimeoutException("connect timed out")))).isFalse();
    assertThat(ServiceErrors.mayHaveReachedService(new IllegalStateException("a header was refused")))
        .as("nothing went over the network").isFalse();

    assertThat(ServiceErrors.mayHaveReachedService(new UncheckedIOException(new SocketTimeoutException("read"))))
        .isTrue();
    assertThat(ServiceErrors.mayHaveReachedService(new UncheckedIOException(new IOException("Connection reset"))))
        .isTrue();
    assertThat(ServiceErrors.mayHaveReachedService(new RuntimeException(new InterruptedException()))).isTrue();
  }
}
