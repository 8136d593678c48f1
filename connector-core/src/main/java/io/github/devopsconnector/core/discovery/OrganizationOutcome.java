package io.github.devopsconnector.core.discovery;

import io.github.devopsconnector.core.Finding;
import io.github.devopsconnector.core.OrganizationName;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How discovering one organization ended, and how much it found. The counts are what the result holds: for an
 * {@link Inventory}, the sizes of the organization's lists (zero for a failed organization, whose partial lists are
 * dropped); for a streaming discovery, how many items the sink received (a failed organization may have delivered
 * some before it failed).
 */
@Value.Immutable
public abstract class OrganizationOutcome {

  OrganizationOutcome() {}

  /** The organization. */
  public abstract OrganizationName organization();

  /** The organization id, when the accounts list named it. */
  public abstract Optional<String> id();

  /** Discovered, skipped or failed. */
  public abstract OrganizationStatus status();

  /**
   * Why the organization was skipped or could not be read, as findings (for example
   * {@link io.github.devopsconnector.core.FindingCode#ADO_ORGANIZATION_NOT_ACCESSIBLE}); empty when discovered.
   */
  public abstract List<Finding> findings();

  /** The failure, for {@link OrganizationStatus#FAILED}. */
  public abstract Optional<DiscoveryError> error();

  /** Number of projects. */
  public abstract int projectCount();

  /** Number of Git repositories. */
  public abstract int repositoryCount();

  /** Number of pipelines. */
  public abstract int pipelineCount();

  /**
   * Whether the connector would onboard the organization, and why not: the same per-organization check as
   * {@link Preflight} (Project Collection Administrator, access level, the OAuth policy, the tenant, onboarded by
   * another connector). Present when the discovery was asked to check
   * ({@link InventoryDiscovery.Builder#checkOnboarding()}); for an organization that was skipped or failed it holds
   * why it could not be checked.
   */
  public abstract Optional<OrganizationPreflight> onboarding();

  /**
   * Whether a connector selecting all existing organizations would onboard this one: it was discovered, and its
   * {@link #onboarding() check} found nothing that greys it out. Empty when the discovery did not check.
   */
  public final Optional<Boolean> onboardable() {
    return onboarding().map(check -> status() == OrganizationStatus.DISCOVERED && check.isEligible());
  }

  /**
   * Why the connector would not onboard the organization: the blocking findings of the check (preflight codes such
   * as {@link io.github.devopsconnector.core.FindingCode#ADO_NOT_PROJECT_COLLECTION_ADMINISTRATOR}) and, for an
   * organization that was skipped or not accessible, its own findings. Empty when it would be onboarded or was not
   * checked.
   */
  public final List<Finding> notOnboardableBecause() {
    if (onboardable().orElse(true)) {
      return List.of();
    }
    java.util.LinkedHashSet<Finding> why = new java.util.LinkedHashSet<>(onboarding().get().errors());
    findings().stream().filter(Finding::isError).forEach(why::add);
    return List.copyOf(why);
  }

  static ImmutableOrganizationOutcome.Builder builder() {
    return ImmutableOrganizationOutcome.builder();
  }

  @Value.Check
  final void check() {
    if ((status() == OrganizationStatus.FAILED) != error().isPresent()) {
      throw new IllegalArgumentException("An organization outcome has an error exactly when it failed.");
    }
  }

  @Override
  public String toString() {
    return organization() + ": " + status()
        + (status() == OrganizationStatus.DISCOVERED
            ? " (" + projectCount() + " projects, " + repositoryCount() + " repositories, " + pipelineCount()
                + " pipelines)"
            : "")
        + error().map(e -> " " + e).orElse("")
        + (findings().isEmpty() ? "" : " " + findings())
        + onboardable().map(yes -> yes ? ", onboardable" : ", not onboardable " + notOnboardableBecause()).orElse("");
  }
}
