package io.github.devopsconnector.core;

import java.util.List;

import java.util.Objects;

/**
 * Thrown by {@link ConnectorBuilder#build()} when validation found blocking problems. Carries the whole
 * {@link ValidationReport}; the message lists every finding.
 */
public final class ConnectorValidationException extends DevOpsConnectorException {
  private static final long serialVersionUID = 1L;

  private final transient ValidationReport report;

  /** An exception for this report, which should contain at least one error. */
  public ConnectorValidationException(ValidationReport report) {
    super(message(Objects.requireNonNull(report, "report")), null, report.errors(), null);
    this.report = report;
  }

  /** Every finding of the failed validation. */
  public ValidationReport report() {
    return report;
  }

  private static String message(ValidationReport report) {
    int errors = report.errors().size();
    return "The connector is not valid (" + errors + (errors == 1 ? " error" : " errors") + "):\n" + report;
  }
}
