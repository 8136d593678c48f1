package io.github.devopsconnector.arm;

import io.github.devopsconnector.arm.models.ArmError;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpResponse;
import java.util.Optional;

/**
 * A long-running ARM operation (a write or delete of {@code devops/default}) ended {@code Failed} or
 * {@code Canceled}, or did not end in time. The message says which, with the ARM error code and what to do;
 * {@link #getValue()} is the {@link ArmError} when the operation reported one. The response is the last poll's.
 */
public final class ArmOperationFailedException extends HttpResponseException {
  private static final long serialVersionUID = 1L;

  private final String operationStatus;
  private final String remediation;

  /**
   * An operation failure.
   *
   * @param message what happened and what to do (never a secret)
   * @param response the last response of the operation
   * @param operationStatus the operation's last status, e.g. {@code Failed}
   * @param error the error it reported, or {@code null}
   * @param remediation what to do
   */
  public ArmOperationFailedException(String message, HttpResponse response, String operationStatus, ArmError error,
      String remediation) {
    super(message, response, error);
    this.operationStatus = operationStatus;
    this.remediation = remediation;
  }

  /** The operation's last status: {@code Failed}, {@code Canceled}, or the in-progress status it timed out in. */
  public String operationStatus() {
    return operationStatus;
  }

  /** The error the operation reported. */
  public Optional<ArmError> error() {
    return Optional.ofNullable((ArmError) getValue());
  }

  /** What to do about it. */
  public String remediation() {
    return remediation;
  }
}
