package io.github.devopsconnector.core.discovery;

import io.github.devopsconnector.core.OrganizationName;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * What a connector would see: every selected organization with its outcome, projects, Git repositories and
 * pipelines, and the totals. Immutable and deterministic: organizations are sorted by name ignoring case, then id,
 * and so is every list inside them, whatever the concurrency of the discovery; two discoveries of the same estate
 * are {@link #equals(Object) equal}.
 */
@Value.Immutable
public abstract class Inventory {

  Inventory() {}

  /** Every selected organization. */
  public abstract List<OrganizationInventory> organizations();

  /** Totals over all organizations. */
  public abstract DiscoveryTotals totals();

  /**
   * Totals over the organizations a connector selecting all existing organizations would onboard
   * ({@link OrganizationOutcome#onboardable()}): what it would actually see. The request counts are the whole
   * discovery's. Present when the discovery checked onboarding ({@link InventoryDiscovery.Builder#checkOnboarding()}).
   */
  public abstract Optional<DiscoveryTotals> onboardable();

  /** The organization with this name, if it was selected. */
  public final Optional<OrganizationInventory> organization(OrganizationName name) {
    return organizations().stream().filter(o -> o.name().equals(name)).findFirst();
  }

  /** The outcomes and totals without the lists. */
  public final DiscoverySummary summary() {
    return DiscoverySummary.builder()
        .organizations(organizations().stream().map(OrganizationInventory::outcome).collect(Collectors.toList()))
        .totals(totals())
        .onboardable(onboardable())
        .build();
  }

  /** Whether every selected organization was discovered. */
  public final boolean isComplete() {
    return organizations().stream().allMatch(o -> o.status() == OrganizationStatus.DISCOVERED);
  }

  static ImmutableInventory.Builder builder() {
    return ImmutableInventory.builder();
  }

  @Override
  public String toString() {
    return "Inventory{" + totals() + "; " + organizations() + "}";
  }
}
