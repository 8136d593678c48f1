package io.github.devopsconnector.testing;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.immutables.value.Value;

/**
 * How an {@link ArmSimulator} behaves: paging, long-running operations, one-time codes that count as expired, the
 * Azure DevOps organizations it knows, permissions per identity, and resource provider registrations. Faults,
 * latency and the port are settings of {@link ArmSimulator.Builder}. Immutable; {@link #builder()} starts from the
 * defaults, {@link #defaults()} is them.
 */
@Value.Immutable
public abstract class ArmSimulatorOptions {

  ArmSimulatorOptions() {}

  /** Items per page of every list; more items give a {@code nextLink}. Default 100. */
  @Value.Default
  public int pageSize() {
    return 100;
  }

  /**
   * Whether writes of {@code devops/default} are long-running (201/202 with {@code Azure-AsyncOperation}, the
   * default) or answer 200 with the final state.
   */
  @Value.Default
  public boolean asyncOperations() {
    return true;
  }

  /** How many polls of an operation answer the in-progress status before it ends. Default 0. */
  @Value.Default
  public int pollsBeforeCompletion() {
    return 0;
  }

  /** The status an unfinished operation reports: {@code InProgress} (default) or {@code Accepted}. */
  @Value.Default
  public String inProgressStatus() {
    return "InProgress";
  }

  /** The {@code Retry-After} seconds on long-running responses and injected faults: 0 (default) or more. */
  @Value.Default
  public int retryAfterSeconds() {
    return 0;
  }

  /** One-time authorization codes that fail their exchange as if expired. Never shown by {@link #toString()}. */
  @Value.Redacted
  public abstract Set<String> expiredCodes();

  /** The Azure DevOps organizations the authorizing identity can reach, with their projects and repositories. */
  public abstract List<ArmSimulatorOrganization> organizations();

  /**
   * The GitHub owners the authorizing identity of a GitHub connector can reach, with their repositories (the
   * {@code gitHubOwners}, {@code repos} and {@code listAvailableGitHubOwners} routes).
   */
  public abstract List<ArmSimulatorGitHubOwner> gitHubOwners();

  /**
   * The top-level GitLab groups the authorizing identity of a GitLab connector can reach, with their subgroups and
   * projects (the {@code gitLabGroups}, {@code listSubgroups}, {@code projects} and {@code listAvailableGitLabGroups}
   * routes). {@link Builder#gitLabEstate(GitLabEstate)} takes them from an estate.
   */
  @Value.Default
  public List<GitLabEstateGroup> gitLabGroups() {
    return List.of();
  }

  /**
   * The paths of the {@link #gitLabGroups()} a connector outside the simulator already onboarded
   * ({@code OnboardedByOtherConnector}), ignoring case.
   */
  @Value.Default
  public Set<String> gitLabGroupsOnboardedElsewhere() {
    return Set.of();
  }

  /**
   * The principals the simulator knows by object id; {@code systemData} names them as ARM does (user principal name
   * or application id). An identity not listed is reported by its identity id, as a user.
   */
  public abstract List<ArmSimulatorPrincipal> principals();

  /** Permissions per identity id; an identity not listed gets {@link #defaultPermissions()}. */
  public abstract Map<String, List<ArmSimulatorPermissions>> permissions();

  /** What an identity not in {@link #permissions()} may do. Default: Contributor. */
  @Value.Default
  public ArmSimulatorPermissions defaultPermissions() {
    return ArmSimulatorPermissions.contributor();
  }

  /**
   * {@code Microsoft.Security} registration state per subscription id ({@code Registered}, {@code NotRegistered},
   * {@code Registering}, …); subscriptions not listed are {@code Registered}.
   */
  public abstract Map<String, String> providerRegistrationStates();

  /**
   * Whether {@code devops/default} has an ETag and honours {@code If-Match} (412 on a mismatch). Default
   * {@code false}, as in the specification, where the DevOps configuration is a proxy resource without an etag
   * and its operations take no {@code If-Match}; turn it on to test a service that would offer them.
   */
  @Value.Default
  public boolean devOpsEtags() {
    return false;
  }

  /**
   * The read budget of a subscription and caller: a token bucket of this many requests, refilled at
   * {@link #readRefillPerSecond()}, as Azure Resource Manager throttles (its documented defaults are 250 and 25 a
   * second). Every answer carries {@code x-ms-ratelimit-remaining-subscription-reads}; a read past the budget
   * answers 429 {@code SubscriptionRequestsThrottled} with {@code Retry-After}. Default 250.
   */
  @Value.Default
  public int readBudget() {
    return 250;
  }

  /** Read tokens refilled per second of {@link #clock()}. Default 25. */
  @Value.Default
  public int readRefillPerSecond() {
    return 25;
  }

  /**
   * The write budget (PUT, PATCH, POST) of a subscription and caller, with
   * {@code x-ms-ratelimit-remaining-subscription-writes}; deletes have a budget of the same size of their own
   * ({@code -deletes}). Default 200, as documented for Azure Resource Manager.
   */
  @Value.Default
  public int writeBudget() {
    return 200;
  }

  /** Write (and delete) tokens refilled per second of {@link #clock()}. Default 10. */
  @Value.Default
  public int writeRefillPerSecond() {
    return 10;
  }

  /** The clock of {@code systemData} and operation times. */
  @Value.Default
  public Clock clock() {
    return Clock.systemUTC();
  }

  /** The default options. */
  public static ArmSimulatorOptions defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  final void check() {
    if (pageSize() < 1 || pageSize() > 1000) {
      throw new IllegalArgumentException("The page size must be 1 to 1000; it is " + pageSize() + ".");
    }
    if (pollsBeforeCompletion() < 0) {
      throw new IllegalArgumentException("The number of polls before completion must not be negative.");
    }
    if (!inProgressStatus().equals("InProgress") && !inProgressStatus().equals("Accepted")) {
      throw new IllegalArgumentException("The in-progress status must be InProgress or Accepted.");
    }
    if (retryAfterSeconds() < 0 || retryAfterSeconds() > 60) {
      throw new IllegalArgumentException("Retry-After must be 0 to 60 seconds.");
    }
    if (readBudget() < 1 || writeBudget() < 1 || readRefillPerSecond() < 1 || writeRefillPerSecond() < 1) {
      throw new IllegalArgumentException("Request budgets and their refill rates must be at least 1.");
    }
    if (organizations().stream().map(o -> o.name().toLowerCase(java.util.Locale.ROOT)).distinct().count()
        != organizations().size()) {
      throw new IllegalArgumentException("The simulator must not list an organization twice.");
    }
    if (gitHubOwners().stream().map(o -> o.name().toLowerCase(java.util.Locale.ROOT)).distinct().count()
        != gitHubOwners().size()) {
      throw new IllegalArgumentException("The simulator must not list a GitHub owner twice.");
    }
    if (gitLabGroups().stream().map(g -> g.path().value().toLowerCase(java.util.Locale.ROOT)).distinct().count()
        != gitLabGroups().size()) {
      throw new IllegalArgumentException("The simulator must not list a GitLab group twice.");
    }
  }

  /** Builds {@link ArmSimulatorOptions}. */
  public static final class Builder extends ImmutableArmSimulatorOptions.Builder {
    Builder() {}

    /**
     * Adds the top-level groups of a {@link GitLabEstate} the user is an Owner of (those a GitLab connector can
     * onboard: the quickstart requires Group Owner), with their subgroups and projects, and the groups the estate
     * says another connector onboarded.
     *
     * @param estate the estate
     * @return this builder
     */
    public Builder gitLabEstate(GitLabEstate estate) {
      for (GitLabEstateGroup group : estate.groups()) {
        if (group.accessLevel() == io.github.devopsconnector.core.gitlab.GitLabAccessLevel.OWNER) {
          addGitLabGroups(group);
        }
      }
      estate.onboardedElsewhere().forEach(path -> addGitLabGroupsOnboardedElsewhere(path.value()));
      return this;
    }
  }
}
