package io.github.devopsconnector.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The recording server answers as scripted and records what the client sent. */
class RawHttpServerTest {
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private HttpResponse<String> send(RawHttpServer server, String method, String path, String body)
      throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("X-Test", "yes")
        .timeout(Duration.ofSeconds(10))
        .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void queuedAnswersComeFirstThenRoutesThenTheNotFound() throws Exception {
    try (RawHttpServer server = RawHttpServer.start()) {
      server.on("GET", "/a b", Reply.json(200, "{\"route\":true}").header("X-Route", "1"));
      server.enqueue(Reply.json(503, "{\"queued\":true}"));

      HttpResponse<String> queued = send(server, "GET", "/a%20b", null);
      HttpResponse<String> routed = send(server, "GET", "/a%20b?x=1%202", null);
      HttpResponse<String> missing = send(server, "GET", "/nowhere", null);

      assertThat(queued.statusCode()).isEqualTo(503);
      assertThat(routed.statusCode()).isEqualTo(200);
      assertThat(routed.headers().firstValue("X-Route")).contains("1");
      assertThat(routed.body()).isEqualTo("{\"route\":true}");
      assertThat(missing.statusCode()).isEqualTo(404);
      assertThat(missing.body()).contains("No route for GET /nowhere");
    }
  }

  @Test
  void everyRequestIsRecordedWithItsHeadersQueryAndBody() throws Exception {
    try (RawHttpServer server = RawHttpServer.start()) {
      server.on("POST", "/items", RawHttpServer.sequence(Reply.empty(201), Reply.empty(409)));

      assertThat(send(server, "POST", "/items?name=a%26b", "{\"id\":1}").statusCode()).isEqualTo(201);
      assertThat(send(server, "POST", "/items", "{\"id\":2}").statusCode()).isEqualTo(409);
      assertThat(send(server, "POST", "/items", "{\"id\":3}").statusCode()).isEqualTo(409);

      RawHttpServer.Request first = server.takeRequest();
      assertThat(first.method()).isEqualTo("POST");
      assertThat(first.path()).isEqualTo("/items");
      assertThat(first.query()).containsEntry("name", "a&b");
      assertThat(first.header("x-TEST")).isEqualTo("yes");
      assertThat(first.bodyText()).isEqualTo("{\"id\":1}");
      assertThat(server.takeRequest().bodyText()).isEqualTo("{\"id\":2}");
      assertThat(server.requests("/items")).hasSize(3);
      assertThat(server.takeRequest().bodyText()).isEqualTo("{\"id\":3}");
      assertThat(server.takeRequest(Duration.ofMillis(50))).isNull();
    }
  }

  @Test
  void aDelayedReplyComesAfterItsDelay() throws Exception {
    try (RawHttpServer server = RawHttpServer.start()) {
      server.enqueue(Reply.empty(204).delay(Duration.ofMillis(300)));
      long start = System.nanoTime();

      assertThat(send(server, "GET", "/", null).statusCode()).isEqualTo(204);

      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }
  }
}
