package io.github.devopsconnector.testing.assertj;

import io.github.devopsconnector.core.Finding;
import io.github.devopsconnector.core.FindingCode;
import io.github.devopsconnector.core.Severity;
import io.github.devopsconnector.core.ValidationReport;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/** Assertions on a {@link ValidationReport}; start with {@link ConnectorAssertions#assertThat(ValidationReport)}. */
public final class ValidationReportAssert extends AbstractAssert<ValidationReportAssert, ValidationReport> {

  ValidationReportAssert(ValidationReport actual) {
    super(actual, ValidationReportAssert.class);
  }

  /**
   * Checks that no finding blocks (warnings are allowed).
   *
   * @return this assertion
   */
  public ValidationReportAssert isValid() {
    isNotNull();
    if (!actual.isValid()) {
      failWithMessage("Expected a valid report, but it has %d error(s):%n%s", actual.errors().size(),
          Describe.findings(actual.findings()));
    }
    return this;
  }

  /**
   * Checks that the report has no finding at all, not even a warning.
   *
   * @return this assertion
   */
  public ValidationReportAssert hasNoFindings() {
    isNotNull();
    if (!actual.findings().isEmpty()) {
      failWithMessage("Expected no findings, but found:%n%s", Describe.findings(actual.findings()));
    }
    return this;
  }

  /**
   * Checks that the report has an error with this code.
   *
   * @param code the code
   * @return assertions on the errors with this code, such as {@link FindingsAssert#on(String)}
   */
  public FindingsAssert hasError(FindingCode code) {
    return having(code, Severity.ERROR, "an error");
  }

  /**
   * Checks that the report has a warning with this code.
   *
   * @param code the code
   * @return assertions on the warnings with this code
   */
  public FindingsAssert hasWarning(FindingCode code) {
    return having(code, Severity.WARNING, "a warning");
  }

  /**
   * Checks that the report has no finding with this code.
   *
   * @param code the code
   * @return this assertion
   */
  public ValidationReportAssert doesNotHave(FindingCode code) {
    isNotNull();
    Objects.requireNonNull(code, "code");
    if (actual.has(code)) {
      failWithMessage("Expected no %s finding, but found:%n%s", code, Describe.findings(actual.withCode(code)));
    }
    return this;
  }

  /**
   * Checks that the errors have exactly these codes, in any order, and no others.
   *
   * @param codes the codes
   * @return this assertion
   */
  public ValidationReportAssert hasOnlyErrors(FindingCode... codes) {
    isNotNull();
    List<FindingCode> actualCodes = actual.errors().stream().map(Finding::code).sorted()
        .collect(Collectors.toList());
    List<FindingCode> expected = java.util.Arrays.stream(codes).sorted().collect(Collectors.toList());
    if (!actualCodes.equals(expected)) {
      failWithMessage("Expected exactly the errors %s, but the report has:%n%s", expected,
          Describe.findings(actual.findings()));
    }
    return this;
  }

  private FindingsAssert having(FindingCode code, Severity severity, String what) {
    isNotNull();
    Objects.requireNonNull(code, "code");
    List<Finding> matching = actual.withCode(code).stream().filter(f -> f.severity() == severity)
        .collect(Collectors.toList());
    if (matching.isEmpty()) {
      failWithMessage("Expected %s %s, but the report has:%n%s", what, code, Describe.findings(actual.findings()));
    }
    return new FindingsAssert(matching, code.toString(), actual.findings());
  }
}
