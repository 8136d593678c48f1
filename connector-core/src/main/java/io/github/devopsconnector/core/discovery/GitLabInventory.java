package io.github.devopsconnector.core.discovery;

import io.github.devopsconnector.core.OrganizationName;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What a GitLab connector would see: every selected top-level group with its outcome and the projects of its tree,
 * and the totals (projects counted as repositories). Groups are sorted by path ignoring case; two discoveries of
 * the same estate are {@link #equals(Object) equal}.
 */
@Value.Immutable
public abstract class GitLabInventory {

  GitLabInventory() {}

  /** Every selected top-level group. */
  public abstract List<GitLabGroupInventory> groups();

  /** Totals over all groups (GitLab projects count as repositories; projects and pipelines are zero). */
  public abstract DiscoveryTotals totals();

  /**
   * Totals over the groups a connector selecting all existing groups would onboard
   * ({@link OrganizationOutcome#onboardable()}): what it would actually see.
   */
  public abstract DiscoveryTotals onboardable();

  /** The group with this path, if it was selected. */
  public final Optional<GitLabGroupInventory> group(OrganizationName path) {
    return groups().stream().filter(g -> g.path().equals(path)).findFirst();
  }

  /** Whether every selected group was discovered. */
  public final boolean isComplete() {
    return groups().stream().allMatch(g -> g.status() == OrganizationStatus.DISCOVERED);
  }

  static ImmutableGitLabInventory.Builder builder() {
    return ImmutableGitLabInventory.builder();
  }

  @Override
  public String toString() {
    return "GitLabInventory{" + totals() + "; " + groups() + "}";
  }
}
