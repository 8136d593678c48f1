package io.github.devopsconnector.core.discovery;

import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.gitlab.GitLabClient;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;

/**
 * Discovers what a GitLab connector would see: for every selected top-level group the user belongs to, whatever
 * the access level, every project of the group's tree (subgroups at any depth, archived projects included and
 * marked). The GitLab counterpart of {@link GitHubInventoryDiscovery}, with the same options, outcomes, errors and
 * totals.
 *
 * <pre>{@code
 * GitLabInventory inventory = GitLabInventoryDiscovery.builder().client(gitLab).build()
 *     .discover(OrganizationSelection.allExisting());
 * }</pre>
 *
 * <p><b>Per group.</b> A group the user is not a member of (named by an explicit selection) is
 * {@link OrganizationStatus#SKIPPED SKIPPED} with a
 * {@link io.github.devopsconnector.core.FindingCode#GITLAB_NOT_GROUP_OWNER} finding. A group the user belongs to
 * below Owner is discovered all the same; its {@link OrganizationOutcome#onboarding() onboarding check} (the same as
 * {@link Preflight}'s for GitLab) says why a connector would not onboard it. A failed request fails that group only
 * ({@link OrganizationStatus#FAILED} with the error); only a failure to read the user's groups fails the whole
 * discovery.
 *
 * <p><b>Time.</b> The discovery ends by {@link DiscoveryOptions#timeout()} with a {@code TRANSIENT} time-limit
 * {@link ServiceException}; interrupting the caller stops it. Requests are sent one at a time. Instances are
 * immutable and thread-safe.
 */
public final class GitLabInventoryDiscovery extends AccountDiscovery {

  private final GitLabClient client;

  private GitLabInventoryDiscovery(Builder builder) {
    super(builder);
    this.client = builder.client;
  }

  /** A builder; {@link Builder#client(GitLabClient)} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Discovers the selected groups and waits for the inventory.
   *
   * @throws ServiceException if the user's groups could not be read, or the time limit ran out
   * @throws CancellationException if the calling thread was interrupted
   * @throws NullPointerException if the selection is null
   */
  public GitLabInventory discover(OrganizationSelection selection) {
    GitLabRun run = new GitLabRun(client, scope());
    List<GitLabGroupInventory> groups = discover(run, selection, (outcome, group, projects) ->
        GitLabGroupInventory.builder().outcome(outcome).projects(projects).build(), "GitLab discovery");
    List<OrganizationOutcome> outcomes = groups.stream().map(GitLabGroupInventory::outcome)
        .collect(Collectors.toList());
    return GitLabInventory.builder().groups(groups).totals(run.totals(outcomes, false))
        .onboardable(run.totals(outcomes, true)).build();
  }

  /** Builds a {@link GitLabInventoryDiscovery}; the options, executor and onboarding check are shared. */
  public static final class Builder extends AccountDiscoveryBuilder<Builder> {
    private GitLabClient client;

    private Builder() {}

    /**
     * The GitLab client, signed in as the user whose groups are read; required.
     *
     * @param client the client
     * @return this builder
     */
    public Builder client(GitLabClient client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * The discovery.
     *
     * @return the discovery
     * @throws IllegalStateException if no client was given
     */
    public GitLabInventoryDiscovery build() {
      if (client == null) {
        throw new IllegalStateException("A GitLabInventoryDiscovery needs a GitLabClient: call client(...) first.");
      }
      return new GitLabInventoryDiscovery(this);
    }
  }
}
