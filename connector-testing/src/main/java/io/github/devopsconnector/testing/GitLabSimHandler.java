package io.github.devopsconnector.testing;

import com.sun.net.httpserver.HttpExchange;
import io.github.devopsconnector.testing.GitLabSimulator.Fault;
import io.github.devopsconnector.testing.GitLabSimulator.Route;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GitLab simulator's protocol: authentication and token scopes, the per-user rate limit and its headers,
 * injected faults, and GitLab's error bodies.
 *
 * <ul>
 *   <li>Authentication (docs.gitlab.com/api/rest/authentication): {@code PRIVATE-TOKEN: <token>} or
 *       {@code Authorization: Bearer <token>}; a token that is not the simulator's is 401
 *       {@code {"message": "401 Unauthorized"}}. Without credentials GitLab returns "only public data": the estate's
 *       groups are private, so the group routes list nothing or answer 404, and {@code GET /user} answers 401.</li>
 *   <li>Scopes (docs.gitlab.com/user/profile/personal_access_tokens#personal-access-token-scopes and
 *       api/rest/troubleshooting): {@code read_user} reads the user only; the other routes need {@code read_api} or
 *       {@code api}, else 403 {@code {"error": "insufficient_scope", "error_description": ..., "scope": ...}}.</li>
 *   <li>Rate limits (docs.gitlab.com/administration/settings/user_and_ip_rate_limits and security/rate_limits): past
 *       the limit, 429 with the plain-text body {@code Retry later}, {@code Retry-After} and the
 *       {@code RateLimit-Name}, {@code -Limit}, {@code -Observed}, {@code -Remaining}, {@code -Reset} (epoch seconds)
 *       and {@code -ResetTime} headers. Those headers come with every answer only when the builder asks for it
 *       (GitLab.com sends them; GitLab documents them for throttled answers).</li>
 * </ul>
 */
final class GitLabSimHandler extends SimJsonHandler<GitLabSimRoutes.Request, Route, Fault> {

  private static final Logger LOG = LoggerFactory.getLogger(GitLabSimulator.class);
  private static final byte[] RETRY_LATER = "Retry later\n".getBytes(StandardCharsets.UTF_8);

  private final GitLabSimSettings settings;
  private final GitLabSimRoutes routes;
  private final SimRateWindow window;

  /** The handler of the estate served at this endpoint. */
  GitLabSimHandler(GitLabEstate estate, String endpoint, GitLabSimSettings settings,
      SimulatorCounters<Route, Fault> counters, SimFaults<Route, Fault> faults) {
    this(new GitLabSimRoutes(estate, endpoint), settings, counters, faults);
  }

  private GitLabSimHandler(GitLabSimRoutes routes, GitLabSimSettings settings,
      SimulatorCounters<Route, Fault> counters, SimFaults<Route, Fault> faults) {
    super(routes, counters, faults, settings.latency, LOG);
    this.settings = settings;
    this.routes = routes;
    this.window = new SimRateWindow(settings.rateLimit, settings.rateWindow);
  }

  /** GitLab's usual error body: {@code {"message": ...}}. */
  static SimReply error(int status, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("message", message);
    return new SimReply(status, body);
  }

  /** GitLab's OAuth-style error body: {@code {"error": ..., "error_description": ..., "scope": ...}}. */
  static SimReply oauthError(int status, String error, String description) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    if (description != null) {
      body.put("error_description", description);
      body.put("scope", "api read_api");
    }
    return new SimReply(status, body);
  }

  @Override
  void serviceHeaders(HttpExchange exchange) {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("X-Request-Id", UUID.randomUUID().toString().replace("-", ""));
  }

  @Override
  SimReply serve(HttpExchange exchange, GitLabSimRoutes.Request request) {
    String privateToken = exchange.getRequestHeaders().getFirst("PRIVATE-TOKEN");
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (privateToken == null && authorization == null) {
      return request.route() == Route.USER ? error(401, "401 Unauthorized") : anonymous(request);
    }
    if (!settings.token.equals(privateToken) && !("Bearer " + settings.token).equals(authorization)) {
      return error(401, "401 Unauthorized");
    }
    if (!allowed(request.route())) {
      return oauthError(403, "insufficient_scope", "The request requires higher privileges than provided by the "
          + "access token.");
    }
    SimRateWindow.Turn turn = window.take();
    if (!turn.allowed()) {
      counters.throttled();
      return throttled(turn, turn.secondsToReset());
    }
    Optional<Fault> fault = faults.next(request.route(), Optional.empty(), true);
    if (fault.isEmpty()) {
      return rated(routes.answer(request), turn);
    }
    counters.fault(fault.get());
    if (fault.get() == Fault.TOO_MANY_REQUESTS) {
      counters.throttled();
      return throttled(turn, settings.retryAfter.getSeconds());
    }
    return fault.get() == Fault.SERVICE_UNAVAILABLE ? error(503, "503 Service Unavailable")
        : rated(routes.answer(request).malformed(), turn);
  }

  /** What an unauthenticated request sees of private groups: none listed, each one 404. */
  private SimReply anonymous(GitLabSimRoutes.Request request) {
    if (request.route() == Route.GROUPS) {
      return new SimReply(200, java.util.List.of()).header("x-total", "0").header("x-page", "1");
    }
    return request.route() == Route.UNMATCHED ? oauthError(404, "404 Not Found", null)
        : GitLabSimRoutes.notFound(request.route() == Route.NAMESPACE ? "Namespace" : "Group");
  }

  private boolean allowed(Route route) {
    if (settings.scopes.contains("api") || settings.scopes.contains("read_api")) {
      return true;
    }
    return route == Route.USER && settings.scopes.contains("read_user");
  }

  private static SimReply throttled(SimRateWindow.Turn turn, long retryAfterSeconds) {
    SimReply reply = new SimReply(429, RETRY_LATER).header("Content-Type", "text/plain")
        .header("Retry-After", String.valueOf(retryAfterSeconds));
    return rateHeaders(reply, turn);
  }

  private SimReply rated(SimReply reply, SimRateWindow.Turn turn) {
    return settings.rateHeadersOnEveryAnswer ? rateHeaders(reply, turn) : reply;
  }

  /** The RateLimit-* headers of GitLab's throttle_authenticated_api. */
  private static SimReply rateHeaders(SimReply reply, SimRateWindow.Turn turn) {
    return reply.header("RateLimit-Name", "throttle_authenticated_api")
        .header("RateLimit-Limit", String.valueOf(turn.limit()))
        .header("RateLimit-Observed", String.valueOf(turn.used()))
        .header("RateLimit-Remaining", String.valueOf(turn.remaining()))
        .header("RateLimit-Reset", String.valueOf(turn.resetEpoch()))
        .header("RateLimit-ResetTime", DateTimeFormatter.RFC_1123_DATE_TIME
            .format(Instant.ofEpochSecond(turn.resetEpoch()).atOffset(ZoneOffset.UTC)));
  }
}
