package io.github.devopsconnector.core.discovery;

import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.TenantId;
import io.github.devopsconnector.core.edit.TenantRegistry;
import io.github.devopsconnector.core.github.GitHubClient;
import io.github.devopsconnector.core.github.GitHubOwner;
import io.github.devopsconnector.core.github.GitHubRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;

/**
 * Discovers what a GitHub connector would see: for every selected owner the user belongs to, the repositories the
 * Defender for Cloud GitHub app can access (none where it is not installed), archived ones included and marked.
 * The GitHub counterpart of {@link InventoryDiscovery}, whose result is shaped for Azure DevOps (projects,
 * pipelines); the same {@link DiscoveryOptions}, outcomes, errors and totals.
 *
 * <pre>{@code
 * GitHubInventory inventory = GitHubInventoryDiscovery.builder().client(gitHub).build()
 *     .discover(OrganizationSelection.allExisting());
 * }</pre>
 *
 * <p><b>Per owner.</b> An owner the user is not a member of (named by an explicit selection) or only a member of
 * is {@link OrganizationStatus#SKIPPED SKIPPED} with a
 * {@link io.github.devopsconnector.core.FindingCode#GITHUB_NOT_ORGANIZATION_OWNER} finding: only Owners can read
 * an organization's app installations. A failed request fails that owner only ({@link OrganizationStatus#FAILED}
 * with the error); the others are discovered as usual. Only a failure to read the user's owners fails the whole
 * discovery. Every outcome carries the {@link OrganizationOutcome#onboarding() onboarding check}, the same as
 * {@link Preflight}'s for GitHub.
 *
 * <p><b>Time.</b> The discovery ends by {@link DiscoveryOptions#timeout()} with a {@code TRANSIENT} time-limit
 * {@link ServiceException}; interrupting the caller stops it. Requests are sent one at a time, as GitHub asks.
 * Instances are immutable and thread-safe.
 */
public final class GitHubInventoryDiscovery {

  private final GitHubClient client;
  private final DiscoveryOptions options;
  private final Executor executor;
  private final Optional<TenantId> tenant;
  private final Optional<TenantRegistry> registry;

  private GitHubInventoryDiscovery(Builder builder) {
    this.client = builder.client;
    this.options = builder.options;
    this.executor = builder.executor;
    this.tenant = builder.tenant;
    this.registry = builder.registry;
  }

  /** A builder; {@link Builder#client(GitHubClient)} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Discovers the selected owners and waits for the inventory.
   *
   * @throws ServiceException if the user's owners could not be read, or the time limit ran out
   * @throws CancellationException if the calling thread was interrupted
   * @throws NullPointerException if the selection is null
   */
  public GitHubInventory discover(OrganizationSelection selection) {
    Objects.requireNonNull(selection, "selection");
    GitHubRuns.Counting counting = new GitHubRuns.Counting(client);
    GitHubOwnerCheck rules = new GitHubOwnerCheck(registry, tenant, Optional.empty());
    List<GitHubOwnerInventory> owners = GitHubRuns.underDeadline(() -> {
      List<GitHubOwnerInventory> found = new ArrayList<>();
      for (Map.Entry<OrganizationName, Optional<GitHubOwner>> target
          : GitHubRuns.targets(counting, selection).entrySet()) {
        found.add(discoverOwner(counting, rules, target.getKey(), target.getValue()));
      }
      return found;
    }, options.timeout(), executor, "GitHub discovery");
    long requests = counting.calls.get();
    long throttled = counting.throttled.get();
    return GitHubInventory.builder()
        .owners(owners)
        .totals(totals(owners, requests, throttled, false))
        .onboardable(totals(owners, requests, throttled, true))
        .build();
  }

  private static GitHubOwnerInventory discoverOwner(GitHubClient client, GitHubOwnerCheck rules,
      OrganizationName login, Optional<GitHubOwner> owner) {
    GitHubOwnerCheck.Result checked = rules.check(client, login, owner);
    OrganizationPreflight onboarding = checked.preflight;
    ImmutableOrganizationOutcome.Builder outcome = OrganizationOutcome.builder().organization(login)
        .projectCount(0).pipelineCount(0).onboarding(onboarding);
    if (onboarding.error().isPresent()) {
      return GitHubOwnerInventory.builder().outcome(outcome.status(OrganizationStatus.FAILED)
          .error(onboarding.error()).repositoryCount(0).build()).build();
    }
    boolean ownerRole = onboarding.findings().stream()
        .noneMatch(f -> f.code() == io.github.devopsconnector.core.FindingCode.GITHUB_NOT_ORGANIZATION_OWNER);
    if (!ownerRole) {
      outcome.addAllFindings(onboarding.findings().stream()
          .filter(f -> f.code() == io.github.devopsconnector.core.FindingCode.GITHUB_NOT_ORGANIZATION_OWNER)
          .collect(java.util.stream.Collectors.toList()));
      return GitHubOwnerInventory.builder().outcome(outcome.status(OrganizationStatus.SKIPPED).repositoryCount(0)
          .build()).build();
    }
    List<GitHubRepository> repositories = new ArrayList<>();
    if (checked.installation.isPresent()) {
      try {
        repositories.addAll(client.repositories(checked.installation.get()));
      } catch (ServiceException e) {
        return GitHubOwnerInventory.builder().installation(checked.installation).outcome(outcome
            .status(OrganizationStatus.FAILED).error(DiscoveryError.of(e)).repositoryCount(0).build()).build();
      }
    }
    repositories.sort(Ordering.GITHUB_REPOSITORIES);
    return GitHubOwnerInventory.builder()
        .outcome(outcome.status(OrganizationStatus.DISCOVERED).repositoryCount(repositories.size()).build())
        .installation(checked.installation)
        .repositories(repositories)
        .build();
  }

  private static DiscoveryTotals totals(List<GitHubOwnerInventory> owners, long requests, long throttled,
      boolean onboardableOnly) {
    long count = 0;
    long repositories = 0;
    for (GitHubOwnerInventory owner : owners) {
      if (onboardableOnly && !owner.outcome().onboardable().orElse(false)) {
        continue;
      }
      count++;
      repositories += owner.repositories().size();
    }
    return DiscoveryTotals.builder().organizations(count).projects(0).repositories(repositories).pipelines(0)
        .requests(requests).throttledRequests(throttled).build();
  }

  @Override
  public String toString() {
    return "GitHubInventoryDiscovery{timeout " + options.timeout() + "}";
  }

  /** Builds a {@link GitHubInventoryDiscovery}. */
  public static final class Builder {
    private GitHubClient client;
    private DiscoveryOptions options = DiscoveryOptions.defaults();
    private Executor executor;
    private Optional<TenantId> tenant = Optional.empty();
    private Optional<TenantRegistry> registry = Optional.empty();

    private Builder() {}

    /**
     * The GitHub client, signed in as the user whose owners are read; required.
     *
     * @param client the client
     * @return this builder
     */
    public Builder client(GitHubClient client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * The options; only {@link DiscoveryOptions#timeout()} applies to GitHub. Default
     * {@link DiscoveryOptions#defaults()}.
     *
     * @param options the options
     * @return this builder
     */
    public Builder options(DiscoveryOptions options) {
      this.options = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * Where the work runs; by default a daemon thread of its own per discovery. The executor is never shut down.
     *
     * @param executor the executor
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Also checks, per owner, whether another connector of the tenant holds it
     * ({@link io.github.devopsconnector.core.FindingCode#GITHUB_OWNER_ONBOARDED_ELSEWHERE}).
     *
     * @param tenant the Microsoft Entra tenant of the connector's subscription
     * @param registry which connector of the tenant onboarded which owner
     * @return this builder
     */
    public Builder checkOnboarding(TenantId tenant, TenantRegistry registry) {
      this.tenant = Optional.of(Objects.requireNonNull(tenant, "tenant"));
      this.registry = Optional.of(Objects.requireNonNull(registry, "registry"));
      return this;
    }

    /**
     * The discovery.
     *
     * @return the discovery
     * @throws IllegalStateException if no client was given
     */
    public GitHubInventoryDiscovery build() {
      if (client == null) {
        throw new IllegalStateException("A GitHubInventoryDiscovery needs a GitHubClient: call client(...) first.");
      }
      return new GitHubInventoryDiscovery(this);
    }
  }
}
