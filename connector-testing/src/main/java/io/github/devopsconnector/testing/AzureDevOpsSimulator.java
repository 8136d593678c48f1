package io.github.devopsconnector.testing;

import io.github.devopsconnector.core.OrganizationName;
import com.sun.net.httpserver.HttpHandler;
import java.time.Duration;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A loopback HTTP server that answers like Azure DevOps for an {@link Estate}, so a real REST client can be
 * tested without the network. It serves the Azure DevOps wire contract of this project in the single-host layout
 * (the layout of Azure DevOps Server): profile, accounts, connection data, projects, Git repositories, pipelines,
 * user entitlements, graph groups and memberships, and the OAuth application policy, all under {@link #endpoint()}.
 *
 * <p>It checks credentials like the service does: a personal access token as HTTP Basic (any user name) or a
 * bearer token; anything else gets {@code 401} with a JSON error when the request carries
 * {@code X-TFS-FedAuthRedirect: Suppress}, and {@code 203} with an HTML sign-in page when it does not. It can
 * inject faults (throttling, {@code 503}, dropped connections, malformed or truncated JSON) by a seeded rate or by
 * script, add latency, enforce a sliding-window rate limit, and counts what it served ({@link #counters()}). Its
 * lifecycle, counters and scripted faults are those of every {@link LoopbackSimulator}, as the {@link ArmSimulator}'s.
 *
 * <pre>{@code
 * try (AzureDevOpsSimulator simulator = AzureDevOpsSimulator.builder(estate).build().start()) {
 *   String base = simulator.endpoint();                // http://127.0.0.1:PORT
 *   String pat = simulator.personalAccessToken();      // generated unless configured
 *   simulator.failNext(AzureDevOpsSimulator.Route.PROJECTS, AzureDevOpsSimulator.Fault.THROTTLE, 1);
 *   // ... point the client under test at base with pat ...
 *   long pages = simulator.counters().requests(AzureDevOpsSimulator.Route.PROJECTS);
 * }
 * }</pre>
 *
 * <p>What it derives from the estate: the user's VSID and descriptors in each organization (hashed from the ids,
 * so the same estate always answers the same); a tenant GUID in the identity descriptor only when the organization
 * has a tenant; a graph where the user belongs to a {@code Platform Team} group and, when the organization says so,
 * to the Project Collection Administrators directly or through that group (which the group list puts last, so a
 * client must read every page). Continuation tokens of pipelines and groups are opaque Base64 holding {@code +}:
 * a client must URL-encode them. Like the service, it publishes its routes through the location service
 * ({@code OPTIONS _apis/Location}, {@code _apis/ResourceAreas}), accepts every api-version from a route's minimum
 * to its maximum and answers the service's own {@code 400}s outside that range. The user's personal access token is
 * scoped to organizations unless the estate says it was created for all of them
 * ({@link Estate#tokenForAllOrganizations()}): a scoped token gets {@code 401} from the profile and accounts APIs.
 *
 * <p>Speed: the JDK server writes a response's headers and body separately, so without {@code TCP_NODELAY} a
 * keep-alive client can wait for a delayed acknowledgement (about 40 ms on Linux) on every response. For
 * benchmarks, run the JVM with {@code -Dsun.net.httpserver.nodelay=true}; the simulator does not change JVM-wide
 * settings itself.
 *
 * <p>Thread-safe. It never prints anything and never logs credentials; it logs through SLF4J at debug level only.
 */
public final class AzureDevOpsSimulator extends LoopbackSimulator<AzureDevOpsSimulator, AzureDevOpsSimulator.Route,
    AzureDevOpsSimulator.Fault> {

  private static final Logger LOG = LoggerFactory.getLogger(AzureDevOpsSimulator.class);

  private final Estate estate;
  private final AdoSimSettings settings;
  private final AdoSimRateLimiter rateLimiter;

  private AzureDevOpsSimulator(Estate estate, AdoSimSettings settings) {
    super(new SimServer("Azure DevOps simulator", "ado-simulator-", settings.port, settings.threads),
        new SimulatorCounters<>(Route.class, Fault.class),
        new SimFaults<>(settings.faultRate, settings.faultKinds, settings.seed, false, Fault::corruptsBody),
        settings.seed);
    this.estate = estate;
    this.settings = settings;
    this.rateLimiter = settings.tstuLimit > 0
        ? new AdoSimRateLimiter(settings.tstuLimit, settings.tstuWindow, settings.tstuCost, settings.tstuMaxDelay)
        : null;
    if (rateLimiter != null) {
      counters.budget(rateLimiter);
    }
  }

  /**
   * Starts configuring a simulator that serves this estate.
   *
   * @param estate the Azure DevOps world to serve; {@link Builder#build()} fails if it is {@code null}
   * @return a builder with the defaults described on each of its methods
   */
  public static Builder builder(Estate estate) {
    return new Builder(estate);
  }

  @Override
  HttpHandler handler(String endpoint) {
    LOG.debug("Azure DevOps simulator serving {} organizations at {} (fault rate {}, seed {})",
        estate.organizations().size(), endpoint, settings.faultRate, settings.seed);
    return AdoSimHandler.create(estate, endpoint, settings, counters, faults, rateLimiter);
  }

  /**
   * The port the simulator listens on.
   *
   * @return the port
   * @throws IllegalStateException if the simulator was not started
   */
  public int port() {
    String url = endpoint();
    return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
  }

  /** @return the estate the simulator serves */
  public Estate estate() {
    return estate;
  }

  /**
   * The personal access token the simulator accepts: the configured one, or a random one generated when none was
   * configured. It is a secret for the test's purposes: the simulator never logs it and {@link #toString()} never
   * shows it.
   *
   * @return the token
   */
  public String personalAccessToken() {
    return settings.personalAccessToken;
  }

  /**
   * Makes every request about one organization fail with this fault until {@link #clearFaults()}. Requests
   * without an organization (profile, accounts) are not affected; a fault that corrupts the body skips answers
   * without one.
   *
   * @param organization the organization
   * @param fault the fault
   * @throws IllegalArgumentException if an argument is missing
   */
  public void failOrganization(OrganizationName organization, Fault fault) {
    if (organization == null || fault == null) {
      throw new IllegalArgumentException("Both the organization and the fault are required.");
    }
    faults.failOrganization(organization, fault);
  }

  /**
   * {@inheritDoc} A fault that corrupts the body cannot apply to a route answered without one
   * ({@link Route#MEMBERSHIP_CHECK} answers {@code HEAD}).
   */
  @Override
  void checkScript(Route route, Fault fault) {
    if (fault.corruptsBody() && !route.hasBody()) {
      throw new IllegalArgumentException("The route " + route.template() + " answers without a body, so "
          + fault + " cannot apply to it.");
    }
  }

  /** The rate-limit windows start over too. */
  @Override
  void resetMore() {
    if (rateLimiter != null) {
      rateLimiter.reset();
    }
  }

  /** The address and state, never a credential. */
  @Override
  public String toString() {
    String url = server.endpointOrNull();
    return "AzureDevOpsSimulator[" + (url == null ? "not started" : url) + ", organizations="
        + estate.organizations().size() + ", faultRate=" + settings.faultRate + ", seed=" + seed() + "]";
  }

  /** The faults the simulator can inject into a response. */
  public enum Fault {
    /**
     * {@code 429} with {@code TF400733}, {@code Retry-After} and the {@code X-RateLimit-*} headers, as when the
     * identity exceeded its rate limit.
     */
    THROTTLE(false),
    /** {@code 503} with a JSON error, and {@code Retry-After} unless {@link Builder#retryAfter} is zero. */
    SERVICE_UNAVAILABLE(false),
    /** The connection is closed without any response; the client sees an I/O error. */
    DROP_CONNECTION(false),
    /** The normal status and headers, with a body that is not valid JSON (and a matching Content-Length). */
    MALFORMED_JSON(true),
    /** The normal status and headers, with the JSON body cut in half (and a matching Content-Length). */
    TRUNCATED_JSON(true);

    private final boolean corruptsBody;

    Fault(boolean corruptsBody) {
      this.corruptsBody = corruptsBody;
    }

    /** Whether the fault corrupts the response body, and so applies only to responses that have one. */
    public boolean corruptsBody() {
      return corruptsBody;
    }
  }

  /** The routes the simulator serves, as counted by {@link SimulatorCounters} and targeted by {@link #failNext}. */
  public enum Route {
    /** {@code GET _apis/profile/profiles/me}. */
    PROFILE("GET profile"),
    /** {@code GET _apis/accounts?memberId=}. */
    ACCOUNTS("GET accounts"),
    /** {@code GET {org}/_apis/connectionData}. */
    CONNECTION_DATA("GET connectionData"),
    /** {@code GET {org}/_apis/projects}. */
    PROJECTS("GET projects"),
    /** {@code GET {org}/_apis/projects/{projectId}}, one project by id or name. */
    PROJECT("GET project"),
    /** {@code GET {org}/_apis/git/repositories}, the whole organization. */
    ORGANIZATION_REPOSITORIES("GET repositories"),
    /** {@code GET {org}/{project}/_apis/git/repositories}. */
    PROJECT_REPOSITORIES("GET project repositories"),
    /** {@code GET {org}/{project}/_apis/pipelines}. */
    PIPELINES("GET pipelines"),
    /** {@code GET {org}/{project}/_apis/build/definitions}. */
    BUILD_DEFINITIONS("GET build definitions"),
    /** {@code OPTIONS [{org}/]_apis[/{area}]}: the location service's route data. */
    LOCATIONS("OPTIONS locations"),
    /** {@code GET [{org}/]_apis/ResourceAreas}: where each resource area is served. */
    RESOURCE_AREAS("GET resourceAreas"),
    /** {@code GET {org}/_apis/userentitlements/{vsid}}. */
    USER_ENTITLEMENT("GET userentitlement"),
    /** {@code GET {org}/_apis/serviceprincipalentitlements/{id}}. */
    SERVICE_PRINCIPAL_ENTITLEMENT("GET serviceprincipalentitlement"),
    /** {@code GET {org}/_apis/graph/groups}, optionally filtered by {@code scopeDescriptor} and {@code subjectTypes}. */
    GROUPS("GET groups"),
    /** {@code GET {org}/_apis/graph/descriptors/{storageKey}}. */
    GRAPH_DESCRIPTOR("GET descriptor"),
    /** {@code HEAD {org}/_apis/graph/memberships/{subject}/{container}}. */
    MEMBERSHIP_CHECK("HEAD membership"),
    /** {@code GET {org}/_apis/graph/Memberships/{subject}}. */
    MEMBERSHIPS("GET memberships"),
    /** {@code GET {org}/_apis/OrganizationPolicy/Policies/{policy}}. */
    OAUTH_POLICY("GET policy"),
    /** Any other method or path; answered {@code 404} or {@code 405}. */
    UNMATCHED("unmatched");

    private final String template;

    Route(String template) {
      this.template = template;
    }

    /** A short, stable name for reports, such as {@code GET projects}. */
    public String template() {
      return template;
    }

    boolean hasBody() {
      return this != MEMBERSHIP_CHECK;
    }
  }

  /**
   * Configures an {@link AzureDevOpsSimulator}: credentials, the TSTU budget, page sizes, and the settings both
   * simulators share, with the same names ({@link SimulatorBuilder}: port, latency, faults, seed, threads). Setters
   * only record values; {@link #build()} checks them all and fails with {@link IllegalStateException} naming what is
   * wrong. Not thread-safe.
   */
  public static final class Builder extends SimulatorBuilder<Builder, Fault> {
    /**
     * The service's global consumption limit per identity: "200 TSTUs within any sliding five-minute window"
     * (https://learn.microsoft.com/azure/devops/integrate/concepts/rate-limits).
     */
    public static final double DEFAULT_TSTU_LIMIT = 200;
    /** The sliding window of the limit, five minutes, as documented. */
    public static final Duration DEFAULT_TSTU_WINDOW = Duration.ofMinutes(5);
    /**
     * What one request costs by default, in TSTUs. The service does not document it ("You can't calculate the TSTU
     * usage of an action by formula"; one TSTU is "the average load generated by a typical Azure DevOps user over
     * five minutes"): 0.01 lets an identity make 20,000 simple reads per five minutes before delays start. Tests of
     * throttling set their own cost.
     */
    public static final double DEFAULT_TSTU_COST = 0.01;
    /** The longest delay: "Delays range from a few milliseconds per request up to 30 seconds." */
    public static final Duration MAX_TSTU_DELAY = Duration.ofSeconds(30);
    /** The largest cap {@link #projectPageSize(int)} accepts. */
    public static final int MAX_PROJECT_PAGE_SIZE = 100;

    final Estate estate;
    String personalAccessToken;
    String bearerToken;
    double tstuLimit = DEFAULT_TSTU_LIMIT;
    Duration tstuWindow = DEFAULT_TSTU_WINDOW;
    double tstuCost = DEFAULT_TSTU_COST;
    Duration tstuMaxDelay = MAX_TSTU_DELAY;
    Integer projectPageSize;
    int groupPageSize = 20;
    Duration retryAfter = Duration.ofSeconds(1);
    boolean preEncodedPages;

    private Builder(Estate estate) {
      // The transient faults a client should retry.
      super(Fault.class, EnumSet.of(Fault.THROTTLE, Fault.SERVICE_UNAVAILABLE, Fault.DROP_CONNECTION), 32);
      this.estate = estate;
    }

    /**
     * The personal access token to accept, as HTTP Basic with any user name. Default: a random 52-character
     * token, readable with {@link AzureDevOpsSimulator#personalAccessToken()}.
     */
    public Builder personalAccessToken(String personalAccessToken) {
      this.personalAccessToken = personalAccessToken;
      return this;
    }

    /** A bearer token to accept as well ({@code Authorization: Bearer <token>}). Default: none. */
    public Builder bearerToken(String bearerToken) {
      this.bearerToken = bearerToken;
      return this;
    }

    /**
     * The TSTU budget of every identity (per accepted credential), as the service's global consumption limit:
     * every request costs {@link #tstuCostPerRequest(double)} TSTUs when it is served, and the usage counts in a
     * sliding {@code window}. Up to {@code limit} nothing is held back; from {@value AdoSimRateLimiter#NEAR_PERCENT}%
     * of it on, {@code 200} responses carry {@code X-RateLimit-Resource}, {@code -Limit}, {@code -Remaining} and
     * {@code -Reset}. Past the limit a request is delayed until the usage is back at the limit and answered
     * {@code 200} with {@code X-RateLimit-Delay}, {@code Retry-After} and {@code X-RateLimit-Remaining: 0}; a
     * request that would wait longer than {@link #tstuMaxDelay(Duration)} is blocked: {@code 429},
     * {@code TF400733}, {@code Retry-After}, and it costs nothing. A limit of 0 turns the budget off (which the
     * service never does). Default: {@value #DEFAULT_TSTU_LIMIT} TSTUs in five minutes, as documented.
     */
    public Builder tstuBudget(double limit, Duration window) {
      this.tstuLimit = limit;
      this.tstuWindow = window;
      return this;
    }

    /** What one request costs, in TSTUs, more than 0. Default: {@value #DEFAULT_TSTU_COST} (see there). */
    public Builder tstuCostPerRequest(double cost) {
      this.tstuCost = cost;
      return this;
    }

    /**
     * The longest a request over budget is delayed before it is blocked instead. Default: 30 seconds, the longest
     * delay the service documents.
     */
    public Builder tstuMaxDelay(Duration maxDelay) {
      this.tstuMaxDelay = maxDelay;
      return this;
    }

    /**
     * A budget counted in requests: {@code tstuBudget(budget, window)} where every request costs one TSTU. A budget
     * of 0 turns the limit off.
     */
    public Builder rateLimit(int budget, Duration window) {
      return tstuBudget(budget, window).tstuCostPerRequest(1);
    }

    /**
     * Caps every page of projects at this size, 1 to {@value #MAX_PROJECT_PAGE_SIZE}, whatever {@code $top} asks,
     * so that tests page with continuation tokens. Default: no cap, as the service documents none: 100 projects
     * without {@code $top}, and as many as {@code $top} asks with it.
     */
    public Builder projectPageSize(int projectPageSize) {
      this.projectPageSize = projectPageSize;
      return this;
    }

    /** The page size of graph groups, at least 1. Default: 20. */
    public Builder groupPageSize(int groupPageSize) {
      this.groupPageSize = groupPageSize;
      return this;
    }

    /**
     * The {@code Retry-After} of injected {@link Fault#THROTTLE} and {@link Fault#SERVICE_UNAVAILABLE} faults,
     * rounded up to whole seconds; throttling always says at least one second, and {@code 503} leaves the header
     * out when this is zero. Default: one second.
     */
    public Builder retryAfter(Duration retryAfter) {
      this.retryAfter = retryAfter;
      return this;
    }

    /**
     * Whether to encode, when the simulator starts, every page a discovery reads with the default page sizes
     * (projects, each organization's repository listing, pipelines) and serve those bytes. The answers and faults
     * are the same either way; pre-encoded pages cost less CPU per request (for benchmarks that measure the
     * client), more memory (about the size of the JSON) and a slower {@link AzureDevOpsSimulator#start()}.
     * Default: off.
     */
    public Builder preEncodedPages(boolean preEncodedPages) {
      this.preEncodedPages = preEncodedPages;
      return this;
    }

    /**
     * A simulator with these settings, not yet started.
     *
     * @return the simulator
     * @throws IllegalStateException if a setting is missing or out of range; the message names it
     */
    public AzureDevOpsSimulator build() {
      return new AzureDevOpsSimulator(estate, AdoSimSettings.of(this));
    }

    /** The settings so far, never a credential. */
    @Override
    public String toString() {
      return "AzureDevOpsSimulator.Builder[port=" + port + ", faultRate=" + faultRate + ", threads=" + threads
          + "]";
    }
  }
}
