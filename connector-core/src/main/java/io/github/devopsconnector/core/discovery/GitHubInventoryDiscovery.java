package io.github.devopsconnector.core.discovery;

import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.github.GitHubClient;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;

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
public final class GitHubInventoryDiscovery extends AccountDiscovery {

  private final GitHubClient client;

  private GitHubInventoryDiscovery(Builder builder) {
    super(builder);
    this.client = builder.client;
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
    GitHubRun run = new GitHubRun(client, scope());
    List<GitHubOwnerInventory> owners = discover(run, selection, (outcome, installation, repositories) ->
        GitHubOwnerInventory.builder().outcome(outcome).installation(installation).repositories(repositories).build(),
        "GitHub discovery");
    List<OrganizationOutcome> outcomes = owners.stream().map(GitHubOwnerInventory::outcome)
        .collect(Collectors.toList());
    return GitHubInventory.builder()
        .owners(owners)
        .totals(run.totals(outcomes, false))
        .onboardable(run.totals(outcomes, true))
        .build();
  }

  /** Builds a {@link GitHubInventoryDiscovery}; the options, executor and onboarding check are shared. */
  public static final class Builder extends AccountDiscoveryBuilder<Builder> {
    private GitHubClient client;

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
