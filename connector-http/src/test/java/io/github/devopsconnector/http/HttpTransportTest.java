package io.github.devopsconnector.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipelineBuilder;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.ServiceException.Kind;
import io.github.devopsconnector.testsupport.RawHttpServer;
import io.github.devopsconnector.testsupport.Reply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The transport's limits and retries of broken bodies, against the recording loopback server. */
class HttpTransportTest {
  private final RawHttpServer server = RawHttpServer.start();
  private final OwnedHttpClient http = new OwnedHttpClient("test-http-", "closed", Duration.ofSeconds(5),
      Duration.ofSeconds(5), Duration.ofSeconds(5));

  /** Failures as plain ServiceExceptions whose message says which hook made them. */
  private static final HttpTransport.Failures<String> FAILURES = new HttpTransport.Failures<>() {
    @Override
    public boolean usable(DetachedResponse response) {
      return response.isSuccess();
    }

    @Override
    public ServiceException failure(DetachedResponse response, String call) {
      return ServiceErrors.builder(ServiceErrors.kindOf(response.getStatusCode()), call + ": failure", "Test",
          response).build();
    }

    @Override
    public ServiceException tooLarge(DetachedResponse response, String call) {
      return ServiceException.builder(Kind.PROTOCOL, call + ": too large").build();
    }

    @Override
    public ServiceException timedOut(String call, String request, String limit, Duration value, Throwable cause) {
      return ServiceException.builder(Kind.TRANSIENT, call + ": " + limit).cause(cause).build();
    }

    @Override
    public ServiceException failed(RuntimeException failure, String call, String request) {
      return ServiceException.builder(Kind.TRANSIENT, call + ": failed").cause(failure).build();
    }
  };

  private HttpTransport<String> transport(Duration requestTimeout, Duration callTimeout) {
    return new HttpTransport<>("Test", new HttpPipelineBuilder().httpClient(http).build(), SecretScrubber.create(),
        new HttpHeaders().set(HttpHeaderName.ACCEPT, "application/json"), FAILURES, requestTimeout, callTimeout,
        http);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void everyRequestCarriesTheDefaultHeadersAndTheAnswerIsReadWhole() {
    server.on("GET", "/items", Reply.json(200, "{\"value\":[]}").header("x-ms-request-id", "r-1"));
    try (HttpTransport<String> transport = transport(Duration.ofSeconds(5), Duration.ofSeconds(10))) {
      DetachedResponse response = transport.send(HttpMethod.GET, server.url() + "/items?api-version=1", "list");

      assertThat(response.bodyText()).isEqualTo("{\"value\":[]}");
      assertThat(server.takeRequest().header("Accept")).isEqualTo("application/json");
      ServiceException failure = catchFailure(() -> transport.send(HttpMethod.GET, server.url() + "/missing",
          "read"));
      assertThat(failure.kind()).isEqualTo(Kind.NOT_FOUND);
      assertThat(failure.statusCode()).isEqualTo(404);
    }
  }

  @Test
  void aBodyThatBreaksOffIsFetchedAgainOnce() {
    // Promises 100 bytes, sends 10, and hangs up.
    server.enqueue(RawHttpServer.raw("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n"
        + "Connection: close\r\n\r\n{\"value\":["));
    server.enqueue(Reply.json(200, "{\"value\":[1]}"));
    try (HttpTransport<String> transport = transport(Duration.ofSeconds(5), Duration.ofSeconds(10))) {
      HttpTransport.Decoded<String> read = transport.getJson(server.url() + "/items", "list",
          DetachedResponse::bodyText);

      assertThat(read.value()).isEqualTo("{\"value\":[1]}");
      assertThat(server.requests()).hasSize(2);
    }
  }

  @Test
  void anIdempotentRequestWhoseAnswerBreaksOffIsSentAgainAsANewRequestWhateverItsMethod() {
    server.enqueue(RawHttpServer.raw("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n"
        + "Connection: close\r\n\r\n{\"id\":"));
    server.enqueue(Reply.json(200, "{\"id\":1}"));
    server.enqueue(Reply.json(409, "{\"error\":{}}"));
    java.util.concurrent.atomic.AtomicInteger made = new java.util.concurrent.atomic.AtomicInteger();
    try (HttpTransport<String> transport = transport(Duration.ofSeconds(5), Duration.ofSeconds(10))) {
      java.util.function.Supplier<com.azure.core.http.HttpRequest> put = () -> {
        made.incrementAndGet();
        return new com.azure.core.http.HttpRequest(HttpMethod.PUT, server.url() + "/items/1")
            .setBody("{\"id\":1}");
      };

      DetachedResponse written = transport.exchangeIdempotent(put, com.azure.core.util.Context.NONE, "write",
          transport.newCallDeadline());

      assertThat(written.bodyText()).isEqualTo("{\"id\":1}");
      assertThat(made).as("a fresh request for each sending").hasValue(2);
      assertThat(server.requests()).hasSize(2);
      // An answer that is whole is handed back whatever its status, and not sent again.
      assertThat(transport.exchangeIdempotent(put, com.azure.core.util.Context.NONE, "write",
          transport.newCallDeadline()).getStatusCode()).isEqualTo(409);
      assertThat(server.requests()).hasSize(3);
    }
  }

  @Test
  void aTrickledBodyEndsAtTheRequestTimeout() {
    server.on("GET", "/slow", RawHttpServer.dripBody(200, "application/json", "{\"value\":[]}",
        Duration.ofMillis(300)));
    try (HttpTransport<String> transport = transport(Duration.ofMillis(700), Duration.ofSeconds(10))) {
      long start = System.nanoTime();

      ServiceException failure = catchFailure(() -> transport.exchange(HttpMethod.GET, server.url() + "/slow",
          "read slowly"));

      assertThat(failure.getMessage()).startsWith("read slowly: request timeout");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
      assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }
  }

  @Test
  void aPacingWaitThatWouldOutlastTheCallEndsTheCallAtOnceWithoutSending() {
    List<Duration> sleeps = new ArrayList<>();
    Pacing slowDown = new Pacing() {
      @Override
      public Duration reserveTurn() {
        return Duration.ofMinutes(5);
      }

      @Override
      public Duration pendingWait() {
        return Duration.ofMinutes(5);
      }

      @Override
      public void observe(HttpHeaders headers, Instant sentAt) {
      }
    };
    // A sleeper that ignores interruption: only not starting the wait keeps the call within its deadline.
    RetryPolicy retry = new RetryPolicy(new RetrySettings(3, Duration.ofMillis(1), Duration.ofMinutes(10), true),
        new Waits(Clock.systemUTC(), sleeps::add), slowDown, RetryPolicy.DEFAULT_RETRIED_STATUSES, "Test");
    try (HttpTransport<String> transport = new HttpTransport<>("Test",
        new HttpPipelineBuilder().httpClient(http).policies(retry).build(), SecretScrubber.create(),
        new HttpHeaders(), FAILURES, Duration.ofSeconds(5), Duration.ofSeconds(10), http)) {

      ServiceException failure = catchFailure(() -> transport.exchange(HttpMethod.GET, server.url() + "/x",
          "read"));

      assertThat(failure.getMessage()).isEqualTo("read: call timeout");
      assertThat(sleeps).isEmpty();
      assertThat(server.requests()).isEmpty();
    }
  }

  @Test
  void aClosedTransportRefusesToSend() {
    HttpTransport<String> transport = transport(Duration.ofSeconds(5), Duration.ofSeconds(10));
    transport.close();

    assertThat(transport.isClosed()).isTrue();
    assertThatThrownBy(() -> transport.exchange(HttpMethod.GET, server.url() + "/x", "read"))
        .isInstanceOf(IllegalStateException.class).hasMessage(HttpTransport.closedMessage("Test"));
    assertThat(server.requests()).isEmpty();
  }

  private static ServiceException catchFailure(Runnable call) {
    try {
      call.run();
    } catch (ServiceException e) {
      return e;
    }
    throw new AssertionError("no ServiceException");
  }
}
