package io.github.devopsconnector.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.devopsconnector.testing.ArmSimulatorExchange.Request;
import io.github.devopsconnector.testing.ArmSimulatorExchange.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A loopback Azure Resource Manager for Defender for Cloud DevOps connectors, so integrators and demos can create,
 * read, edit and delete connectors offline. It listens on {@code 127.0.0.1} on a free port ({@link #endpoint()})
 * and keeps everything in memory.
 *
 * <h2>What it serves</h2>
 * <ul>
 *   <li>{@code securityConnectors} per subscription and resource group: PUT, GET, PATCH, DELETE, and both lists,
 *       paged with {@code nextLink} ({@link ArmSimulatorOptions#pageSize()});</li>
 *   <li>{@code .../devops/default}: PUT, PATCH, GET, DELETE. As in the specification it has no {@code ETag} and
 *       ignores {@code If-Match}; with {@link ArmSimulatorOptions#devOpsEtags()} it sends an {@code ETag} that
 *       changes on every write, and {@code If-Match} with another etag answers {@code 412 PreconditionFailed}
 *       and changes nothing. A write with {@code autoDiscovery: Disabled} and no list onboards the organizations
 *       the code reaches at that moment (the specification's {@code OnboardCurrentOnly} example). Writes are
 *       long-running: 201/202 with {@code Azure-AsyncOperation} and {@code Retry-After}, and the operation reports
 *       {@link ArmSimulatorOptions#inProgressStatus()} for {@link ArmSimulatorOptions#pollsBeforeCompletion()} polls
 *       before it ends;</li>
 *   <li>the one-time code exchange: a write with {@code authorization.code} ends {@code Failed} with
 *       {@code TokenExchangeFailed} when the code is one of {@link ArmSimulatorOptions#expiredCodes()} or was sent
 *       before (codes work once). The identity that last exchanged a code is the connector's authorizing identity;
 *       a failed exchange keeps the requested settings and leaves the configuration {@code Failed};</li>
 *   <li>{@code azureDevOpsOrgs}, {@code projects} and {@code repos} of what the connector onboarded, and
 *       {@code POST listAvailableAzureDevOpsOrgs} with {@code onboardingState} for every organization of
 *       {@link ArmSimulatorOptions#organizations()}; it answers 401 to anyone but the authorizing identity. An
 *       organization selected by two simulated connectors belongs to the one created first;</li>
 *   <li>{@code Microsoft.Authorization/permissions} of a resource group, from
 *       {@link ArmSimulatorOptions#permissions()}; writes need {@code Microsoft.Security/securityConnectors/write}
 *       (403 {@code AuthorizationFailed} otherwise);</li>
 *   <li>the {@code Microsoft.Security} provider registration of a subscription; creating a connector in a
 *       subscription that is not {@code Registered} answers 409 {@code MissingSubscriptionRegistration}.</li>
 * </ul>
 *
 * <h2>Callers</h2>
 * Every request needs {@code Authorization: Bearer sim-<identityId>} ({@link #bearerToken(String)} makes the
 * token), or a JWT-shaped token whose {@code oid} claim is the identity id ({@link #bearerToken(ArmSimulatorPrincipal)});
 * the identity id is who the caller is ({@code systemData}, permissions, the authorizing identity). A
 * missing or malformed token answers 401.
 *
 * <h2>Faults and counters</h2>
 * {@link ArmSimulatorOptions#faultRate()} of the requests (seeded) answer 503 or 429 with {@code Retry-After}
 * instead, without side effects, and {@link ArmSimulatorOptions#latency()} delays every response.
 * {@link #loseResponses(Route, String, int, LostResponse)} loses answers after the request took effect (a 504 or a
 * dropped connection). Every answer carries {@code x-ms-ratelimit-remaining-subscription-reads}, {@code -writes}
 * or {@code -deletes} from a per-subscription token bucket ({@link ArmSimulatorOptions#readBudget()},
 * {@link ArmSimulatorOptions#writeBudget()}), and a request past the budget answers 429 with {@code Retry-After}.
 * {@link #requestCount(Route)} counts requests per route. The simulator never logs or echoes an authorization code
 * or token: it keeps only a hash of each code, to refuse it the second time.
 *
 * <p>The JDK {@code HttpServer} under it waits on delayed TCP acknowledgements (about 40 ms a response) unless the
 * JVM runs with {@code -Dsun.net.httpserver.nodelay=true}; set it in the test JVM for fast suites.
 */
public final class ArmSimulator implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ArmSimulator.class);
  private static final String TOKEN_PREFIX = "sim-";

  /** The routes the simulator counts requests of. */
  public enum Route {
    /** {@code GET /subscriptions/{sub}/providers/Microsoft.Security}. */
    PROVIDER,
    /** {@code GET .../resourceGroups/{rg}/providers/Microsoft.Authorization/permissions}. */
    PERMISSIONS,
    /** {@code GET /subscriptions/{sub}/providers/Microsoft.Security/securityConnectors}. */
    CONNECTORS_BY_SUBSCRIPTION,
    /** {@code GET .../resourceGroups/{rg}/providers/Microsoft.Security/securityConnectors}. */
    CONNECTORS_BY_RESOURCE_GROUP,
    /** {@code .../securityConnectors/{name}}. */
    CONNECTOR,
    /** {@code .../securityConnectors/{name}/devops/default}. */
    DEVOPS_CONFIGURATION,
    /** {@code .../devops/default/operationResults/{id}}. */
    OPERATION_RESULT,
    /** {@code POST .../devops/default/listAvailableAzureDevOpsOrgs}. */
    LIST_AVAILABLE_ORGS,
    /** {@code .../devops/default/azureDevOpsOrgs[/{org}]}. */
    AZURE_DEVOPS_ORGS,
    /** {@code .../azureDevOpsOrgs/{org}/projects[/{project}]}. */
    AZURE_DEVOPS_PROJECTS,
    /** {@code .../projects/{project}/repos[/{repo}]}. */
    AZURE_DEVOPS_REPOS,
    /** Anything else (answered 404). */
    UNKNOWN
  }

  /** How a response is lost after the request took effect. */
  public enum LostResponse {
    /** The write is applied, then the answer is a {@code 504 GatewayTimeout}, as from a gateway that gave up. */
    GATEWAY_TIMEOUT,
    /** The write is applied, then the connection is closed without an answer. */
    CONNECTION_DROPPED
  }

  private final ArmSimulatorOptions options;
  private final ArmSimulatorEngine engine;
  private final Map<String, LostResponse> losses = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> lossesLeft = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, double[]> buckets = new java.util.HashMap<>();
  private final AtomicLong throttled = new AtomicLong();
  private final HttpServer server;
  private final ExecutorService executor;
  private final String endpoint;
  private final Map<Route, AtomicLong> counts = new EnumMap<>(Route.class);
  private final AtomicLong faults = new AtomicLong();
  private final Random faultRandom;
  private final AtomicInteger nextFaultStatus = new AtomicInteger();

  private ArmSimulator(ArmSimulatorOptions options) throws IOException {
    this.options = options;
    this.engine = new ArmSimulatorEngine(options);
    this.faultRandom = new Random(options.faultSeed());
    for (Route route : Route.values()) {
      counts.put(route, new AtomicLong());
    }
    AtomicInteger threads = new AtomicInteger();
    this.executor = Executors.newFixedThreadPool(4, runnable -> {
      Thread thread = new Thread(runnable, "arm-simulator-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    this.server.createContext("/", this::serve);
    this.server.setExecutor(executor);
    this.server.start();
    this.endpoint = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * Starts a simulator with the default options.
   *
   * @throws UncheckedIOException if no loopback port could be opened
   */
  public static ArmSimulator start() {
    return start(ArmSimulatorOptions.defaults());
  }

  /**
   * Starts a simulator.
   *
   * @throws UncheckedIOException if no loopback port could be opened
   */
  public static ArmSimulator start(ArmSimulatorOptions options) {
    Objects.requireNonNull(options, "options");
    try {
      return new ArmSimulator(options);
    } catch (IOException e) {
      throw new UncheckedIOException("The ARM simulator could not listen on the loopback address.", e);
    }
  }

  /**
   * The bearer token the simulator accepts for an identity: {@code sim-<identityId>}. A {@code TokenCredential}
   * that returns it signs requests as that identity.
   *
   * @throws IllegalArgumentException if the id is blank or has characters other than letters, digits and
   *     {@code . _ @ -}
   */
  public static String bearerToken(String identityId) {
    if (!isValidIdentity(identityId)) {
      throw new IllegalArgumentException("An identity id has 1 to 128 letters, digits, '.', '_', '@' or '-'.");
    }
    return TOKEN_PREFIX + identityId;
  }

  /**
   * A credential that signs requests to the simulator as this identity: its tokens are
   * {@link #bearerToken(String) sim-&lt;identityId&gt;}, valid for an hour. Give it to
   * {@code DefenderConnectorClientBuilder.credential(...)}. It needs azure-core on the class or module path, which
   * connector-arm-client brings.
   *
   * <pre>{@code
   * DefenderConnectorClient client = new DefenderConnectorClientBuilder()
   *     .endpoint(arm.endpoint())
   *     .credential(ArmSimulator.credential("d6245f20-2af8-44f4-9451-8107cb2767db"))
   *     .buildClient();
   * }</pre>
   *
   * @param identityId who the caller is: an object id or any 1 to 128 letters, digits, {@code . _ @ -}
   * @return the credential
   * @throws IllegalArgumentException if the id is not valid
   */
  public static com.azure.core.credential.TokenCredential credential(String identityId) {
    return ArmSimulatorCredential.of(bearerToken(identityId));
  }

  /**
   * A bearer token shaped like a Microsoft Entra access token (an unsigned JWT) for a principal: its claims are
   * {@code oid} (the object id, who the caller is to the simulator), {@code upn} or {@code appid}, and {@code aud}
   * {@code https://management.azure.com}, as in the tokens ARM receives, so that a client can read the signed-in
   * identity from it. The simulator checks no signature.
   */
  public static String bearerToken(ArmSimulatorPrincipal principal) {
    Objects.requireNonNull(principal, "principal");
    if (!isValidIdentity(principal.objectId())) {
      throw new IllegalArgumentException("An object id has 1 to 128 letters, digits, '.', '_', '@' or '-'.");
    }
    com.fasterxml.jackson.databind.node.ObjectNode claims = ArmSimulatorEngine.JSON.createObjectNode();
    claims.put("aud", "https://management.azure.com");
    claims.put("oid", principal.objectId());
    principal.userPrincipalName().ifPresent(upn -> claims.put("upn", upn));
    principal.applicationId().ifPresent(app -> claims.put("appid", app));
    java.util.Base64.Encoder base64 = java.util.Base64.getUrlEncoder().withoutPadding();
    return base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
        + base64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + ".";
  }

  /** The base URL to point an ARM client at, {@code http://127.0.0.1:<port>}. */
  public String endpoint() {
    return endpoint;
  }

  /** The options it runs with. */
  public ArmSimulatorOptions options() {
    return options;
  }

  /** How many requests it received, faults included. */
  public long requestCount() {
    return counts.values().stream().mapToLong(AtomicLong::get).sum();
  }

  /** How many requests it received on one route, faults included. */
  public long requestCount(Route route) {
    return counts.get(Objects.requireNonNull(route, "route")).get();
  }

  /** How many requests were answered with an injected fault. */
  public long faultCount() {
    return faults.get();
  }

  /**
   * Loses the answers to the next {@code count} requests of this method on this route after they took effect:
   * the simulator applies the request (a write is saved, a one-time code exchanged) and then answers as
   * {@code how} says. Lets tests see what a client does when a write's response is lost.
   */
  public void loseResponses(Route route, String method, int count, LostResponse how) {
    String key = Objects.requireNonNull(route, "route") + " " + Objects.requireNonNull(method, "method")
        .toUpperCase(Locale.ROOT);
    losses.put(key, Objects.requireNonNull(how, "how"));
    lossesLeft.put(key, new AtomicInteger(count));
  }

  /** How many requests were answered 429 because a subscription's request budget was used up. */
  public long throttledCount() {
    return throttled.get();
  }

  /** Sets every counter back to zero. */
  public void resetCounters() {
    counts.values().forEach(count -> count.set(0));
    faults.set(0);
    throttled.set(0);
  }

  /** Replaces what an identity may do (what the permissions endpoint answers, and what writes check). */
  public void grant(String identityId, ArmSimulatorPermissions... permissions) {
    engine.grant(Objects.requireNonNull(identityId, "identityId"), Arrays.asList(permissions));
  }

  /** Sets a subscription's {@code Microsoft.Security} registration state, e.g. {@code NotRegistered}. */
  public void providerRegistrationState(String subscriptionId, String state) {
    engine.providerRegistrationState(Objects.requireNonNull(subscriptionId, "subscriptionId"),
        Objects.requireNonNull(state, "state"));
  }

  /** Makes a one-time code fail its exchange from now on, as if it had expired. */
  public void expireCode(String code) {
    engine.expireCode(Objects.requireNonNull(code, "code"));
  }

  /** The identity that last exchanged a code for this connector (its ARM resource id), if any. */
  public Optional<String> authorizingIdentity(String connectorResourceId) {
    return engine.authorizingIdentity(Objects.requireNonNull(connectorResourceId, "connectorResourceId"));
  }

  /** How many connectors exist. */
  public int connectorCount() {
    return engine.connectorCount();
  }

  /** Stops the server. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "ArmSimulator[" + endpoint + "]";
  }

  // ----------------------------------------------------------------------------------------------------- serving

  private void serve(HttpExchange exchange) {
    try (exchange) {
      Response response;
      try {
        response = answer(exchange);
        LostResponse lost = lost(exchange, response);
        if (lost == LostResponse.CONNECTION_DROPPED) {
          LOG.debug("ARM simulator drops the answer to {} {}", exchange.getRequestMethod(),
              exchange.getRequestURI().getRawPath());
          return;
        }
        if (lost == LostResponse.GATEWAY_TIMEOUT) {
          response = ArmSimulatorEngine.error(504, "GatewayTimeout", "The gateway did not receive a response from "
              + "'Microsoft.Security' within the specified time period.");
        }
      } catch (RuntimeException e) {
        LOG.warn("ARM simulator failed on {} {}: {}", exchange.getRequestMethod(),
            exchange.getRequestURI().getRawPath(), e.getClass().getName());
        response = ArmSimulatorEngine.error(500, "InternalServerError", "The simulator failed to answer.");
      }
      write(exchange, response);
    } catch (IOException | RuntimeException e) {
      LOG.warn("ARM simulator failed to answer {} {}: {}", exchange.getRequestMethod(),
          exchange.getRequestURI().getRawPath(), e.toString());
    }
  }

  private Response answer(HttpExchange exchange) throws IOException {
    sleep(options.latency());
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    String path = exchange.getRequestURI().getRawPath();
    List<String> segments = segments(path);
    ArmSimulator.Route route = ArmSimulatorEngine.route(segments);
    counts.get(route).incrementAndGet();
    byte[] raw = readBody(exchange.getRequestBody());

    Optional<Integer> fault = fault();
    if (fault.isPresent()) {
      faults.incrementAndGet();
      int status = fault.get();
      Response response = status == 429
          ? ArmSimulatorEngine.error(429, "TooManyRequests", "The request is being throttled; retry later.")
          : ArmSimulatorEngine.error(status, "ServiceUnavailable", "The service is temporarily unavailable.");
      return response.header("Retry-After", Integer.toString(options.retryAfterSeconds()));
    }

    String identity = identity(exchange.getRequestHeaders().getFirst("Authorization"));
    if (identity == null) {
      boolean missing = exchange.getRequestHeaders().getFirst("Authorization") == null;
      return ArmSimulatorEngine.error(401, missing ? "AuthenticationFailed" : "InvalidAuthenticationToken",
          missing ? "Authentication failed. The 'Authorization' header is missing."
              : "The access token is invalid: the simulator accepts 'Bearer sim-<identityId>'.")
          .header("WWW-Authenticate", "Bearer authorization_uri=\"https://login.microsoftonline.com/common\"");
    }

    String kind = method.equals("GET") || method.equals("HEAD") ? "reads" : method.equals("DELETE") ? "deletes"
        : "writes";
    String subscription = segments.size() > 1 && segments.get(0).equalsIgnoreCase("subscriptions") ? segments.get(1)
        : "";
    long tokens = takeToken(subscription, identity, kind);
    String budgetHeader = "x-ms-ratelimit-remaining-subscription-" + kind;
    if (tokens < 0) {
      throttled.incrementAndGet();
      Arrays.fill(raw, (byte) 0);
      return ArmSimulatorEngine.error(429, "SubscriptionRequestsThrottled", "Number of '" + kind.substring(0,
          kind.length() - 1) + "' requests for subscription '" + subscription + "' actor '" + identity + "' exceeded. "
          + "Please try again after '" + (-tokens) + "' seconds after additional tokens are available.")
          .header("Retry-After", Long.toString(-tokens)).header(budgetHeader, "0");
    }
    JsonNode body = null;
    if (raw.length > 0) {
      try {
        body = ArmSimulatorEngine.JSON.readTree(raw);
      } catch (JsonProcessingException e) {
        return ArmSimulatorEngine.error(400, "InvalidRequestContent", "The request content is not valid JSON.");
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
    Request request = new Request(method, path, segments, query(exchange.getRequestURI().getRawQuery()), headers,
        identity, body, endpoint);
    return engine.handle(route, request).header(budgetHeader, Long.toString(tokens));
  }

  /** Whether the answer to this (already applied) request is to be lost, and how. */
  private LostResponse lost(HttpExchange exchange, Response response) {
    if (losses.isEmpty() || response.status >= 400) {
      return null;
    }
    String key = ArmSimulatorEngine.route(segments(exchange.getRequestURI().getRawPath())) + " "
        + exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    AtomicInteger left = lossesLeft.get(key);
    if (left == null || left.getAndDecrement() <= 0) {
      return null;
    }
    return losses.get(key);
  }

  /**
   * Azure Resource Manager's subscription throttling: a token bucket per subscription, caller and kind of request
   * (https://learn.microsoft.com/azure/azure-resource-manager/management/request-limits-and-throttling). Takes a
   * token and returns the tokens left, or the seconds until one is back (negative) when none is left.
   */
  private long takeToken(String subscription, String identity, String kind) {
    boolean read = kind.equals("reads");
    double capacity = read ? options.readBudget() : options.writeBudget();
    double refill = read ? options.readRefillPerSecond() : options.writeRefillPerSecond();
    double now = options.clock().millis() / 1000.0;
    synchronized (buckets) {
      double[] bucket = buckets.computeIfAbsent(subscription.toLowerCase(Locale.ROOT) + "|" + identity + "|" + kind,
          k -> new double[] {capacity, now});
      bucket[0] = Math.min(capacity, bucket[0] + Math.max(0, now - bucket[1]) * refill);
      bucket[1] = now;
      if (bucket[0] < 1) {
        return -Math.max(1, (long) Math.ceil((1 - bucket[0]) / refill));
      }
      bucket[0] -= 1;
      return (long) Math.floor(bucket[0]);
    }
  }

  private Optional<Integer> fault() {
    if (options.faultRate() <= 0) {
      return Optional.empty();
    }
    synchronized (faultRandom) {
      if (faultRandom.nextDouble() >= options.faultRate()) {
        return Optional.empty();
      }
    }
    List<Integer> statuses = options.faultStatuses().isEmpty() ? List.of(503, 429) : options.faultStatuses();
    return Optional.of(statuses.get(Math.floorMod(nextFaultStatus.getAndIncrement(), statuses.size())));
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
    byte[] bytes = ArmSimulatorEngine.JSON.writeValueAsBytes(response.body);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(response.status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static String identity(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = authorization.substring(7).trim();
    if (token.startsWith(TOKEN_PREFIX)) {
      // sim-<id>, whatever dots the id has (first.last@contoso.com is not a JWT).
      String id = token.substring(TOKEN_PREFIX.length());
      return isValidIdentity(id) ? id : null;
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length == 3 && token.length() < 16_384) {
      try {
        JsonNode claims = ArmSimulatorEngine.JSON.readTree(java.util.Base64.getUrlDecoder().decode(parts[1]));
        String oid = claims.path("oid").asText("");
        return isValidIdentity(oid) ? oid : null;
      } catch (IOException | IllegalArgumentException notJwt) {
        return null;
      }
    }
    return null;
  }

  private static boolean isValidIdentity(String id) {
    if (id == null || id.isEmpty() || id.length() > 128) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '.' || c == '_' || c == '@' || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static List<String> segments(String rawPath) {
    List<String> segments = new ArrayList<>();
    for (String part : rawPath.split("/")) {
      if (!part.isEmpty()) {
        segments.add(decode(part));
      }
    }
    return segments;
  }

  private static Map<String, String> query(String rawQuery) {
    Map<String, String> query = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return query;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      query.putIfAbsent(name, value);
    }
    return query;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static byte[] readBody(InputStream in) throws IOException {
    try (in) {
      return in.readAllBytes();
    }
  }

  private static void sleep(java.time.Duration delay) {
    if (delay.isZero()) {
      return;
    }
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
