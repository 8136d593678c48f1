package io.github.devopsconnector.testing;

import com.sun.net.httpserver.HttpHandler;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A loopback HTTP simulator of the GitLab REST API (v4) routes the SDK reads, serving a {@link GitLabEstate}: the
 * same shape as {@link GitHubSimulator} (builder, {@link #start()}, {@link #endpoint()}, {@link #counters()},
 * {@link #failNext(Enum, Enum, int)}, {@link #close()}). The endpoint is the instance root; the API is under
 * {@code /api/v4}.
 *
 * <pre>{@code
 * try (GitLabSimulator gitlab = GitLabSimulator.builder(estate).build().start()) {
 *   GitLabRestClient client = new GitLabRestClientBuilder().endpoint(gitlab.endpoint())
 *       .token(gitlab.token()).buildClient();
 *   ...
 * }
 * }</pre>
 *
 * <p><b>What it models, and from where</b> (pages of https://docs.gitlab.com):
 * <ul>
 *   <li>{@code GET /api/v4/user} (api/users#get-the-current-user).</li>
 *   <li>{@code GET /api/v4/groups}: the groups the user is a member of, subgroups included unless
 *       {@code top_level_only=true}; {@code min_access_level}, {@code order_by}, {@code sort}
 *       (api/groups#list-groups).</li>
 *   <li>{@code GET /api/v4/groups/:id/members/all/:user_id}: the user's access level, inherited from the top-level
 *       group; 404 for anyone else (api/members#get-a-member-of-a-group-or-project-including-inherited-and-invited-
 *       members; user/project/members#inherited-membership).</li>
 *   <li>{@code GET /api/v4/namespaces/:id}: {@code plan} only to the group's Owners
 *       (api/namespaces#get-details-on-a-namespace).</li>
 *   <li>{@code GET /api/v4/groups/:id/projects}: {@code include_subgroups}, {@code archived}, {@code order_by},
 *       {@code sort}; archived projects listed unless {@code archived=false} (api/groups#list-projects).</li>
 *   <li>A group is addressed by id or URL-encoded full path; a group the user is not a member of is 404, as GitLab
 *       hides private groups (api/rest/troubleshooting#status-codes).</li>
 *   <li>Offset paging: {@code page}, {@code per_page} (default 20, at most 100), {@code Link} and the
 *       {@code x-next-page}/{@code x-total} headers; no {@code x-total} or {@code last} link past 10,000 items
 *       (api/rest#offset-based-pagination). Keyset paging is not modelled: GitLab offers it on none of these routes
 *       but {@code GET /groups} ordered by name, and the client does not use it.</li>
 *   <li>Authentication, scopes and rate limits: see the handler's rules, summarised at {@link Builder#token(String)},
 *       {@link Builder#scopes(Set)}, {@link Builder#rateLimit(int, Duration)} and
 *       {@link Builder#rateLimitHeadersOnEveryAnswer()}.</li>
 * </ul>
 * Only loopback ({@code 127.0.0.1}) is bound.
 */
public final class GitLabSimulator extends LoopbackSimulator<GitLabSimulator, GitLabSimulator.Route,
    GitLabSimulator.Fault> {

  /** The personal access token a simulator accepts unless {@link Builder#token(String)} says otherwise. */
  public static final String DEFAULT_TOKEN = "glpat-simulatorTokenForTestsOnly00";

  private final GitLabEstate estate;
  private final GitLabSimSettings settings;

  private GitLabSimulator(GitLabEstate estate, GitLabSimSettings settings, SimServer server, double faultRate,
      Set<Fault> faultKinds, long seed) {
    super(server, new SimulatorCounters<>(Route.class, Fault.class),
        new SimFaults<>(faultRate, faultKinds, seed, false, f -> f == Fault.MALFORMED_JSON), seed);
    this.estate = estate;
    this.settings = settings;
  }

  /**
   * A builder serving the estate.
   *
   * @param estate the estate
   * @return the builder
   */
  public static Builder builder(GitLabEstate estate) {
    return new Builder(Objects.requireNonNull(estate, "estate"));
  }

  @Override
  HttpHandler handler(String endpoint) {
    return new GitLabSimHandler(estate, endpoint, settings, counters, faults);
  }

  /**
   * The estate served.
   *
   * @return the estate
   */
  public GitLabEstate estate() {
    return estate;
  }

  /**
   * The token the simulator accepts.
   *
   * @return the token
   */
  public String token() {
    return settings.token;
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
    return "GitLabSimulator{" + (server.endpointOrNull() == null ? "not started" : server.endpointOrNull()) + ", "
        + estate.groups().size() + " groups}";
  }

  /** What can go wrong, as GitLab shows it. */
  public enum Fault {
    /** 429 with {@code Retry-After}, the {@code RateLimit-*} headers and the body {@code Retry later}. */
    TOO_MANY_REQUESTS,
    /** 503 Service Unavailable. */
    SERVICE_UNAVAILABLE,
    /** A 200 whose body is not JSON (only on answers with a body). */
    MALFORMED_JSON
  }

  /** The routes served. */
  public enum Route {
    /** {@code GET /api/v4/user}. */
    USER,
    /** {@code GET /api/v4/groups}. */
    GROUPS,
    /** {@code GET /api/v4/groups/:id/members/all/:user_id}. */
    GROUP_MEMBER,
    /** {@code GET /api/v4/namespaces/:id}. */
    NAMESPACE,
    /** {@code GET /api/v4/groups/:id/projects}. */
    GROUP_PROJECTS,
    /** Anything else (404). */
    UNMATCHED
  }

  /**
   * Builds a {@link GitLabSimulator}; the port, latency, fault rate, faults, seed and threads are those of every
   * simulator ({@link SimulatorBuilder}).
   */
  public static final class Builder extends SimulatorBuilder<Builder, Fault> {
    private final GitLabEstate estate;
    private final GitLabSimSettings settings = new GitLabSimSettings();

    private Builder(GitLabEstate estate) {
      // The faults a client should wait out or retry.
      super(Fault.class, EnumSet.of(Fault.TOO_MANY_REQUESTS, Fault.SERVICE_UNAVAILABLE), 8);
      this.estate = estate;
    }

    /**
     * Issues this token instead of {@link #DEFAULT_TOKEN}: requests must carry it as {@code PRIVATE-TOKEN} or
     * {@code Authorization: Bearer}; any other token gets 401 {@code {"message": "401 Unauthorized"}}.
     *
     * @param token the token, not blank
     * @return this builder
     */
    public Builder token(String token) {
      settings.token = SimChecks.token(token);
      return this;
    }

    /**
     * Gives the token these scopes instead of {@code read_api}; without {@code read_api} or {@code api}, only
     * {@code GET /user} (which {@code read_user} opens) answers, the other routes say 403 {@code insufficient_scope}.
     *
     * @param scopes such as {@code Set.of("read_user")}
     * @return this builder
     */
    public Builder scopes(Set<String> scopes) {
      settings.scopes = Set.copyOf(Objects.requireNonNull(scopes, "scopes"));
      return this;
    }

    /**
     * Limits the user to {@code limit} requests a {@code window} (GitLab.com: 2,000 a minute); past it, 429.
     *
     * @param limit at least 1
     * @param window positive
     * @return this builder
     */
    public Builder rateLimit(int limit, Duration window) {
      settings.rateWindow = SimChecks.rateWindow(limit, window);
      settings.rateLimit = limit;
      return this;
    }

    /**
     * Sends the {@code RateLimit-*} headers with every answer, as GitLab.com does, not only with 429s.
     *
     * @return this builder
     */
    public Builder rateLimitHeadersOnEveryAnswer() {
      settings.rateHeadersOnEveryAnswer = true;
      return this;
    }

    /**
     * The {@code Retry-After} an injected {@link Fault#TOO_MANY_REQUESTS} asks for; a minute unless set.
     *
     * @param retryAfter at least one second
     * @return this builder
     */
    public Builder retryAfter(Duration retryAfter) {
      settings.retryAfter = SimChecks.retryAfter(retryAfter);
      return this;
    }

    /**
     * The simulator.
     *
     * @return the simulator, not started
     * @throws IllegalStateException if a setting is out of range
     */
    public GitLabSimulator build() {
      checkShared();
      settings.latency = latency;
      return new GitLabSimulator(estate, settings, new SimServer("GitLab simulator", "gitlab-simulator-", port,
          threads), faultRate, faults, seedOrRandom(new SecureRandom()));
    }
  }
}
