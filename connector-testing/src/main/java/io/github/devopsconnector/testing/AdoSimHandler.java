package io.github.devopsconnector.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.devopsconnector.testing.AzureDevOpsSimulator.Fault;
import io.github.devopsconnector.testing.AzureDevOpsSimulator.Route;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Azure DevOps simulator's HTTP protocol: serves one request: parses it, checks the credential, applies the
 * rate limit and any fault, and writes the router's answer.
 */
final class AdoSimHandler implements HttpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(AzureDevOpsSimulator.class);
  private static final int DEFAULT_RATE_LIMIT = 200;
  private static final String SIGN_IN_PAGE = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      + "<title>Azure DevOps Services | Sign In</title></head><body><h1>Sign in</h1>"
      + "<p>Sign in to your account to continue to Azure DevOps.</p></body></html>\n";

  private final AdoSimWorld world;
  private final AdoSimRouter router;
  private final AdoSimSettings settings;
  private final SimulatorCounters<Route, Fault> counters;
  private final SimFaults<Route, Fault> faults;
  private final AdoSimRateLimiter limiter;
  private final AdoSimResponses responses;
  private final AdoSimCredentials credentials;

  private AdoSimHandler(AdoSimWorld world, AdoSimSettings settings, SimulatorCounters<Route, Fault> counters,
      SimFaults<Route, Fault> faults, AdoSimRateLimiter limiter, ObjectMapper mapper) {
    this.responses = new AdoSimResponses(mapper);
    this.world = world;
    this.router = new AdoSimRouter(world);
    this.settings = settings;
    this.counters = counters;
    this.faults = faults;
    this.limiter = limiter;
    this.credentials = new AdoSimCredentials(settings.personalAccessToken, settings.bearerToken);
  }

  /** The handler of an estate served at this endpoint, with its pages encoded first when the settings ask. */
  static AdoSimHandler create(Estate estate, String endpoint, AdoSimSettings settings,
      SimulatorCounters<Route, Fault> counters, SimFaults<Route, Fault> faults, AdoSimRateLimiter limiter) {
    AdoSimWorld world = new AdoSimWorld(estate, endpoint, settings.projectPageSize, settings.groupPageSize);
    ObjectMapper mapper = new ObjectMapper();
    if (settings.preEncodedPages) {
      AdoSimPages pages = AdoSimPages.encode(world, mapper);
      world.usePages(pages);
      LOG.debug("Azure DevOps simulator pre-encoded {}", pages);
    }
    return new AdoSimHandler(world, settings, counters, faults, limiter, mapper);
  }

  @Override
  public void handle(HttpExchange exchange) {
    AdoSimRequest request = AdoSimRequest.parse(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
        exchange.getRequestURI().getRawQuery());
    counters.enter(request.route);
    try {
      drain(exchange.getRequestBody());
      if (!settings.latency.isZero()) {
        TimeUnit.NANOSECONDS.sleep(settings.latency.toNanos());
      }
      serve(exchange, request);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | UncheckedIOException e) {
      LOG.debug("Simulator could not answer {}: {}", request.route.template(), e.toString());
    } catch (RuntimeException e) {
      LOG.debug("Simulator failed on {}", request.route.template(), e);
    } finally {
      counters.exit();
      exchange.close();
    }
  }

  private void serve(HttpExchange exchange, AdoSimRequest request) throws IOException {
    boolean head = request.method.equals("HEAD");
    Optional<String> identity = credentials.authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
    if (identity.isEmpty()) {
      String redirect = exchange.getRequestHeaders().getFirst("X-TFS-FedAuthRedirect");
      if (redirect != null && redirect.trim().equalsIgnoreCase("Suppress")) {
        AdoSimReply reply = AdoSimReply.error(401, "TF400813: Resource not available for anonymous access. Client "
            + "authentication required.", AdoSimReply.UNAUTHORIZED_TYPE, "UnauthorizedRequestException")
            .withHeader("WWW-Authenticate", "Bearer authorization_uri=https://login.microsoftonline.com/common");
        responses.write(exchange, request, reply, null);
      } else {
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        byte[] page = SIGN_IN_PAGE.getBytes(StandardCharsets.UTF_8);
        AdoSimResponses.sendBody(exchange, request, 203, head ? null : page);
      }
      return;
    }

    Map<String, String> advisory = Map.of();
    if (limiter != null) {
      AdoSimRateLimiter.Decision decision = limiter.acquire(identity.get(), System.nanoTime());
      if (!decision.allowed()) {
        counters.throttled();
        responses.write(exchange, request, AdoSimRateHeaders.throttled(AdoSimRateHeaders.seconds(decision.retryAfterNanos()),
            limiter.limit(), AdoSimRateHeaders.seconds(decision.untilEmptyNanos())), null);
        return;
      }
      if (decision.near()) {
        advisory = AdoSimRateHeaders.rateHeaders(decision, limiter.limit());
      }
      if (decision.delayNanos() > 0) {
        // "Delays range from a few milliseconds per request up to 30 seconds": the request is held, then served.
        counters.delayed();
        try {
          TimeUnit.NANOSECONDS.sleep(decision.delayNanos());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }

    if (identity.get().equals("pat")) {
      Optional<AdoSimReply> refusal = world.tokenRefusal(request.route, request.organization);
      if (refusal.isPresent()) {
        responses.write(exchange, request, refusal.get(), null);
        return;
      }
    }

    Optional<Fault> fault = faults.next(request.route, request.organizationName(), !head);
    Fault corruption = null;
    if (fault.isPresent()) {
      counters.fault(fault.get());
      switch (fault.get()) {
        case THROTTLE:
          counters.throttled();
          double wait = Math.max(1, Math.ceil(AdoSimRateHeaders.seconds(settings.retryAfter.toNanos())));
          double limit = limiter == null ? DEFAULT_RATE_LIMIT : limiter.limit();
          responses.write(exchange, request, AdoSimRateHeaders.throttled(wait, limit, wait), null);
          return;
        case SERVICE_UNAVAILABLE:
          AdoSimReply unavailable = AdoSimReply.error(503, "The service is temporarily unavailable. Try again later.",
              "Microsoft.VisualStudio.Services.Common.VssServiceUnavailableException, "
                  + "Microsoft.VisualStudio.Services.Common", "VssServiceUnavailableException");
          if (!settings.retryAfter.isZero()) {
            unavailable = unavailable.withHeader("Retry-After",
                Long.toString((long) Math.ceil(AdoSimRateHeaders.seconds(settings.retryAfter.toNanos()))));
          }
          responses.write(exchange, request, unavailable, null);
          return;
        case DROP_CONNECTION:
          // Closing an exchange before its headers are sent closes the connection: the client reads nothing.
          LOG.debug("Simulator dropped the connection of {}", request.route.template());
          exchange.close();
          return;
        case MALFORMED_JSON:
        case TRUNCATED_JSON:
        default:
          corruption = fault.get();
          break;
      }
    }

    AdoSimReply reply = router.route(request, exchange.getRequestHeaders().getFirst("Accept"));
    for (Map.Entry<String, String> header : advisory.entrySet()) {
      reply = reply.withHeader(header.getKey(), header.getValue());
    }
    responses.write(exchange, request, reply, corruption);
  }

  private static void drain(InputStream in) throws IOException {
    try (in) {
      in.transferTo(OutputStream.nullOutputStream());
    }
  }
}
