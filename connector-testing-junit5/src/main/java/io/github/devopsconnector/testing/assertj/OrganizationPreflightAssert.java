package io.github.devopsconnector.testing.assertj;

import io.github.devopsconnector.core.Finding;
import io.github.devopsconnector.core.FindingCode;
import io.github.devopsconnector.core.discovery.OrganizationPreflight;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one organization of a preflight report; reach them with
 * {@link PreflightReportAssert#organization(String)}.
 */
public final class OrganizationPreflightAssert
    extends AbstractAssert<OrganizationPreflightAssert, OrganizationPreflight> {

  OrganizationPreflightAssert(OrganizationPreflight actual) {
    super(actual, OrganizationPreflightAssert.class);
  }

  /**
   * Checks that the connector may onboard the organization.
   *
   * @return this assertion
   */
  public OrganizationPreflightAssert isEligible() {
    if (!actual.isEligible()) {
      failWithMessage("Expected %s to be eligible, but it is not:%n%s", actual.organization().value(),
          describe(actual));
    }
    return this;
  }

  /**
   * Checks that the organization is greyed out, for whatever reason.
   *
   * @return this assertion
   */
  public OrganizationPreflightAssert isGreyedOut() {
    if (!actual.isGreyedOut()) {
      failWithMessage("Expected %s to be greyed out, but it is eligible:%n%s", actual.organization().value(),
          describe(actual));
    }
    return this;
  }

  /**
   * Checks that the organization is greyed out and one of its errors has this code.
   *
   * @param code the code
   * @return this assertion
   */
  public OrganizationPreflightAssert isGreyedOutBy(FindingCode code) {
    Objects.requireNonNull(code, "code");
    if (!actual.isGreyedOut() || actual.errors().stream().noneMatch(f -> f.code() == code)) {
      failWithMessage("Expected %s to be greyed out by %s, but it is %s:%n%s", actual.organization().value(), code,
          actual.isGreyedOut() ? "greyed out by other findings" : "eligible", describe(actual));
    }
    return this;
  }

  /**
   * Checks that the organization is greyed out by errors of exactly these codes, in any order.
   *
   * @param codes the codes
   * @return this assertion
   */
  public OrganizationPreflightAssert isGreyedOutOnlyBy(FindingCode... codes) {
    List<FindingCode> expected = Arrays.stream(codes).sorted().distinct().collect(Collectors.toList());
    List<FindingCode> errors = actual.errors().stream().map(Finding::code).sorted().distinct()
        .collect(Collectors.toList());
    if (!actual.isGreyedOut() || !errors.equals(expected)) {
      failWithMessage("Expected %s to be greyed out by exactly %s, but:%n%s", actual.organization().value(),
          expected, describe(actual));
    }
    return this;
  }

  /**
   * Checks that the organization has a warning with this code (warnings do not grey out).
   *
   * @param code the code
   * @return this assertion
   */
  public OrganizationPreflightAssert hasWarning(FindingCode code) {
    Objects.requireNonNull(code, "code");
    if (actual.findings().stream().noneMatch(f -> f.code() == code && !f.isError())) {
      failWithMessage("Expected %s to have the warning %s, but:%n%s", actual.organization().value(), code,
          describe(actual));
    }
    return this;
  }

  static String describe(OrganizationPreflight organization) {
    String state = organization.isEligible() ? "eligible" : "greyed out";
    String error = organization.error().map(e -> "\n  failed: " + e).orElse("");
    String holder = organization.onboardedBy().map(c -> "\n  onboarded by " + c).orElse("");
    return organization.organization().value() + " (" + state + "):\n" + Describe.findings(organization.findings())
        + error + holder;
  }
}
