package io.github.devopsconnector.core.discovery;

import io.github.devopsconnector.core.OrganizationName;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * The outcome of every organization and the totals, without the inventory itself: what a streaming discovery
 * ({@link InventoryDiscovery#discover(io.github.devopsconnector.core.OrganizationSelection, InventorySink)})
 * returns, and what {@link Inventory#summary()} gives. Organizations are sorted by name ignoring case, then id.
 */
@Value.Immutable
public abstract class DiscoverySummary {

  DiscoverySummary() {}

  /** Every selected organization's outcome. */
  public abstract List<OrganizationOutcome> organizations();

  /** Totals over all organizations. */
  public abstract DiscoveryTotals totals();

  /**
   * Totals over the organizations a connector selecting all existing organizations would onboard
   * ({@link OrganizationOutcome#onboardable()}): what it would actually see. The request counts are the whole
   * discovery's. Present when the discovery checked onboarding ({@link InventoryDiscovery.Builder#checkOnboarding()}).
   */
  public abstract Optional<DiscoveryTotals> onboardable();

  /** The outcome of this organization, if it was selected. */
  public final Optional<OrganizationOutcome> organization(OrganizationName name) {
    return organizations().stream().filter(o -> o.organization().equals(name)).findFirst();
  }

  /** The outcomes with this status. */
  public final List<OrganizationOutcome> withStatus(OrganizationStatus status) {
    return organizations().stream().filter(o -> o.status() == status).collect(Collectors.toUnmodifiableList());
  }

  /** Whether every selected organization was discovered. */
  public final boolean isComplete() {
    return organizations().stream().allMatch(o -> o.status() == OrganizationStatus.DISCOVERED);
  }

  static ImmutableDiscoverySummary.Builder builder() {
    return ImmutableDiscoverySummary.builder();
  }

  @Override
  public String toString() {
    return "DiscoverySummary{" + totals() + "; " + organizations() + "}";
  }
}
