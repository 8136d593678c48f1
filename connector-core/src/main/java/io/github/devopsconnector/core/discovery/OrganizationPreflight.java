package io.github.devopsconnector.core.discovery;

import io.github.devopsconnector.core.ConnectorId;
import io.github.devopsconnector.core.Finding;
import io.github.devopsconnector.core.OrganizationFacts;
import io.github.devopsconnector.core.OrganizationName;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * One organization in a {@link PreflightReport}: eligible to onboard, or greyed out, and why. It is greyed out when
 * a finding blocks (an {@link io.github.devopsconnector.core.Severity#ERROR ERROR}) or when it could not be checked
 * at all ({@link #error()}, for example when Azure DevOps kept failing or throttling).
 */
@Value.Immutable
public abstract class OrganizationPreflight {

  OrganizationPreflight() {}

  /** The organization. */
  public abstract OrganizationName organization();

  /** What was learned about the user in the organization; empty when it could not be read. */
  public abstract Optional<OrganizationFacts> facts();

  /** Every finding about the organization, blocking or not, in a stable order. */
  public abstract List<Finding> findings();

  /**
   * Why the organization could not be checked, when a request failed for a reason other than the organization
   * refusing the user (which is the finding
   * {@link io.github.devopsconnector.core.FindingCode#ADO_ORGANIZATION_NOT_ACCESSIBLE} instead).
   */
  public abstract Optional<DiscoveryError> error();

  /** The other connector of the tenant that already onboarded the organization, if any. */
  public abstract Optional<ConnectorId> onboardedBy();

  /** Whether the organization can be onboarded: it was checked, and no finding blocks. */
  public final boolean isEligible() {
    return error().isEmpty() && findings().stream().noneMatch(Finding::isError);
  }

  /** Whether the organization would be greyed out: the opposite of {@link #isEligible()}. */
  public final boolean isGreyedOut() {
    return !isEligible();
  }

  /** The blocking findings. */
  public final List<Finding> errors() {
    return findings().stream().filter(Finding::isError).collect(Collectors.toUnmodifiableList());
  }

  static ImmutableOrganizationPreflight.Builder builder() {
    return ImmutableOrganizationPreflight.builder();
  }

  @Override
  public String toString() {
    return organization() + ": " + (isEligible() ? "eligible" : "greyed out")
        + error().map(e -> " (could not be checked: " + e + ")").orElse("")
        + (findings().isEmpty() ? "" : " " + findings());
  }
}
