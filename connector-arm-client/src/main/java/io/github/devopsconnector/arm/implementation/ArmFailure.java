package io.github.devopsconnector.arm.implementation;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpResponse;
import io.github.devopsconnector.arm.models.ArmError;
import io.github.devopsconnector.core.ServiceException;
import java.time.Duration;
import java.util.Objects;

/**
 * A failure the client decided on while a call runs (throttling it will not wait out, a broken paging protocol, a
 * long-running operation that failed, a code exchange that failed, a caller that is not the authorizing identity),
 * with the {@link ServiceException.Kind} and remediation it is reported with. {@link ArmErrors#toServiceException}
 * turns it into the {@link ServiceException} the caller sees, whose cause it is.
 */
public final class ArmFailure extends HttpResponseException {
  private static final long serialVersionUID = 1L;

  private final ServiceException.Kind kind;
  private final String description;
  private final String remediation;
  private final transient Duration retryAfter;

  /**
   * A failure.
   *
   * @param kind the kind it is reported with
   * @param description what happened (never a secret)
   * @param remediation what to do
   * @param response the response, without credentials or request body
   * @param error the ARM error, or {@code null}
   * @param retryAfter the wait the service asked for, or {@code null}
   */
  public ArmFailure(ServiceException.Kind kind, String description, String remediation, HttpResponse response,
      ArmError error, Duration retryAfter) {
    super(description + " " + remediation, response, error);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.description = description;
    this.remediation = Objects.requireNonNull(remediation, "remediation");
    this.retryAfter = retryAfter;
  }

  /** The kind the failure is reported with. */
  public ServiceException.Kind kind() {
    return kind;
  }

  /** What happened, without the remediation. */
  public String description() {
    return description;
  }

  /** What to do about it. */
  public String remediation() {
    return remediation;
  }

  /** The wait the service asked for, or {@code null}. */
  public Duration retryAfter() {
    return retryAfter;
  }

  /** The ARM error, or {@code null}. */
  public ArmError error() {
    return (ArmError) getValue();
  }
}
