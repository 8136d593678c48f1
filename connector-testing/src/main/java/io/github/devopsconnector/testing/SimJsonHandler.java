package io.github.devopsconnector.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;

/**
 * The request cycle of the simulators of token-authenticated JSON APIs (GitHub, GitLab): count the request, read its
 * body, wait the configured latency, let the service answer, and write the answer as JSON with the service's own
 * headers. A broken body ({@link SimReply#MALFORMED}) is written as a truncated JSON object, bytes as they are.
 *
 * @param <Q> a parsed request
 * @param <R> the routes
 * @param <F> the faults
 */
abstract class SimJsonHandler<Q extends SimJsonHandler.Routed<R>, R extends Enum<R>, F extends Enum<F>>
    implements HttpHandler {
  private static final byte[] BROKEN = "{\"id\": 1, \"name\": \"trunc".getBytes(StandardCharsets.UTF_8);

  /** A parsed request, which knows its route. */
  interface Routed<R> {
    /** The route, for the counters and scripted faults. */
    R route();
  }

  /** Parses requests. */
  interface Router<Q> {
    /** The request of this method and URI. */
    Q parse(String method, URI uri);
  }

  final SimulatorCounters<R, F> counters;
  private final Router<Q> router;
  final SimFaults<R, F> faults;
  private final Duration latency;
  private final Logger log;
  private final ObjectMapper mapper = new ObjectMapper();

  SimJsonHandler(Router<Q> router, SimulatorCounters<R, F> counters, SimFaults<R, F> faults, Duration latency,
      Logger log) {
    this.router = router;
    this.counters = counters;
    this.faults = faults;
    this.latency = latency;
    this.log = log;
  }

  /** The answer. */
  abstract SimReply serve(HttpExchange exchange, Q request);

  /** Sets the headers the service sends with every answer (content type, request id, ...). */
  abstract void serviceHeaders(HttpExchange exchange);

  @Override
  public final void handle(HttpExchange exchange) {
    Q request = router.parse(exchange.getRequestMethod(), exchange.getRequestURI());
    R route = request.route();
    counters.enter(route);
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      SimRequests.sleep(latency);
      write(exchange, serve(exchange, request));
    } catch (IOException | RuntimeException e) {
      log.debug("The simulator could not answer {}: {}", route, e.toString());
    } finally {
      counters.exit();
    }
  }

  private void write(HttpExchange exchange, SimReply reply) throws IOException {
    byte[] body = reply.json == SimReply.MALFORMED ? BROKEN
        : reply.json instanceof byte[] ? (byte[]) reply.json
        : reply.json == null ? new byte[0] : mapper.writeValueAsBytes(reply.json);
    serviceHeaders(exchange);
    reply.headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    exchange.sendResponseHeaders(reply.status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
