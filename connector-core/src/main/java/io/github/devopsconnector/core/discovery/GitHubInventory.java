package io.github.devopsconnector.core.discovery;

import io.github.devopsconnector.core.OrganizationName;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What a GitHub connector would see: every selected owner with its outcome and the repositories the Defender app
 * can access, and the totals. Owners are sorted by login ignoring case; two discoveries of the same estate are
 * {@link #equals(Object) equal}.
 */
@Value.Immutable
public abstract class GitHubInventory {

  GitHubInventory() {}

  /** Every selected owner. */
  public abstract List<GitHubOwnerInventory> owners();

  /** Totals over all owners (projects and pipelines are zero). */
  public abstract DiscoveryTotals totals();

  /**
   * Totals over the owners a connector selecting all existing owners would onboard
   * ({@link OrganizationOutcome#onboardable()}): what it would actually see.
   */
  public abstract DiscoveryTotals onboardable();

  /** The owner with this login, if it was selected. */
  public final Optional<GitHubOwnerInventory> owner(OrganizationName login) {
    return owners().stream().filter(o -> o.login().equals(login)).findFirst();
  }

  /** Whether every selected owner was discovered. */
  public final boolean isComplete() {
    return owners().stream().allMatch(o -> o.status() == OrganizationStatus.DISCOVERED);
  }

  static ImmutableGitHubInventory.Builder builder() {
    return ImmutableGitHubInventory.builder();
  }

  @Override
  public String toString() {
    return "GitHubInventory{" + totals() + "; " + owners() + "}";
  }
}
