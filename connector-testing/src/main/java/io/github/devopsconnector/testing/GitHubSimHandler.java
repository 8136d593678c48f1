package io.github.devopsconnector.testing;

import com.sun.net.httpserver.HttpExchange;
import io.github.devopsconnector.testing.GitHubSimulator.Fault;
import io.github.devopsconnector.testing.GitHubSimulator.Route;
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
final class GitHubSimHandler extends SimJsonHandler<GitHubSimRoutes.Request, Route, Fault> {

  private static final Logger LOG = LoggerFactory.getLogger(GitHubSimulator.class);
  static final String DOCS = "https://docs.github.com/rest";
  static final String RATE_DOCS =
      "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api";

  private final GitHubSimRoutes routes;
  private final GitHubSimSettings settings;
  private final SimRateWindow primary;

  GitHubSimHandler(GitHubSimRoutes routes, GitHubSimSettings settings, SimulatorCounters<Route, Fault> counters,
      SimFaults<Route, Fault> faults) {
    super(routes, counters, faults, settings.latency, LOG);
    this.routes = routes;
    this.settings = settings;
    this.primary = new SimRateWindow(settings.primaryLimit, settings.primaryWindow);
  }

  static SimReply error(int status, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("message", message);
    body.put("documentation_url", DOCS);
    body.put("status", String.valueOf(status));
    return new SimReply(status, body);
  }

  @Override
  void serviceHeaders(HttpExchange exchange) {
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.getResponseHeaders().set("X-GitHub-Request-Id", UUID.randomUUID().toString().toUpperCase());
    exchange.getResponseHeaders().set("X-GitHub-Api-Version-Selected", "2022-11-28");
  }

  @Override
  SimReply serve(HttpExchange exchange, GitHubSimRoutes.Request request) {
    // GitHub: "Authorization: Bearer YOUR-TOKEN" (or the older "token YOUR-TOKEN") for personal access tokens.
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (authorization == null) {
      return error(401, "Requires authentication");
    }
    if (!authorization.equals("Bearer " + settings.token) && !authorization.equals("token " + settings.token)) {
      return error(401, "Bad credentials");
    }
    SimRateWindow.Turn turn = primary.take();
    long resetEpoch = turn.resetEpoch();
    int remaining = turn.remaining();
    if (!turn.allowed()) {
      counters.throttled();
      return rateHeaders(primaryLimit(), 0, resetEpoch);
    }
    Optional<Fault> fault = faults.next(request.route, Optional.empty(), true);
    if (fault.isPresent()) {
      counters.fault(fault.get());
      SimReply faulted = fault(fault.get(), resetEpoch);
      if (faulted != null) {
        return rateHeaders(faulted, fault.get() == Fault.PRIMARY_RATE_LIMIT ? 0 : remaining, resetEpoch);
      }
      return rateHeaders(routes.answer(request).malformed(), remaining, resetEpoch);
    }
    return rateHeaders(routes.answer(request), remaining, resetEpoch);
  }

  private SimReply primaryLimit() {
    return error(settings.primaryStatus, "API rate limit exceeded for user ID " + routes.userId()
        + ". If you reach out to GitHub Support for help, please include the request ID.");
  }

  /** The fault's answer; null for a fault that corrupts the normal answer. */
  private SimReply fault(Fault fault, long resetEpoch) {
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

  private SimReply rateHeaders(SimReply reply, int remaining, long resetEpoch) {
    reply.headers.putIfAbsent("x-ratelimit-limit", String.valueOf(settings.primaryLimit));
    reply.headers.put("x-ratelimit-remaining", String.valueOf(Math.max(0, remaining)));
    reply.headers.put("x-ratelimit-used", String.valueOf(settings.primaryLimit - Math.max(0, remaining)));
    reply.headers.put("x-ratelimit-reset", String.valueOf(Math.max(resetEpoch, Instant.now().getEpochSecond())));
    reply.headers.put("x-ratelimit-resource", "core");
    return reply;
  }
}
