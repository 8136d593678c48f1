package io.github.devopsconnector.examples.demo;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * An {@link HttpClient} that passes every request to another one and remembers what went by: method, path (without
 * the query), status, and for long-running operation polls the status the operation reported. It reads no request
 * header or body, so it never sees a token or an authorization code.
 */
final class WireTap implements HttpClient {

  /** One request and its answer, as the demo shows it. */
  static final class Call {
    final String method;
    final String path;
    final int status;
    final Optional<String> operationStatus;
    final boolean longRunning;

    Call(String method, String path, int status, Optional<String> operationStatus, boolean longRunning) {
      this.method = method;
      this.path = path;
      this.status = status;
      this.operationStatus = operationStatus;
      this.longRunning = longRunning;
    }

    /** Whether this was a poll of a long-running operation. */
    boolean isPoll() {
      return path.contains("/operationResults/");
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpHeaderName ASYNC_OPERATION = HttpHeaderName.fromString("Azure-AsyncOperation");

  private final HttpClient next;
  private final List<Call> calls = new ArrayList<>();

  WireTap(HttpClient next) {
    this.next = next;
  }

  /** The calls since the last drain, oldest first; forgets them. */
  synchronized List<Call> drain() {
    List<Call> drained = List.copyOf(calls);
    calls.clear();
    return drained;
  }

  @Override
  public Mono<HttpResponse> send(HttpRequest request) {
    return send(request, Context.NONE);
  }

  @Override
  public Mono<HttpResponse> send(HttpRequest request, Context context) {
    return next.send(request, context).map(response -> record(request, response));
  }

  @Override
  public HttpResponse sendSync(HttpRequest request, Context context) {
    return record(request, next.sendSync(request, context));
  }

  private HttpResponse record(HttpRequest request, HttpResponse response) {
    String path = request.getUrl().getPath();
    Optional<String> operationStatus = Optional.empty();
    HttpResponse result = response;
    if (path.contains("/operationResults/") && response.getStatusCode() == 200) {
      result = response.buffer();
      operationStatus = status(result);
    }
    boolean longRunning = response.getHeaderValue(ASYNC_OPERATION) != null;
    synchronized (this) {
      calls.add(new Call(request.getHttpMethod().name(), path, response.getStatusCode(), operationStatus,
          longRunning));
    }
    return result;
  }

  private static Optional<String> status(HttpResponse buffered) {
    try {
      JsonNode body = JSON.readTree(buffered.getBodyAsBinaryData().toBytes());
      return Optional.ofNullable(body.path("status").textValue());
    } catch (IOException | RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  /**
   * A path as the demo prints it: the connector's own path ({@code /subscriptions/.../securityConnectors/{name}})
   * as {@code {connector}}, and operation ids cut to 8 characters.
   */
  static String shorten(String path) {
    String shorter = path.replaceFirst("(?i)^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\\.Security"
        + "/securityConnectors/[^/]+", "{connector}");
    int operation = shorter.toLowerCase(Locale.ROOT).indexOf("/operationresults/");
    if (operation >= 0) {
      String id = shorter.substring(operation + "/operationResults/".length());
      shorter = shorter.substring(0, operation) + "/operationResults/" + (id.length() > 8 ? id.substring(0, 8) + "..."
          : id);
    }
    return shorter;
  }
}
