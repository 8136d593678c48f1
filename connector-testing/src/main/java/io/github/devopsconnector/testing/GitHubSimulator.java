package io.github.devopsconnector.testing;

import com.sun.net.httpserver.HttpHandler;
import io.github.devopsconnector.core.github.GitHubClient;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A loopback HTTP simulator of the GitHub REST API routes the SDK reads, serving a {@link GitHubEstate}: the same
 * shape as {@link AzureDevOpsSimulator} and {@link ArmSimulator} (builder, {@link #start()}, {@link #endpoint()},
 * {@link #counters()}, {@link #failNext(Enum, Enum, int)}, {@link #close()}).
 *
 * <pre>{@code
 * try (GitHubSimulator github = GitHubSimulator.builder(estate).token("ghp_test").build().start()) {
 *   GitHubRestClient client = new GitHubRestClientBuilder().endpoint(github.endpoint())
 *       .credential(new KeyCredential("ghp_test")).buildClient();
 *   ...
 * }
 * }</pre>
 *
 * <p><b>What it models, and from where</b> (the pages of https://docs.github.com/rest named below):
 * <ul>
 *   <li>{@code GET /user} (users/users#get-the-authenticated-user).</li>
 *   <li>{@code GET /user/memberships/orgs}, active memberships with their {@code role}
 *       (orgs/members#list-organization-memberships-for-the-authenticated-user).</li>
 *   <li>{@code GET /orgs/{org}}, with {@code plan} shown to Owners only (orgs/orgs#get-an-organization).</li>
 *   <li>{@code GET /orgs/{org}/installations}, for Owners only
 *       (orgs/orgs#list-app-installations-for-an-organization).</li>
 *   <li>{@code GET /user/installations}
 *       (apps/installations#list-app-installations-accessible-to-the-user-access-token) and
 *       {@code GET /user/installations/{id}/repositories}
 *       (apps/installations#list-repositories-accessible-to-the-user-access-token).</li>
 *   <li>{@code GET /orgs/{org}/repos} (repos/repos#list-organization-repositories) and {@code GET /user/repos}
 *       (repos/repos#list-repositories-for-the-authenticated-user).</li>
 *   <li>Paging by {@code per_page} (at most 100, default 30) and {@code page}, with a {@code link} header naming
 *       {@code next}, {@code last}, {@code first} and {@code prev}
 *       (using-the-rest-api/using-pagination-in-the-rest-api).</li>
 *   <li>Authentication: {@code Authorization: Bearer <token>} or {@code token <token>}; a missing or wrong token is
 *       401 (authentication/authenticating-to-the-rest-api).</li>
 *   <li>Rate limits (using-the-rest-api/rate-limits-for-the-rest-api): every answer carries
 *       {@code x-ratelimit-limit}, {@code -remaining}, {@code -used}, {@code -reset} (epoch seconds) and
 *       {@code -resource}; past the primary limit (5,000 requests an hour unless set) GitHub answers 403 (or 429)
 *       with {@code x-ratelimit-remaining: 0}; a secondary rate limit is 403 or 429 with a message and, possibly,
 *       {@code retry-after} in seconds ({@link Fault#SECONDARY_RATE_LIMIT},
 *       {@link Fault#SECONDARY_RATE_LIMIT_WITHOUT_RETRY_AFTER}, {@link Fault#TOO_MANY_REQUESTS}).</li>
 * </ul>
 * <p><b>Token kinds</b> (authentication/keeping-your-account-and-data-secure/about-authentication-to-github#githubs-token-formats:
 * {@code ghp_} personal access token (classic), {@code github_pat_} fine-grained personal access token,
 * {@code ghu_} user access token of a GitHub App). The simulator accepts one token, and its prefix decides its kind
 * ({@link #tokenKind()}). GitHub documents that {@code GET /user/installations} and
 * {@code GET /user/installations/{id}/repositories} need "a user access token, created for a user who has authorized
 * your GitHub App" (apps/installations#list-app-installations-accessible-to-the-user-access-token and
 * apps/installations#list-repositories-accessible-to-the-user-access-token); any other token gets 403 with
 * "You must authenticate with an access token authorized to a GitHub App in order to list installations" (the
 * message GitHub sends, as its users report it) or "... in order to list repositories". The other routes accept a
 * personal access token: users/users#get-the-authenticated-user,
 * orgs/members#list-organization-memberships-for-the-authenticated-user, orgs/orgs#get-an-organization,
 * orgs/orgs#list-app-installations-for-an-organization (an organization owner; a classic token with the
 * {@code admin:read} or {@code read:org} scope) and repos/repos#list-organization-repositories. By default the
 * estate's user holds a personal access token ({@link #DEFAULT_TOKEN}), the kind a user most likely has; no
 * documentation promises a token that works on every route. {@link Builder#appUserToken()} issues a GitHub App user
 * access token ({@link #DEFAULT_APP_USER_TOKEN}) instead. Token scopes are not modelled: a personal access token has
 * the scopes the routes need.
 * Estate owners with role {@code none} are left out of the user's memberships and installations; their organization
 * profile and public repositories stay readable, as an organization's are on GitHub (orgs/orgs#get-an-organization,
 * repos/repos#list-organization-repositories), and their installations are 403 as for any non-owner.
 * {@code GET /user/installations} lists the app's installations the user can reach: on the owners they administer,
 * and on organizations where, as a member, they can access one of the app's repositories (the public ones here);
 * {@code GET /user/installations/{id}/repositories} lists the app's repositories the user can access
 * (apps/installations: "explicit permission ... through an organization membership").
 * Only loopback ({@code 127.0.0.1}) is bound.
 */
public final class GitHubSimulator extends LoopbackSimulator<GitHubSimulator, GitHubSimulator.Route,
    GitHubSimulator.Fault> {

  /**
   * The token a simulator accepts unless {@link Builder#token(String)} or {@link Builder#appUserToken()} says
   * otherwise: a personal access token (classic).
   */
  public static final String DEFAULT_TOKEN = "ghp_simulatorTokenForTestsOnly000000000";

  /** The GitHub App user access token a simulator accepts after {@link Builder#appUserToken()}. */
  public static final String DEFAULT_APP_USER_TOKEN = "ghu_simulatorAppUserTokenForTestsOnly00";

  /** The GitHub App user access token prefix (GitHub's token formats). */
  static final String APP_USER_TOKEN_PREFIX = "ghu_";

  private final GitHubEstate estate;
  private final GitHubSimSettings settings;

  private GitHubSimulator(GitHubEstate estate, GitHubSimSettings settings, SimServer server, double faultRate,
      Set<Fault> faultKinds, long seed) {
    super(server, new SimulatorCounters<>(Route.class, Fault.class),
        new SimFaults<>(faultRate, faultKinds, seed, false, Fault::corruptsBody), seed);
    this.estate = estate;
    this.settings = settings;
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

  @Override
  HttpHandler handler(String endpoint) {
    return new GitHubSimHandler(new GitHubSimRoutes(estate, endpoint, settings), settings, counters, faults);
  }

  /** The estate served. */
  public GitHubEstate estate() {
    return estate;
  }

  /** The token the simulator accepts. */
  public String token() {
    return settings.token;
  }

  /**
   * The kind of the token the simulator accepts: {@link TokenKind#APP_USER_TOKEN} for a {@code ghu_} token,
   * {@link TokenKind#PERSONAL_ACCESS_TOKEN} otherwise.
   */
  public TokenKind tokenKind() {
    return TokenKind.of(settings.token);
  }

  /** The kinds of token the simulator tells apart, by GitHub's token prefixes. */
  public enum TokenKind {
    /**
     * A personal access token ({@code ghp_} classic, {@code github_pat_} fine-grained) or any other token that is
     * not a GitHub App's user access token: refused (403) by the routes that need an app user token.
     */
    PERSONAL_ACCESS_TOKEN,
    /** A GitHub App's user access token ({@code ghu_}): accepted on every route. */
    APP_USER_TOKEN;

    static TokenKind of(String token) {
      return token.startsWith(APP_USER_TOKEN_PREFIX) ? APP_USER_TOKEN : PERSONAL_ACCESS_TOKEN;
    }
  }

  /** The slug of the app whose installations the estate's {@code app} fields describe. */
  public String appSlug() {
    return settings.appSlug;
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

  @Override
  public String toString() {
    return "GitHubSimulator{" + (server.endpointOrNull() == null ? "not started" : server.endpointOrNull()) + ", "
        + estate.owners().size() + " owners}";
  }

  /** What can go wrong, as GitHub shows it. */
  public enum Fault {
    /** The primary rate limit: 403 with {@code x-ratelimit-remaining: 0} and the reset time. */
    PRIMARY_RATE_LIMIT,
    /** A secondary rate limit: 403 with a message and {@code retry-after}. */
    SECONDARY_RATE_LIMIT,
    /** A secondary rate limit without {@code retry-after}: GitHub then asks to wait at least a minute. */
    SECONDARY_RATE_LIMIT_WITHOUT_RETRY_AFTER,
    /** 429 with {@code retry-after}. */
    TOO_MANY_REQUESTS,
    /** 503 Service Unavailable. */
    SERVICE_UNAVAILABLE,
    /** A 200 whose body is not JSON. */
    MALFORMED_JSON;

    /** Whether the fault needs an answer with a body. */
    public boolean corruptsBody() {
      return this == MALFORMED_JSON;
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

  /**
   * Builds a {@link GitHubSimulator}; the port, latency, fault rate, faults, seed and threads are those of every
   * simulator ({@link SimulatorBuilder}).
   */
  public static final class Builder extends SimulatorBuilder<Builder, Fault> {
    private final GitHubEstate estate;
    private final GitHubSimSettings settings = new GitHubSimSettings();

    private Builder(GitHubEstate estate) {
      // The faults a client should wait out or retry.
      super(Fault.class, EnumSet.of(Fault.SECONDARY_RATE_LIMIT, Fault.TOO_MANY_REQUESTS, Fault.SERVICE_UNAVAILABLE),
          8);
      this.estate = estate;
    }

    /**
     * The token to accept; {@link #DEFAULT_TOKEN} unless set. A token starting {@code ghu_} is a GitHub App user
     * access token; any other is treated as a personal access token (see {@link TokenKind}).
     *
     * @param token the token
     * @return this builder
     */
    public Builder token(String token) {
      settings.token = SimChecks.token(token);
      return this;
    }

    /**
     * Issues the estate's user a GitHub App user access token ({@link #DEFAULT_APP_USER_TOKEN}) instead of the
     * default personal access token, so that the routes that need one answer.
     *
     * @return this builder
     */
    public Builder appUserToken() {
      settings.token = DEFAULT_APP_USER_TOKEN;
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
      settings.primaryWindow = SimChecks.rateWindow(limit, window);
      settings.primaryLimit = limit;
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
      settings.secondaryRetryAfter = SimChecks.retryAfter(retryAfter);
      return this;
    }

    /**
     * The simulator.
     *
     * @return the simulator, not started
     * @throws IllegalStateException if a setting is out of range
     */
    public GitHubSimulator build() {
      checkShared();
      settings.latency = latency;
      return new GitHubSimulator(estate, settings, new SimServer("GitHub simulator", "github-simulator-", port,
          threads), faultRate, faults, seedOrRandom(new SecureRandom()));
    }
  }
}
