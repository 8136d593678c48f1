package io.github.devopsconnector.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.devopsconnector.testing.GitHubSimulator.Fault;
import io.github.devopsconnector.testing.GitHubSimulator.Route;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GitHub simulator's protocol: authentication, the primary rate limit and its headers, injected faults, and
 * writing the routes' answers (docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api and
 * .../troubleshooting-the-rest-api for the messages).
 */
final class GitHubSimHandler implements HttpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(GitHubSimulator.class);
  static final String DOCS = "https://docs.github.com/rest";
  static final String RATE_DOCS =
      "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api";

  private final GitHubSimRoutes routes;
  private final GitHubSimSettings settings;
  private final SimulatorCounters<Route, Fault> counters;
  private final SimFaults<Route, Fault> faults;
  private final ObjectMapper mapper = new ObjectMapper();
  private long windowStart = System.currentTimeMillis();
  private int used;

  GitHubSimHandler(GitHubSimRoutes routes, GitHubSimSettings settings, SimulatorCounters<Route, Fault> counters,
      SimFaults<Route, Fault> faults) {
    this.routes = routes;
    this.settings = settings;
    this.counters = counters;
    this.faults = faults;
  }

  /** An answer before it is written. */
  static final class Reply {
    final int status;
    final Object json;
    final Map<String, String> headers = new LinkedHashMap<>();

    Reply(int status, Object json) {
      this.status = status;
      this.json = json;
    }

    Reply header(String name, String value) {
      headers.put(name, value);
      return this;
    }
  }

  static Reply error(int status, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("message", message);
    body.put("documentation_url", DOCS);
    body.put("status", String.valueOf(status));
    return new Reply(status, body);
  }

  @Override
  public void handle(HttpExchange exchange) {
    GitHubSimRoutes.Request request = routes.parse(exchange.getRequestMethod(), exchange.getRequestURI());
    counters.enter(request.route);
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      SimRequests.sleep(settings.latency);
      write(exchange, serve(exchange, request));
    } catch (IOException | RuntimeException e) {
      LOG.debug("GitHub simulator could not answer {}: {}", request.route, e.toString());
    } finally {
      counters.exit();
    }
  }

  private Reply serve(HttpExchange exchange, GitHubSimRoutes.Request request) {
    // GitHub: "Authorization: Bearer YOUR-TOKEN" (or the older "token YOUR-TOKEN") for personal access tokens.
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (authorization == null) {
      return error(401, "Requires authentication");
    }
    if (!authorization.equals("Bearer " + settings.token) && !authorization.equals("token " + settings.token)) {
      return error(401, "Bad credentials");
    }
    long resetEpoch;
    int remaining;
    synchronized (this) {
      long now = System.currentTimeMillis();
      if (now - windowStart >= settings.primaryWindow.toMillis()) {
        windowStart = now;
        used = 0;
      }
      resetEpoch = (windowStart + settings.primaryWindow.toMillis() + 999) / 1000;
      if (used >= settings.primaryLimit) {
        counters.throttled();
        return rateHeaders(primaryLimit(), 0, resetEpoch);
      }
      used++;
      remaining = settings.primaryLimit - used;
    }
    Optional<Fault> fault = faults.next(request.route, Optional.empty(), true);
    if (fault.isPresent()) {
      counters.fault(fault.get());
      Reply faulted = fault(fault.get(), resetEpoch);
      if (faulted != null) {
        return rateHeaders(faulted, fault.get() == Fault.PRIMARY_RATE_LIMIT ? 0 : remaining, resetEpoch);
      }
      Reply normal = routes.answer(request);
      return rateHeaders(new Reply(normal.status, GitHubSimRoutes.MALFORMED), remaining, resetEpoch);
    }
    return rateHeaders(routes.answer(request), remaining, resetEpoch);
  }

  private Reply primaryLimit() {
    return error(settings.primaryStatus, "API rate limit exceeded for user ID " + routes.userId()
        + ". If you reach out to GitHub Support for help, please include the request ID.");
  }

  /** The fault's answer; null for a fault that corrupts the normal answer. */
  private Reply fault(Fault fault, long resetEpoch) {
    switch (fault) {
      case PRIMARY_RATE_LIMIT:
        counters.throttled();
        return primaryLimit();
      case SECONDARY_RATE_LIMIT:
        counters.throttled();
        return error(403, "You have exceeded a secondary rate limit. Please wait a few minutes before you try "
            + "again.").header("retry-after", String.valueOf(settings.secondaryRetryAfter.getSeconds()));
      case SECONDARY_RATE_LIMIT_WITHOUT_RETRY_AFTER:
        counters.throttled();
        return error(403, "You have exceeded a secondary rate limit. Please wait a few minutes before you try "
            + "again.");
      case TOO_MANY_REQUESTS:
        counters.throttled();
        return error(429, "You have exceeded a secondary rate limit.")
            .header("retry-after", String.valueOf(settings.secondaryRetryAfter.getSeconds()));
      case SERVICE_UNAVAILABLE:
        return error(503, "Service Unavailable");
      case MALFORMED_JSON:
      default:
        return null;
    }
  }

  private Reply rateHeaders(Reply reply, int remaining, long resetEpoch) {
    reply.headers.putIfAbsent("x-ratelimit-limit", String.valueOf(settings.primaryLimit));
    reply.headers.put("x-ratelimit-remaining", String.valueOf(Math.max(0, remaining)));
    reply.headers.put("x-ratelimit-used", String.valueOf(settings.primaryLimit - Math.max(0, remaining)));
    reply.headers.put("x-ratelimit-reset", String.valueOf(Math.max(resetEpoch, Instant.now().getEpochSecond())));
    reply.headers.put("x-ratelimit-resource", "core");
    return reply;
  }

  private void write(HttpExchange exchange, Reply reply) throws IOException {
    byte[] body = reply.json == GitHubSimRoutes.MALFORMED ? "{\"login\": \"octo".getBytes(StandardCharsets.UTF_8)
        : reply.json == null ? new byte[0] : mapper.writeValueAsBytes(reply.json);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.getResponseHeaders().set("X-GitHub-Request-Id", UUID.randomUUID().toString().toUpperCase());
    exchange.getResponseHeaders().set("X-GitHub-Api-Version-Selected", "2022-11-28");
    reply.headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    exchange.sendResponseHeaders(reply.status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
