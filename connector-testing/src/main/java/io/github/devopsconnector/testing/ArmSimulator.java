package io.github.devopsconnector.testing;

import com.sun.net.httpserver.HttpHandler;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A loopback Azure Resource Manager for Defender for Cloud DevOps connectors, so integrators and demos can create,
 * read, edit and delete connectors offline. It listens on {@code 127.0.0.1} on a free port ({@link #endpoint()})
 * and keeps everything in memory.
 *
 * <pre>{@code
 * try (ArmSimulator arm = ArmSimulator.builder().options(options).build().start()) {
 *   String endpoint = arm.endpoint();                // http://127.0.0.1:PORT
 *   arm.failNext(ArmSimulator.Route.CONNECTOR, ArmSimulator.Fault.THROTTLE, 1);
 *   // ... point the client under test at endpoint with ArmSimulator.credential(identityId) ...
 *   long reads = arm.counters().requests(ArmSimulator.Route.CONNECTOR);
 * }
 * }</pre>
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
 *   <li>{@code gitHubOwners} and {@code repos} of a GitHub connector and {@code POST listAvailableGitHubOwners}, from
 *       {@link ArmSimulatorOptions#gitHubOwners()}; {@code gitLabGroups}, {@code listSubgroups} and {@code projects}
 *       of a GitLab connector and {@code POST listAvailableGitLabGroups}, from
 *       {@link ArmSimulatorOptions#gitLabGroups()} (see each option for what the specification says of them);</li>
 *   <li>{@code Microsoft.Authorization/permissions} of a resource group, from
 *       {@link ArmSimulatorOptions#permissions()}; writes need {@code Microsoft.Security/securityConnectors/write}
 *       (403 {@code AuthorizationFailed} otherwise);</li>
 *   <li>the {@code Microsoft.Security} provider registration of a subscription; creating a connector in a
 *       subscription that is not {@code Registered} answers 409 {@code MissingSubscriptionRegistration}.</li>
 * </ul>
 *
 * <h2>Callers</h2>
 * Every request needs {@code Authorization: Bearer sim-<identityId>} ({@link #bearerToken(String)} makes the
 * token), or a JWT-shaped token whose {@code oid} claim is the identity id
 * ({@link #bearerToken(ArmSimulatorPrincipal)}); the identity id is who the caller is ({@code systemData},
 * permissions, the authorizing identity). A missing or malformed token answers 401.
 *
 * <h2>Faults and counters</h2>
 * {@link Builder#faultRate(double)} of the requests (seeded by {@link Builder#seed(long)}) answer a fault of
 * {@link Builder#faults(Set)} instead (503 or 429 with {@code Retry-After}, or a dropped connection), without side
 * effects; {@link #failNext(Enum, Enum, int)} scripts them; {@link Builder#latency(Duration)} delays every
 * response. {@link #loseResponses(Route, String, int, LostResponse)} loses answers after the request took effect
 * (a 504 or a dropped connection). Every answer carries {@code x-ms-ratelimit-remaining-subscription-reads},
 * {@code -writes} or {@code -deletes} from a per-subscription token bucket ({@link ArmSimulatorOptions#readBudget()},
 * {@link ArmSimulatorOptions#writeBudget()}), and a request past the budget answers 429 with {@code Retry-After}.
 * {@link #counters()} counts requests per route, faults and 429s. The simulator never logs or echoes an
 * authorization code or token: it keeps only a hash of each code, to refuse it the second time.
 *
 * <p>The JDK {@code HttpServer} under it waits on delayed TCP acknowledgements (about 40 ms a response) unless the
 * JVM runs with {@code -Dsun.net.httpserver.nodelay=true}; set it in the test JVM for fast suites.
 */
public final class ArmSimulator extends LoopbackSimulator<ArmSimulator, ArmSimulator.Route, ArmSimulator.Fault> {

  /** The routes the simulator counts requests of and scripts faults for. */
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
    /** {@code POST .../devops/default/listAvailableGitHubOwners}. */
    LIST_AVAILABLE_GITHUB_OWNERS,
    /** {@code .../devops/default/gitHubOwners[/{owner}]}. */
    GITHUB_OWNERS,
    /** {@code .../gitHubOwners/{owner}/repos[/{repo}]}. */
    GITHUB_REPOS,
    /** {@code POST .../devops/default/listAvailableGitLabGroups}. */
    LIST_AVAILABLE_GITLAB_GROUPS,
    /** {@code .../devops/default/gitLabGroups[/{groupFQName}]}. */
    GITLAB_GROUPS,
    /** {@code POST .../gitLabGroups/{groupFQName}/listSubgroups}. */
    GITLAB_SUBGROUPS,
    /** {@code .../gitLabGroups/{groupFQName}/projects[/{project}]}. */
    GITLAB_PROJECTS,
    /** Anything else (answered 404). */
    UNKNOWN
  }

  /** The faults the simulator can inject instead of an answer; the request has no effect. */
  public enum Fault {
    /** {@code 503 ServiceUnavailable} with {@code Retry-After} ({@link ArmSimulatorOptions#retryAfterSeconds()}). */
    SERVICE_UNAVAILABLE,
    /** {@code 429 TooManyRequests} with {@code Retry-After} ({@link ArmSimulatorOptions#retryAfterSeconds()}). */
    THROTTLE,
    /** The connection is closed without any response; the client sees an I/O error. */
    DROP_CONNECTION
  }

  /** How a response is lost after the request took effect. */
  public enum LostResponse {
    /** The write is applied, then the answer is a {@code 504 GatewayTimeout}, as from a gateway that gave up. */
    GATEWAY_TIMEOUT,
    /** The write is applied, then the connection is closed without an answer. */
    CONNECTION_DROPPED
  }

  private final ArmSimulatorOptions options;
  private final double faultRate;
  private final Duration latency;
  private final ArmSimState state;
  private final ArmSimLosses losses = new ArmSimLosses();

  private ArmSimulator(Builder settings, long seed) {
    super(new SimServer("ARM simulator", "arm-simulator-", settings.port, settings.threads),
        new SimulatorCounters<>(Route.class, Fault.class),
        new SimFaults<>(settings.faultRate, settings.faults, seed, true, fault -> false), seed);
    this.options = settings.options;
    this.faultRate = settings.faultRate;
    this.latency = settings.latency;
    this.state = new ArmSimState(options);
  }

  /**
   * Starts configuring a simulator; without {@link Builder#options(ArmSimulatorOptions)} it serves
   * {@link ArmSimulatorOptions#defaults()}.
   *
   * @return a builder with the defaults described on each of its methods
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  HttpHandler handler(String endpoint) {
    return new ArmSimHandler(new ArmSimRoutes(state), options, latency, counters, faults, losses, endpoint);
  }

  /**
   * The bearer token the simulator accepts for an identity: {@code sim-<identityId>}. A {@code TokenCredential}
   * that returns it signs requests as that identity.
   *
   * @param identityId who the caller is
   * @return the token
   * @throws IllegalArgumentException if the id is blank or has characters other than letters, digits and
   *     {@code . _ @ -}
   */
  public static String bearerToken(String identityId) {
    return ArmSimTokens.bearerToken(identityId);
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
   *
   * @param principal the principal
   * @return the token
   */
  public static String bearerToken(ArmSimulatorPrincipal principal) {
    return ArmSimTokens.bearerToken(principal);
  }

  /** @return the options it serves */
  public ArmSimulatorOptions options() {
    return options;
  }

  /**
   * Loses the answers to the next {@code count} requests of this method on this route after they took effect:
   * the simulator applies the request (a write is saved, a one-time code exchanged) and then answers as
   * {@code how} says. Lets tests see what a client does when a write's response is lost.
   *
   * @param route the route
   * @param method the HTTP method, such as {@code PUT}
   * @param count how many answers
   * @param how how they are lost
   */
  public void loseResponses(Route route, String method, int count, LostResponse how) {
    losses.lose(Objects.requireNonNull(route, "route"), Objects.requireNonNull(method, "method"), count,
        Objects.requireNonNull(how, "how"));
  }

  /** Removes every scripted fault and lost response; the fault rate stays as configured. */
  @Override
  public void clearFaults() {
    super.clearFaults();
    losses.clear();
  }

  /**
   * Replaces what an identity may do (what the permissions endpoint answers, and what writes check).
   *
   * @param identityId the identity
   * @param permissions what it may do
   */
  public void grant(String identityId, ArmSimulatorPermissions... permissions) {
    state.grant(Objects.requireNonNull(identityId, "identityId"), Arrays.asList(permissions));
  }

  /**
   * Sets a subscription's {@code Microsoft.Security} registration state.
   *
   * @param subscriptionId the subscription
   * @param state the state, e.g. {@code NotRegistered}
   */
  public void providerRegistrationState(String subscriptionId, String state) {
    this.state.providerRegistrationState(Objects.requireNonNull(subscriptionId, "subscriptionId"),
        Objects.requireNonNull(state, "state"));
  }

  /**
   * Makes a one-time code fail its exchange from now on, as if it had expired.
   *
   * @param code the code; only its hash is kept
   */
  public void expireCode(String code) {
    state.expireCode(Objects.requireNonNull(code, "code"));
  }

  /**
   * The identity that last exchanged a code for this connector, if any.
   *
   * @param connectorResourceId the connector's ARM resource id
   * @return the identity id
   */
  public Optional<String> authorizingIdentity(String connectorResourceId) {
    return state.authorizingIdentity(Objects.requireNonNull(connectorResourceId, "connectorResourceId"));
  }

  /** @return how many connectors exist */
  public int connectorCount() {
    return state.connectorCount();
  }

  /**
   * How many PUT, PATCH and DELETE requests the routes answered (faults injected instead of an answer are not
   * counted), so that a test can tell that something was refused before any write.
   *
   * @return the number of write requests
   */
  public long writeRequests() {
    return state.writeRequests();
  }

  /** The address and settings, never a credential or code. */
  @Override
  public String toString() {
    String url = server.endpointOrNull();
    return "ArmSimulator[" + (url == null ? "not started" : url) + ", faultRate=" + faultRate + ", seed="
        + seed() + "]";
  }

  /**
   * Configures an {@link ArmSimulator}: what it serves ({@link #options(ArmSimulatorOptions)}) and the settings both
   * simulators share, with the same names ({@link SimulatorBuilder}: port, latency, faults, seed, threads). Setters
   * only record values; {@link #build()} checks them all and fails with {@link IllegalStateException} naming what is
   * wrong. Not thread-safe.
   */
  public static final class Builder extends SimulatorBuilder<Builder, Fault> {
    private ArmSimulatorOptions options = ArmSimulatorOptions.defaults();

    private Builder() {
      // The transient answers ARM documents for a client to retry, taken in turn.
      super(Fault.class, EnumSet.of(Fault.SERVICE_UNAVAILABLE, Fault.THROTTLE), 4);
    }

    /**
     * What the simulated service holds and how it behaves: organizations, principals, permissions, paging,
     * long-running operations, request budgets, clock. Default: {@link ArmSimulatorOptions#defaults()}.
     *
     * @param options the options
     * @return this builder
     */
    public Builder options(ArmSimulatorOptions options) {
      this.options = options;
      return this;
    }

    /**
     * A simulator with these settings, not yet started.
     *
     * @return the simulator
     * @throws IllegalStateException if a setting is missing or out of range; the message names it
     */
    public ArmSimulator build() {
      if (options == null) {
        throw new IllegalStateException("The options are missing; use ArmSimulatorOptions.defaults().");
      }
      checkShared();
      return new ArmSimulator(this, seedOrRandom(new SecureRandom()));
    }

    /** The settings so far. */
    @Override
    public String toString() {
      return "ArmSimulator.Builder[port=" + port + ", faultRate=" + faultRate + ", threads=" + threads + "]";
    }
  }
}
