package io.github.devopsconnector.core.discovery;

import io.github.devopsconnector.core.Finding;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.ValidationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * Everything that stands between a connector and its organizations, checked before anything is created: the
 * connector's own findings, and per selected organization whether it is eligible or greyed out, with the findings
 * and facts behind it. Organizations are sorted by name ignoring case.
 */
@Value.Immutable
public abstract class PreflightReport {

  PreflightReport() {}

  /** The organization selection that was checked. */
  public abstract OrganizationSelection selection();

  /** The findings about the connector itself (name, subscription, region, permissions, …). */
  public abstract List<Finding> connectorFindings();

  /** Every selected organization. */
  public abstract List<OrganizationPreflight> organizations();

  /**
   * How many requests the preflight sent to Azure DevOps: HTTP requests, retries included, with a client that
   * reports them (as the REST client does); otherwise calls of the client.
   */
  public abstract long requests();

  /**
   * Whether the connector can be created as selected: no connector finding blocks, at least one organization is
   * eligible, and, for an explicit selection, every listed organization is eligible. (With all existing
   * organizations selected, greyed-out ones are simply not onboarded, as in the portal.)
   */
  public final boolean isReady() {
    if (connectorFindings().stream().anyMatch(Finding::isError) || eligibleOrganizations().isEmpty()) {
      return false;
    }
    return selection().kind() != OrganizationSelection.Kind.EXPLICIT || greyedOut().isEmpty();
  }

  /** The organizations that can be onboarded. */
  public final List<OrganizationName> eligibleOrganizations() {
    return organizations().stream().filter(OrganizationPreflight::isEligible)
        .map(OrganizationPreflight::organization).collect(Collectors.toUnmodifiableList());
  }

  /** The organizations that cannot be onboarded, with the reasons. */
  public final List<OrganizationPreflight> greyedOut() {
    return organizations().stream().filter(OrganizationPreflight::isGreyedOut)
        .collect(Collectors.toUnmodifiableList());
  }

  /** The result for this organization, if it was selected. */
  public final Optional<OrganizationPreflight> organization(OrganizationName name) {
    return organizations().stream().filter(o -> o.organization().equals(name)).findFirst();
  }

  /** Every finding, the connector's first, then each organization's in order. */
  public final ValidationReport findings() {
    List<Finding> all = new ArrayList<>(connectorFindings());
    organizations().forEach(o -> all.addAll(o.findings()));
    return ValidationReport.of(all);
  }

  static ImmutablePreflightReport.Builder builder() {
    return ImmutablePreflightReport.builder();
  }

  /** A readable summary: readiness, then one line per connector finding and per organization. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(isReady() ? "Ready" : "Not ready").append(" (").append(selection())
        .append(")");
    connectorFindings().forEach(f -> text.append("\n- ").append(f));
    organizations().forEach(o -> text.append("\n- ").append(o));
    return text.toString();
  }
}
