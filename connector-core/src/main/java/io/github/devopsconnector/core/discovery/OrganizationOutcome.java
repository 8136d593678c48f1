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
        + (findings().isEmpty() ? "" : " " + findings());
  }
}
