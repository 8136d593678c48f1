package io.github.devopsconnector.testing;

import io.github.devopsconnector.core.github.GitHubClient;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A loopback HTTP simulator of the GitHub REST API routes the SDK reads, serving a {@link GitHubEstate}: the same
 * shape as {@link AzureDevOpsSimulator} and {@link ArmSimulator} (builder, {@link #start()}, {@link #endpoint()},
 * {@link #counters()}, {@link #failNext(Route, Fault, int)}, {@link #close()}).
 *
 * <pre>{@code
 * try (GitHubSimulator github = GitHubSimulator.builder(estate).token("ghp_test").build().start()) {
 *   GitHubRestClient client = new GitHubRestClientBuilder().endpoint(github.endpoint())
 *       .credential(new KeyCredential("ghp_test")).buildClient();
 *   ...
 * }
 * }</pre>
 *
 * <p><b>What it models, and from where</b> (docs.github.com/rest):
 * <ul>
 *   <li>{@code GET /user} (users/users#get-the-authenticated-user); {@code GET /user/memberships/orgs}, active
 *       memberships with their {@code role} (orgs/members#list-organization-memberships-for-the-authenticated-user);
 *       {@code GET /orgs/{org}}, with {@code plan} shown to Owners only (orgs/orgs#get-an-organization);
 *       {@code GET /orgs/{org}/installations}, for Owners only (orgs/orgs#list-app-installations-for-an-organization);
 *       {@code GET /user/installations} (apps/installations#list-app-installations-accessible-to-the-user-access-token);
 *       {@code GET /user/installations/{id}/repositories}
 *       (apps/installations#list-repositories-accessible-to-the-user-access-token); {@code GET /orgs/{org}/repos}
 *       (repos/repos#list-organization-repositories) and {@code GET /user/repos} (repos/repos#list-repositories-for-
 *       the-authenticated-user).</li>
 *   <li>Paging by {@code per_page} (at most 100, default 30) and {@code page}, with a {@code link} header naming
 *       {@code next}, {@code last}, {@code first} and {@code prev} (using-the-rest-api/using-pagination-in-the-rest-api).</li>
 *   <li>Authentication: {@code Authorization: Bearer <token>} or {@code token <token>}; a missing or wrong token is
 *       401 (authenticating-to-the-rest-api).</li>
 *   <li>Rate limits (using-the-rest-api/rate-limits-for-the-rest-api): every answer carries
 *       {@code x-ratelimit-limit}, {@code -remaining}, {@code -used}, {@code -reset} (epoch seconds) and
 *       {@code -resource}; past the primary limit (5,000 requests an hour unless set) GitHub answers 403 (or 429)
 *       with {@code x-ratelimit-remaining: 0}; a secondary rate limit is 403 or 429 with a message and, possibly,
 *       {@code retry-after} in seconds ({@link Fault#SECONDARY_RATE_LIMIT},
 *       {@link Fault#SECONDARY_RATE_LIMIT_WITHOUT_RETRY_AFTER}, {@link Fault#TOO_MANY_REQUESTS}).</li>
 * </ul>
 * Estate owners with role {@code none} are invisible to the user (404 on their routes), as GitHub hides
 * organizations from non-members' membership lists. Only loopback ({@code 127.0.0.1}) is bound.
 */
public final class GitHubSimulator implements AutoCloseable {

  /** The token a simulator accepts unless {@link Builder#token(String)} says otherwise. */
  public static final String DEFAULT_TOKEN = "ghp_simulatorTokenForTestsOnly000000000";

  private final GitHubEstate estate;
  private final GitHubSimSettings settings;
  private final SimulatorCounters<Route, Fault> counters = new SimulatorCounters<>(Route.class, Fault.class);
  private final SimFaults<Route, Fault> faults;
  private final SimServer server;

  private GitHubSimulator(Builder builder) {
    this.estate = builder.estate;
    this.settings = builder.settings;
    this.faults = new SimFaults<>(settings.faultRate, settings.faultKinds, settings.seed, false,
        Fault::corruptsBody);
    this.server = new SimServer("GitHub simulator", "github-simulator-", settings.port, settings.threads);
  }

  /**
   * A builder serving the estate.
   *
   * @param estate the estate
   * @return the builder
   */
  public static Builder builder(GitHubEstate estate) {
    return new Builder(Objects.requireNonNull(estate, "estate"));
  }

  /**
   * Binds {@code 127.0.0.1} and serves.
   *
   * @return this simulator
   * @throws IllegalStateException if it was already started or is closed
   */
  public GitHubSimulator start() {
    server.start(endpoint -> new GitHubSimHandler(new GitHubSimRoutes(estate, endpoint, settings), settings,
        counters, faults));
    return this;
  }

  /**
   * The API root, {@code http://127.0.0.1:<port>} (what {@code https://api.github.com} is for GitHub).
   *
   * @return the endpoint
   * @throws IllegalStateException if not started
   */
  public String endpoint() {
    return server.endpoint();
  }

  /** The estate served. */
  public GitHubEstate estate() {
    return estate;
  }

  /** The token the simulator accepts. */
  public String token() {
    return settings.token;
  }

  /** The slug of the app whose installations the estate's {@code app} fields describe. */
  public String appSlug() {
    return settings.appSlug;
  }

  /** What the simulator served. */
  public SimulatorCounters<Route, Fault> counters() {
    return counters;
  }

  /**
   * Requests received for this route.
   *
   * @param route the route
   * @return how many
   */
  public long requestCount(Route route) {
    return counters.requests(route);
  }

  /**
   * Fails the next {@code count} requests to this route with the fault.
   *
   * @param route the route
   * @param fault the fault
   * @param count how many requests, at least 1
   */
  public void failNext(Route route, Fault fault, int count) {
    SimFaults.checkScript(fault, count);
    faults.failNext(Objects.requireNonNull(route, "route"), fault, count);
  }

  /**
   * Fails the next {@code count} requests, whatever their route, with the fault.
   *
   * @param fault the fault
   * @param count how many requests, at least 1
   */
  public void failNext(Fault fault, int count) {
    SimFaults.checkScript(fault, count);
    faults.failNext(null, fault, count);
  }

  /** Forgets the scripted faults. */
  public void clearFaults() {
    faults.clear();
  }

  /** Stops serving and releases the port. Idempotent. */
  @Override
  public void close() {
    server.close();
  }

  @Override
  public String toString() {
    return "GitHubSimulator{" + (server.endpointOrNull() == null ? "not started" : server.endpointOrNull()) + ", "
        + estate.owners().size() + " owners}";
  }

  /** What can go wrong, as GitHub shows it. */
  public enum Fault {
    /** The primary rate limit: 403 with {@code x-ratelimit-remaining: 0} and the reset time. */
    PRIMARY_RATE_LIMIT(false),
    /** A secondary rate limit: 403 with a message and {@code retry-after}. */
    SECONDARY_RATE_LIMIT(false),
    /** A secondary rate limit without {@code retry-after}: GitHub then asks to wait at least a minute. */
    SECONDARY_RATE_LIMIT_WITHOUT_RETRY_AFTER(false),
    /** 429 with {@code retry-after}. */
    TOO_MANY_REQUESTS(false),
    /** 503 Service Unavailable. */
    SERVICE_UNAVAILABLE(false),
    /** A 200 whose body is not JSON. */
    MALFORMED_JSON(true);

    private final boolean corruptsBody;

    Fault(boolean corruptsBody) {
      this.corruptsBody = corruptsBody;
    }

    /** Whether the fault needs an answer with a body. */
    public boolean corruptsBody() {
      return corruptsBody;
    }
  }

  /** The routes served. */
  public enum Route {
    /** {@code GET /user}. */
    USER,
    /** {@code GET /user/memberships/orgs}. */
    MEMBERSHIPS,
    /** {@code GET /orgs/{org}}. */
    ORGANIZATION,
    /** {@code GET /orgs/{org}/installations}. */
    ORGANIZATION_INSTALLATIONS,
    /** {@code GET /user/installations}. */
    USER_INSTALLATIONS,
    /** {@code GET /user/installations/{id}/repositories}. */
    INSTALLATION_REPOSITORIES,
    /** {@code GET /orgs/{org}/repos}. */
    ORGANIZATION_REPOSITORIES,
    /** {@code GET /user/repos}. */
    USER_REPOSITORIES,
    /** Anything else (404). */
    UNMATCHED
  }

  /** Builds a {@link GitHubSimulator}. */
  public static final class Builder {
    private final GitHubEstate estate;
    private final GitHubSimSettings settings = new GitHubSimSettings();

    private Builder(GitHubEstate estate) {
      this.estate = estate;
    }

    /**
     * The token to accept (a personal access token or an app's user access token); {@link #DEFAULT_TOKEN} unless
     * set.
     *
     * @param token the token
     * @return this builder
     */
    public Builder token(String token) {
      if (token == null || token.isBlank()) {
        throw new IllegalArgumentException("The token must not be blank.");
      }
      settings.token = token;
      return this;
    }

    /**
     * The slug of the app whose installations the estate describes; {@link GitHubClient#DEFAULT_APP_SLUG} unless
     * set.
     *
     * @param appSlug the slug
     * @return this builder
     */
    public Builder appSlug(String appSlug) {
      settings.appSlug = Objects.requireNonNull(appSlug, "appSlug");
      return this;
    }

    /**
     * The primary rate limit: requests per window (GitHub: 5,000 an hour for a user).
     *
     * @param limit requests per window, at least 1
     * @param window the window
     * @return this builder
     */
    public Builder primaryRateLimit(int limit, Duration window) {
      if (limit < 1 || window == null || window.isNegative() || window.isZero()) {
        throw new IllegalArgumentException("The primary rate limit needs a limit of at least 1 and a positive window.");
      }
      settings.primaryLimit = limit;
      settings.primaryWindow = window;
      return this;
    }

    /**
     * Answers the primary rate limit with 429 instead of 403 (GitHub documents both).
     *
     * @return this builder
     */
    public Builder primaryRateLimitAs429() {
      settings.primaryStatus = 429;
      return this;
    }

    /**
     * The {@code retry-after} of secondary rate limits; one minute unless set.
     *
     * @param retryAfter whole seconds, at least one
     * @return this builder
     */
    public Builder secondaryRetryAfter(Duration retryAfter) {
      if (retryAfter == null || retryAfter.getSeconds() < 1) {
        throw new IllegalArgumentException("retry-after is whole seconds, at least 1.");
      }
      settings.secondaryRetryAfter = retryAfter;
      return this;
    }

    /**
     * The port; 0 (any free one) unless set.
     *
     * @param port 0 to 65535
     * @return this builder
     */
    public Builder port(int port) {
      settings.port = port;
      return this;
    }

    /**
     * The share of requests that get a fault drawn from {@link #faults(Set)}, from a seeded generator.
     *
     * @param faultRate 0 to 1
     * @return this builder
     */
    public Builder faultRate(double faultRate) {
      settings.faultRate = faultRate;
      return this;
    }

    /**
     * The faults {@link #faultRate(double)} draws from; all unless set.
     *
     * @param faults the faults
     * @return this builder
     */
    public Builder faults(Set<Fault> faults) {
      settings.faultKinds = EnumSet.copyOf(Objects.requireNonNull(faults, "faults"));
      return this;
    }

    /**
     * The seed of the fault generator.
     *
     * @param seed the seed
     * @return this builder
     */
    public Builder seed(long seed) {
      settings.seed = seed;
      return this;
    }

    /**
     * The simulator.
     *
     * @return the simulator, not started
     * @throws IllegalStateException if a setting is out of range
     */
    public GitHubSimulator build() {
      SimChecks.common(settings.port, Duration.ZERO, settings.faultRate, settings.faultKinds, settings.threads);
      return new GitHubSimulator(this);
    }
  }
}
