package io.github.devopsconnector.testing.assertj;

import io.github.devopsconnector.core.discovery.OrganizationPreflight;
import io.github.devopsconnector.core.discovery.PreflightReport;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/** Assertions on a {@link PreflightReport}; start with {@link ConnectorAssertions#assertThat(PreflightReport)}. */
public final class PreflightReportAssert extends AbstractAssert<PreflightReportAssert, PreflightReport> {

  PreflightReportAssert(PreflightReport actual) {
    super(actual, PreflightReportAssert.class);
  }

  /**
   * Checks that the connector can be created as it is: no blocking finding about the connector or a selected
   * organization.
   *
   * @return this assertion
   */
  public PreflightReportAssert isReady() {
    isNotNull();
    if (!actual.isReady()) {
      failWithMessage("Expected a ready preflight, but it is not:%n%s", describe(actual));
    }
    return this;
  }

  /**
   * Checks that exactly these organizations are eligible, in any order.
   *
   * @param organizations the names
   * @return this assertion
   */
  public PreflightReportAssert hasEligibleOrganizations(String... organizations) {
    isNotNull();
    List<String> expected = Arrays.stream(organizations).map(n -> n.toLowerCase(Locale.ROOT)).sorted()
        .collect(Collectors.toList());
    List<String> eligible = actual.eligibleOrganizations().stream().map(n -> n.value().toLowerCase(Locale.ROOT))
        .sorted().collect(Collectors.toList());
    if (!eligible.equals(expected)) {
      failWithMessage("Expected the eligible organizations %s, but they are %s:%n%s", expected, eligible,
          describe(actual));
    }
    return this;
  }

  /**
   * Moves to one organization of the report.
   *
   * @param organization its name (compared ignoring case, as Azure DevOps does)
   * @return assertions on that organization
   */
  public OrganizationPreflightAssert organization(String organization) {
    isNotNull();
    Objects.requireNonNull(organization, "organization");
    Optional<OrganizationPreflight> found = actual.organizations().stream()
        .filter(o -> o.organization().value().equalsIgnoreCase(organization)).findFirst();
    if (found.isEmpty()) {
      failWithMessage("Expected the organization \"%s\" in the preflight, but it has only %s", organization,
          actual.organizations().stream().map(o -> o.organization().value()).collect(Collectors.toList()));
    }
    return new OrganizationPreflightAssert(found.get());
  }

  static String describe(PreflightReport report) {
    StringBuilder text = new StringBuilder();
    if (!report.connectorFindings().isEmpty()) {
      text.append("connector:\n").append(Describe.findings(report.connectorFindings())).append('\n');
    }
    for (OrganizationPreflight organization : report.organizations()) {
      text.append(OrganizationPreflightAssert.describe(organization)).append('\n');
    }
    return text.length() == 0 ? "  (no organizations, no findings)" : text.toString().stripTrailing();
  }
}
