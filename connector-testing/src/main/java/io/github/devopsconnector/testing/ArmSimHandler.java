package io.github.devopsconnector.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.devopsconnector.testing.ArmSimulator.Fault;
import io.github.devopsconnector.testing.ArmSimulator.LostResponse;
import io.github.devopsconnector.testing.ArmSimulator.Route;
import io.github.devopsconnector.testing.ArmSimulatorExchange.Request;
import io.github.devopsconnector.testing.ArmSimulatorExchange.Response;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ARM simulator's HTTP protocol: counts the request, injects faults, identifies the caller, spends the
 * subscription's request budget, parses the JSON body, lets the routes answer, and writes (or loses) the answer.
 */
final class ArmSimHandler implements HttpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ArmSimulator.class);

  private final ArmSimRoutes routes;
  private final ArmSimThrottle throttle;
  private final SimulatorCounters<Route, Fault> counters;
  private final SimFaults<Route, Fault> faults;
  private final ArmSimLosses losses;
  private final ArmSimulatorOptions options;
  private final Duration latency;
  private final String endpoint;

  ArmSimHandler(ArmSimRoutes routes, ArmSimulatorOptions options, Duration latency, SimulatorCounters<Route, Fault> counters,
      SimFaults<Route, Fault> faults, ArmSimLosses losses, String endpoint) {
    this.routes = routes;
    this.throttle = new ArmSimThrottle(options);
    this.options = options;
    this.latency = latency;
    this.counters = counters;
    this.faults = faults;
    this.losses = losses;
    this.endpoint = endpoint;
  }

  @Override
  public void handle(HttpExchange exchange) {
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    String path = exchange.getRequestURI().getRawPath();
    List<String> segments = SimRequests.segments(path);
    Route route = ArmSimRoutes.route(segments);
    counters.enter(route);
    try (exchange) {
      Response response;
      try {
        response = answer(exchange, method, path, segments, route);
        LostResponse lost = response == null ? null : losses.lost(route, method, response.status);
        if (response == null || lost == LostResponse.CONNECTION_DROPPED) {
          LOG.debug("ARM simulator drops the answer to {} {}", method, path);
          return;
        }
        if (lost == LostResponse.GATEWAY_TIMEOUT) {
          response = ArmSimJson.error(504, "GatewayTimeout", "The gateway did not receive a response from "
              + "'Microsoft.Security' within the specified time period.");
        }
      } catch (RuntimeException e) {
        LOG.warn("ARM simulator failed on {} {}: {}", method, path, e.getClass().getName());
        response = ArmSimJson.error(500, "InternalServerError", "The simulator failed to answer.");
      }
      write(exchange, response);
    } catch (IOException | RuntimeException e) {
      LOG.warn("ARM simulator failed to answer {} {}: {}", method, path, e.toString());
    } finally {
      counters.exit();
    }
  }

  /** The answer, or {@code null} to close the connection without one. */
  private Response answer(HttpExchange exchange, String method, String path, List<String> segments, Route route)
      throws IOException {
    SimRequests.sleep(latency);
    byte[] raw = SimRequests.readBody(exchange.getRequestBody());
    Optional<Fault> fault = faults.next(route, Optional.empty(), true);
    if (fault.isPresent()) {
      Arrays.fill(raw, (byte) 0);
      return fault(fault.get());
    }
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    String identity = ArmSimTokens.identity(authorization);
    if (identity == null) {
      boolean missing = authorization == null;
      return ArmSimJson.error(401, missing ? "AuthenticationFailed" : "InvalidAuthenticationToken",
          missing ? "Authentication failed. The 'Authorization' header is missing."
              : "The access token is invalid: the simulator accepts 'Bearer sim-<identityId>'.")
          .header("WWW-Authenticate", "Bearer authorization_uri=\"https://login.microsoftonline.com/common\"");
    }
    String kind = ArmSimThrottle.kind(method);
    String subscription = segments.size() > 1 && segments.get(0).equalsIgnoreCase("subscriptions") ? segments.get(1)
        : "";
    long tokens = throttle.take(subscription, identity, kind);
    String budgetHeader = "x-ms-ratelimit-remaining-subscription-" + kind;
    if (tokens < 0) {
      counters.throttled();
      Arrays.fill(raw, (byte) 0);
      return ArmSimJson.error(429, "SubscriptionRequestsThrottled", "Number of '" + kind.substring(0,
          kind.length() - 1) + "' requests for subscription '" + subscription + "' actor '" + identity + "' exceeded. "
          + "Please try again after '" + (-tokens) + "' seconds after additional tokens are available.")
          .header("Retry-After", Long.toString(-tokens)).header(budgetHeader, "0");
    }
    JsonNode body = null;
    if (raw.length > 0) {
      try {
        body = ArmSimJson.JSON.readTree(raw);
      } catch (JsonProcessingException e) {
        return ArmSimJson.error(400, "InvalidRequestContent", "The request content is not valid JSON.");
      } finally {
        Arrays.fill(raw, (byte) 0);
      }
    }
    Map<String, String> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((name, values) -> {
      if (!values.isEmpty()) {
        headers.put(name.toLowerCase(Locale.ROOT), values.get(0));
      }
    });
    Request request = new Request(method, path, segments, SimRequests.query(exchange.getRequestURI().getRawQuery()),
        headers, identity, body, endpoint);
    return routes.handle(route, request).header(budgetHeader, Long.toString(tokens));
  }

  /** An injected fault, answered before the request has any effect. */
  private Response fault(Fault fault) {
    counters.fault(fault);
    String retryAfter = Integer.toString(options.retryAfterSeconds());
    switch (fault) {
      case THROTTLE:
        counters.throttled();
        return ArmSimJson.error(429, "TooManyRequests", "The request is being throttled; retry later.")
            .header("Retry-After", retryAfter);
      case SERVICE_UNAVAILABLE:
        return ArmSimJson.error(503, "ServiceUnavailable", "The service is temporarily unavailable.")
            .header("Retry-After", retryAfter);
      case DROP_CONNECTION:
      default:
        return null;
    }
  }

  private void write(HttpExchange exchange, Response response) throws IOException {
    response.headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    exchange.getResponseHeaders().set("x-ms-request-id", UUID.randomUUID().toString());
    LOG.debug("ARM simulator {} {} -> {}", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
        response.status);
    if (response.body == null) {
      exchange.sendResponseHeaders(response.status, -1);
      return;
    }
    byte[] bytes = ArmSimJson.JSON.writeValueAsBytes(response.body);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(response.status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
