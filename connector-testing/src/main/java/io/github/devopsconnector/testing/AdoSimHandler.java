package io.github.devopsconnector.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.testing.AdoSimWorld.Lookup;
import io.github.devopsconnector.testing.AdoSimWorld.OrgView;
import io.github.devopsconnector.testing.AdoSimWorld.Reply;
import io.github.devopsconnector.testing.AzureDevOpsSimulator.Counters;
import io.github.devopsconnector.testing.AzureDevOpsSimulator.Fault;
import io.github.devopsconnector.testing.AzureDevOpsSimulator.Route;
import io.github.devopsconnector.testing.AzureDevOpsSimulator.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one request: routes it, checks the credential, applies the rate limit and any fault, and writes the
 * world's answer. Credentials are compared in constant time and never logged.
 */
final class AdoSimHandler implements HttpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(AzureDevOpsSimulator.class);
  /** The largest single write to a response body; see {@link #sendBody}. */
  private static final int WRITE_CHUNK = 8 * 1024;
  private static final String JSON = "application/json; charset=utf-8";
  private static final String RATE_RESOURCE = "Core";
  private static final int DEFAULT_RATE_LIMIT = 200;
  private static final Map<Route, String> API_VERSIONS = new EnumMap<>(Route.class);
  private static final String SIGN_IN_PAGE = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      + "<title>Azure DevOps Services | Sign In</title></head><body><h1>Sign in</h1>"
      + "<p>Sign in to your account to continue to Azure DevOps.</p></body></html>\n";

  static {
    // The organization policy API is undocumented and has no location data: the one version known to answer.
    API_VERSIONS.put(Route.OAUTH_POLICY, "5.0-preview.1");
    // The REST reference documents Service Principal Entitlements - Get only at 7.1-preview.1.
    API_VERSIONS.put(Route.SERVICE_PRINCIPAL_ENTITLEMENT, "7.1-preview.1");
  }

  private final AdoSimWorld world;
  private final Settings settings;
  private final Counters counters;
  private final AdoSimFaults faults;
  private final AdoSimRateLimiter limiter;
  private final ObjectMapper mapper;
  private final byte[] pat;
  private final byte[] bearer;

  AdoSimHandler(AdoSimWorld world, Settings settings, Counters counters, AdoSimFaults faults,
      AdoSimRateLimiter limiter, ObjectMapper mapper) {
    this.mapper = mapper;
    this.world = world;
    this.settings = settings;
    this.counters = counters;
    this.faults = faults;
    this.limiter = limiter;
    this.pat = settings.personalAccessToken.getBytes(StandardCharsets.UTF_8);
    this.bearer = settings.bearerToken == null ? null : settings.bearerToken.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void handle(HttpExchange exchange) {
    Request request = Request.parse(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
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

  private void serve(HttpExchange exchange, Request request) throws IOException {
    boolean head = request.method.equals("HEAD");
    Optional<String> identity = authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
    if (identity.isEmpty()) {
      String redirect = exchange.getRequestHeaders().getFirst("X-TFS-FedAuthRedirect");
      if (redirect != null && redirect.trim().equalsIgnoreCase("Suppress")) {
        Reply reply = Reply.error(401, "TF400813: Resource not available for anonymous access. Client "
            + "authentication required.", AdoSimWorld.UNAUTHORIZED_TYPE, "UnauthorizedRequestException")
            .withHeader("WWW-Authenticate", "Bearer authorization_uri=https://login.microsoftonline.com/common");
        write(exchange, request, reply, null);
      } else {
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        byte[] page = SIGN_IN_PAGE.getBytes(StandardCharsets.UTF_8);
        sendBody(exchange, request, 203, head ? null : page);
      }
      return;
    }

    Map<String, String> advisory = Map.of();
    if (limiter != null) {
      AdoSimRateLimiter.Decision decision = limiter.acquire(identity.get(), System.nanoTime());
      if (!decision.allowed()) {
        counters.throttled();
        write(exchange, request, throttled(seconds(decision.retryAfterNanos()), limiter.limit(),
            seconds(decision.untilEmptyNanos())), null);
        return;
      }
      if (decision.near()) {
        advisory = rateHeaders(decision, limiter.limit());
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
      Optional<Reply> refusal = world.tokenRefusal(request.route, request.organization);
      if (refusal.isPresent()) {
        write(exchange, request, refusal.get(), null);
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
          double wait = Math.max(1, Math.ceil(seconds(settings.retryAfter.toNanos())));
          write(exchange, request, throttled(wait, limiter == null ? DEFAULT_RATE_LIMIT : limiter.limit(), wait),
              null);
          return;
        case SERVICE_UNAVAILABLE:
          Reply unavailable = Reply.error(503, "The service is temporarily unavailable. Try again later.",
              "Microsoft.VisualStudio.Services.Common.VssServiceUnavailableException, "
                  + "Microsoft.VisualStudio.Services.Common", "VssServiceUnavailableException");
          if (!settings.retryAfter.isZero()) {
            unavailable = unavailable.withHeader("Retry-After",
                Long.toString((long) Math.ceil(seconds(settings.retryAfter.toNanos()))));
          }
          write(exchange, request, unavailable, null);
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

    Reply reply = route(request, exchange);
    for (Map.Entry<String, String> header : advisory.entrySet()) {
      reply = reply.withHeader(header.getKey(), header.getValue());
    }
    write(exchange, request, reply, corruption);
  }

  private Reply route(Request request, HttpExchange exchange) {
    if (request.route == Route.UNMATCHED) {
      if (request.methodNotAllowed) {
        return Reply.error(405, "The requested resource does not support http method '" + request.method + "'.",
            "System.Web.Http.HttpResponseException, System.Web.Http", "HttpResponseException");
      }
      String path = request.path.length() > 200 ? request.path.substring(0, 200) : request.path;
      return Reply.error(404, "The controller for path '" + path
          + "' was not found or does not implement IController.", "System.Web.HttpException, System.Web",
          "HttpException");
    }
    OrgView org = null;
    if (request.organization != null) {
      Lookup lookup = world.organization(request.organization);
      if (lookup.failure() != null) {
        return lookup.failure();
      }
      org = lookup.view();
    }
    if (request.route == Route.LOCATIONS) {
      // OPTIONS carries no api-version: it is how a client learns which versions exist (VsoClient.js).
      return AdoSimLocations.options(request.parameters.isEmpty() ? null : request.parameters.get(0),
          org == null ? AdoSimLocations.Host.ROOT : AdoSimLocations.Host.ORGANIZATION);
    }
    Optional<Reply> versionProblem = checkApiVersion(request, exchange);
    if (versionProblem.isPresent()) {
      return versionProblem.get();
    }
    switch (request.route) {
      case PROFILE:
        return world.profile();
      case ACCOUNTS:
        return world.accounts(request.query);
      case CONNECTION_DATA:
        return world.connectionData(org);
      case RESOURCE_AREAS:
        return AdoSimLocations.resourceAreas(world.base(), org == null ? null : org.segment);
      case PROJECTS:
        return world.projects(org, request.query);
      case PROJECT:
        return world.project(org, request.parameters.get(0));
      case BUILD_DEFINITIONS:
        return world.buildDefinitions(org, request.project, request.query);
      case ORGANIZATION_REPOSITORIES:
        return world.repositories(org);
      case PROJECT_REPOSITORIES:
        return world.repositories(org, request.project);
      case PIPELINES:
        return world.pipelines(org, request.project, request.query);
      case USER_ENTITLEMENT:
        return world.entitlement(org, request.parameters.get(0));
      case SERVICE_PRINCIPAL_ENTITLEMENT:
        return world.servicePrincipalEntitlement(org, request.parameters.get(0));
      case GRAPH_DESCRIPTOR:
        return world.descriptor(org, request.parameters.get(0));
      case GROUPS:
        return world.groups(org, request.query);
      case MEMBERSHIP_CHECK:
        return world.membershipCheck(org, request.parameters.get(0), request.parameters.get(1));
      case MEMBERSHIPS:
        return world.memberships(org, request.parameters.get(0), request.query);
      case OAUTH_POLICY:
        return world.policy(org, request.parameters.get(0));
      default:
        throw new IllegalStateException("Unrouted " + request.route);
    }
  }

  private static Optional<Reply> checkApiVersion(Request request, HttpExchange exchange) {
    String given = request.query.get("api-version");
    if (given == null) {
      String accept = exchange.getRequestHeaders().getFirst("Accept");
      int at = accept == null ? -1 : accept.toLowerCase(Locale.ROOT).indexOf("api-version=");
      if (at >= 0) {
        given = accept.substring(at + "api-version=".length()).split("[;,\\s]", 2)[0];
      }
    }
    if (given == null || given.isBlank()) {
      if (request.route == Route.CONNECTION_DATA) {
        // azure-devops-node-api's WebApi.connect() reads connectionData without an api-version, and the service
        // answers it with its current version.
        return Optional.empty();
      }
      return Optional.of(Reply.error(400, "No api-version was supplied for the \"" + request.method
          + "\" request. The version must be supplied either as part of the Accept header (e.g. "
          + "\"application/json; api-version=1.0\") or as a query parameter (e.g. '?api-version=1.0').",
          "Microsoft.VisualStudio.Services.WebApi.VssVersionNotSpecifiedException, "
              + "Microsoft.VisualStudio.Services.WebApi", "VssVersionNotSpecifiedException"));
    }
    String expected = API_VERSIONS.get(request.route);
    if (expected == null) {
      return AdoSimLocations.checkVersion(request.route, given);
    }
    if (!given.trim().equalsIgnoreCase(expected)) {
      return Optional.of(Reply.error(400, "The requested api-version '" + given + "' is not served by this route; "
          + "the wire contract uses api-version=" + expected + " for " + request.route.template() + ".",
          "Microsoft.VisualStudio.Services.WebApi.VssInvalidApiVersionException, "
              + "Microsoft.VisualStudio.Services.WebApi", "VssInvalidApiVersionException"));
    }
    return Optional.empty();
  }

  private Optional<String> authenticate(String header) {
    if (header == null) {
      return Optional.empty();
    }
    String trimmed = header.trim();
    int space = trimmed.indexOf(' ');
    if (space < 0) {
      return Optional.empty();
    }
    String scheme = trimmed.substring(0, space);
    String credential = trimmed.substring(space + 1).trim();
    if (scheme.equalsIgnoreCase("Basic")) {
      byte[] decoded;
      try {
        decoded = Base64.getDecoder().decode(credential);
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
      int colon = -1;
      for (int i = 0; i < decoded.length; i++) {
        if (decoded[i] == ':') {
          colon = i;
          break;
        }
      }
      if (colon < 0) {
        return Optional.empty();
      }
      byte[] secret = Arrays.copyOfRange(decoded, colon + 1, decoded.length);
      return MessageDigest.isEqual(secret, pat) ? Optional.of("pat") : Optional.empty();
    }
    if (scheme.equalsIgnoreCase("Bearer") && bearer != null) {
      return MessageDigest.isEqual(credential.getBytes(StandardCharsets.UTF_8), bearer)
          ? Optional.of("bearer") : Optional.empty();
    }
    return Optional.empty();
  }

  /**
   * A blocked request: 429 with {@code TF400733} and {@code Retry-After}, as "Rate and usage limits" documents;
   * {@code X-RateLimit-Remaining} is 0 ("If requests are already delayed or blocked, it's 0"). No
   * {@code X-RateLimit-Delay}: a blocked request was not delayed.
   */
  private static Reply throttled(double retrySeconds, double limit, double resetSeconds) {
    Reply reply = Reply.error(429, "TF400733: The request has been canceled: Request was blocked due to exceeding "
        + "usage of resource '" + RATE_RESOURCE + "' in namespace 'User'.",
        "Microsoft.TeamFoundation.Framework.Server.RequestBlockedException, "
            + "Microsoft.TeamFoundation.Framework.Server", "RequestBlockedException");
    reply = reply.withHeader("Retry-After", Long.toString(Math.max(1, (long) Math.ceil(retrySeconds))));
    for (Map.Entry<String, String> header : rateHeaders(0, limit, resetSeconds).entrySet()) {
      reply = reply.withHeader(header.getKey(), header.getValue());
    }
    return reply;
  }

  /**
   * The headers of a served request near or past the limit. "Except for X-RateLimit-Delay, all these headers are
   * sent before requests start getting delayed"; {@code X-RateLimit-Delay} and {@code Retry-After} (which "still
   * returns HTTP 200") only once the request was held back.
   */
  private static Map<String, String> rateHeaders(AdoSimRateLimiter.Decision decision, double limit) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (decision.delayNanos() > 0) {
      headers.put("Retry-After", Long.toString(Math.max(1, (long) Math.ceil(seconds(decision.retryAfterNanos())))));
      headers.put("X-RateLimit-Delay", String.format(Locale.ROOT, "%.3f", seconds(decision.delayNanos())));
    }
    headers.putAll(rateHeaders(decision.remaining(), limit, seconds(decision.untilEmptyNanos())));
    return headers;
  }

  /** {@code X-RateLimit-Resource}, {@code -Limit}, {@code -Remaining} and {@code -Reset} (Unix epoch seconds). */
  private static Map<String, String> rateHeaders(long remaining, double limit, double resetSeconds) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-RateLimit-Resource", RATE_RESOURCE);
    headers.put("X-RateLimit-Limit", Long.toString((long) Math.floor(limit)));
    headers.put("X-RateLimit-Remaining", Long.toString(remaining));
    long reset = (long) Math.ceil((System.currentTimeMillis() + resetSeconds * 1000) / 1000.0);
    headers.put("X-RateLimit-Reset", Long.toString(reset));
    return headers;
  }

  private void write(HttpExchange exchange, Request request, Reply reply, Fault corruption) throws IOException {
    Headers headers = exchange.getResponseHeaders();
    reply.headers.forEach(headers::set);
    byte[] body = null;
    if (reply.json != null || reply.encoded != null) {
      headers.set("Content-Type", JSON);
      try {
        body = reply.encoded != null ? reply.encoded : mapper.writeValueAsBytes(reply.json);
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
      // Corruptions below make copies: an encoded page is shared by every request for it.
      if (corruption == Fault.MALFORMED_JSON) {
        // A second opening brace where a field name must come: invalid from the first characters on.
        byte[] broken = new byte[body.length + 1];
        broken[0] = '{';
        System.arraycopy(body, 0, broken, 1, body.length);
        body = broken;
      } else if (corruption == Fault.TRUNCATED_JSON) {
        body = Arrays.copyOf(body, body.length / 2);
      }
    }
    sendBody(exchange, request, reply.status, request.method.equals("HEAD") ? null : body);
  }

  private static void sendBody(HttpExchange exchange, Request request, int status, byte[] body) throws IOException {
    LOG.debug("Simulator answered {} with {}", request.route.template(), status);
    if (body == null || body.length == 0) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      // The JDK server grows each connection's write buffer to twice its largest single write and keeps it for the
      // connection's life: one write of a 2,000-repository listing (about 3 MB) would pin about 6 MB per
      // connection. Bounded writes keep that buffer small: 8 KB writes keep it at a few tens of KB per connection.
      for (int offset = 0; offset < body.length; offset += WRITE_CHUNK) {
        out.write(body, offset, Math.min(WRITE_CHUNK, body.length - offset));
      }
    }
  }

  private static double seconds(long nanos) {
    return Duration.ofNanos(Math.max(0, nanos)).toMillis() / 1000.0;
  }

  private static void drain(InputStream in) throws IOException {
    try (in) {
      in.transferTo(OutputStream.nullOutputStream());
    }
  }

  /** A parsed request: the route, its path values and its query. */
  static final class Request {
    final String method;
    final String path;
    final Route route;
    final boolean methodNotAllowed;
    final String organization;
    final String project;
    final List<String> parameters;
    final Map<String, String> query;

    private Request(String method, String path, Route route, boolean methodNotAllowed, String organization,
        String project, List<String> parameters, Map<String, String> query) {
      this.method = method;
      this.path = path;
      this.route = route;
      this.methodNotAllowed = methodNotAllowed;
      this.organization = organization;
      this.project = project;
      this.parameters = parameters;
      this.query = query;
    }

    Optional<OrganizationName> organizationName() {
      return organization != null && OrganizationName.isValid(organization)
          ? Optional.of(OrganizationName.parse(organization)) : Optional.empty();
    }

    static Request parse(String method, String rawPath, String rawQuery) {
      String upperMethod = method.toUpperCase(Locale.ROOT);
      String path = rawPath == null ? "/" : rawPath;
      List<String> segments = new ArrayList<>();
      for (String part : path.split("/")) {
        if (!part.isEmpty()) {
          segments.add(decodePath(part));
        }
      }
      Map<String, String> query = parseQuery(rawQuery);
      Match match = match(segments, upperMethod);
      if (match == null) {
        return new Request(upperMethod, path, Route.UNMATCHED, false, null, null, List.of(), query);
      }
      String expectedMethod = match.route == Route.MEMBERSHIP_CHECK ? "HEAD"
          : match.route == Route.LOCATIONS ? "OPTIONS" : "GET";
      if (!upperMethod.equals(expectedMethod)) {
        return new Request(upperMethod, path, Route.UNMATCHED, true, null, null, List.of(), query);
      }
      return new Request(upperMethod, path, match.route, false, match.organization, match.project,
          match.parameters, query);
    }

    private static Match match(List<String> s, String method) {
      int n = s.size();
      if (method.equals("OPTIONS")) {
        // The location service: OPTIONS {host}/_apis[/{area}] (VsoClient.js beginGetAreaLocations).
        if ((n == 1 || n == 2) && is(s, 0, "_apis")) {
          return new Match(Route.LOCATIONS, null, null, n == 2 ? List.of(s.get(1)) : List.of());
        }
        if ((n == 2 || n == 3) && is(s, 1, "_apis")) {
          return new Match(Route.LOCATIONS, s.get(0), null, n == 3 ? List.of(s.get(2)) : List.of());
        }
        return null;
      }
      if (n == 2 && is(s, 0, "_apis") && is(s, 1, "ResourceAreas")) {
        return new Match(Route.RESOURCE_AREAS, null, null, List.of());
      }
      if (n == 3 && is(s, 1, "_apis") && is(s, 2, "ResourceAreas")) {
        return new Match(Route.RESOURCE_AREAS, s.get(0), null, List.of());
      }
      if (n >= 1 && is(s, 0, "_apis")) {
        if (n == 4 && is(s, 1, "profile") && is(s, 2, "profiles") && is(s, 3, "me")) {
          return new Match(Route.PROFILE, null, null, List.of());
        }
        if (n == 2 && is(s, 1, "accounts")) {
          return new Match(Route.ACCOUNTS, null, null, List.of());
        }
        return null;
      }
      if (n >= 3 && is(s, 1, "_apis")) {
        String org = s.get(0);
        if (n == 3 && is(s, 2, "connectionData")) {
          return new Match(Route.CONNECTION_DATA, org, null, List.of());
        }
        if (n == 3 && is(s, 2, "projects")) {
          return new Match(Route.PROJECTS, org, null, List.of());
        }
        if (n == 4 && is(s, 2, "projects")) {
          return new Match(Route.PROJECT, org, null, List.of(s.get(3)));
        }
        if (n == 4 && is(s, 2, "git") && is(s, 3, "repositories")) {
          return new Match(Route.ORGANIZATION_REPOSITORIES, org, null, List.of());
        }
        if (n == 4 && is(s, 2, "userentitlements")) {
          return new Match(Route.USER_ENTITLEMENT, org, null, List.of(s.get(3)));
        }
        if (n == 4 && is(s, 2, "serviceprincipalentitlements")) {
          return new Match(Route.SERVICE_PRINCIPAL_ENTITLEMENT, org, null, List.of(s.get(3)));
        }
        if (n == 5 && is(s, 2, "graph") && is(s, 3, "descriptors")) {
          return new Match(Route.GRAPH_DESCRIPTOR, org, null, List.of(s.get(4)));
        }
        if (n == 4 && is(s, 2, "graph") && is(s, 3, "groups")) {
          return new Match(Route.GROUPS, org, null, List.of());
        }
        if (n == 6 && is(s, 2, "graph") && is(s, 3, "memberships")) {
          return new Match(Route.MEMBERSHIP_CHECK, org, null, List.of(s.get(4), s.get(5)));
        }
        if (n == 5 && is(s, 2, "graph") && is(s, 3, "memberships")) {
          return new Match(Route.MEMBERSHIPS, org, null, List.of(s.get(4)));
        }
        if (n == 5 && is(s, 2, "OrganizationPolicy") && is(s, 3, "Policies")) {
          return new Match(Route.OAUTH_POLICY, org, null, List.of(s.get(4)));
        }
        return null;
      }
      if (n >= 4 && is(s, 2, "_apis")) {
        if (n == 5 && is(s, 3, "git") && is(s, 4, "repositories")) {
          return new Match(Route.PROJECT_REPOSITORIES, s.get(0), s.get(1), List.of());
        }
        if (n == 4 && is(s, 3, "pipelines")) {
          return new Match(Route.PIPELINES, s.get(0), s.get(1), List.of());
        }
        if (n == 5 && is(s, 3, "build") && is(s, 4, "definitions")) {
          return new Match(Route.BUILD_DEFINITIONS, s.get(0), s.get(1), List.of());
        }
      }
      return null;
    }

    private static boolean is(List<String> segments, int index, String literal) {
      return segments.get(index).equalsIgnoreCase(literal);
    }

    /** Percent-decodes a path segment; unlike a query, a {@code +} in a path is a plus sign. */
    private static String decodePath(String segment) {
      try {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return segment;
      }
    }

    /** Query parameters, names ignoring case as in ASP.NET; the first value of a repeated name wins. */
    private static Map<String, String> parseQuery(String rawQuery) {
      Map<String, String> query = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      if (rawQuery == null || rawQuery.isEmpty()) {
        return query;
      }
      for (String pair : rawQuery.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = decodeQuery(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decodeQuery(pair.substring(eq + 1));
        query.putIfAbsent(name, value);
      }
      return query;
    }

    private static String decodeQuery(String text) {
      try {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return text;
      }
    }

    private static final class Match {
      final Route route;
      final String organization;
      final String project;
      final List<String> parameters;

      Match(Route route, String organization, String project, List<String> parameters) {
        this.route = route;
        this.organization = organization;
        this.project = project;
        this.parameters = parameters;
      }
    }
  }
}
