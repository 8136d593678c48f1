package io.github.devopsconnector.azuredevops.implementation;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The asynchronous path of the policy, for pipelines sent with {@code send} rather than {@code sendSync}. */
class RateLimitPolicyAsyncTest {

  private static HttpPipeline pipeline(HttpClient client, int maxRetries) {
    RetrySettings settings = new RetrySettings(maxRetries, Duration.ofMillis(1), Duration.ofMillis(50), true);
    return new HttpPipelineBuilder()
        .httpClient(client)
        .policies(new RateLimitPolicy(new Pacer(settings, Clock.systemUTC(), Sleeper.SYSTEM)))
        .build();
  }

  private static HttpResponse response(HttpRequest request, int status) {
    return new AdoResponse(request.getHttpMethod(), request.getUrl(), status, new HttpHeaders(), new byte[0]);
  }

  @Test
  void retriesServerErrorsAndIoFailures() {
    AtomicInteger calls = new AtomicInteger();
    List<Object> script = List.of(503, new UncheckedIOException(new ConnectException("refused")), 200);
    HttpClient client = request -> {
      Object next = script.get(calls.getAndIncrement());
      return next instanceof RuntimeException ? Mono.error((RuntimeException) next)
          : Mono.just(response(request, (Integer) next));
    };

    HttpResponse response = pipeline(client, 4).send(new HttpRequest(HttpMethod.GET, "https://dev.azure.com/x"))
        .block(Duration.ofSeconds(10));

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(calls).hasValue(3);
  }

  @Test
  void stopsAfterTheLastRetryAndNeverRetriesPosts() {
    AtomicInteger calls = new AtomicInteger();
    HttpClient client = request -> {
      calls.incrementAndGet();
      return Mono.just(response(request, 503));
    };

    assertThat(pipeline(client, 2).send(new HttpRequest(HttpMethod.GET, "https://dev.azure.com/x"))
        .block(Duration.ofSeconds(10)).getStatusCode()).isEqualTo(503);
    assertThat(calls).hasValue(3);

    calls.set(0);
    assertThat(pipeline(client, 2).send(new HttpRequest(HttpMethod.POST, "https://dev.azure.com/x"))
        .block(Duration.ofSeconds(10)).getStatusCode()).isEqualTo(503);
    assertThat(calls).hasValue(1);
  }
}
