package io.github.devopsconnector.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The root of every exception the SDK throws on purpose. Catch it to handle all of them; look at
 * {@link #findings()} for the rules that were broken (with stable {@link FindingCode}s) and at
 * {@link #remediation()} for what to do. Subclasses add the facts of their failure: {@link ServiceException} for
 * a service that answered with an error or did not answer, {@link ConnectorValidationException} for a connector
 * that breaks the rules, and the edit exceptions of {@code io.github.devopsconnector.core.edit}.
 *
 * <p>Messages, findings and remediations never contain a credential.
 */
public class DevOpsConnectorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Finding> findings;
  private final String remediation;

  /**
   * Creates an exception.
   *
   * @param message what happened
   * @param cause the underlying failure, or {@code null}
   * @param findings the broken rules, in the order they were found (may be empty)
   * @param remediation what to do, or {@code null} to use the first finding's remediation
   */
  protected DevOpsConnectorException(String message, Throwable cause, List<Finding> findings, String remediation) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.findings = List.copyOf(Objects.requireNonNull(findings, "findings"));
    this.remediation = remediation;
  }

  /**
   * The broken rules behind this exception, in the order they were found; empty when the failure is not a rule.
   *
   * @return the findings, never {@code null}
   */
  public final List<Finding> findings() {
    return findings == null ? List.of() : findings;
  }

  /**
   * The first (often the only) broken rule behind this exception.
   *
   * @return the first finding, or empty when there is none
   */
  public final Optional<Finding> finding() {
    List<Finding> all = findings();
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  /**
   * What to do about this failure: the exception's own advice, else the first finding's remediation.
   *
   * @return the remediation, or empty when the SDK has no advice beyond the message
   */
  public final Optional<String> remediation() {
    return remediation != null ? Optional.of(remediation) : finding().map(Finding::remediation);
  }
}
