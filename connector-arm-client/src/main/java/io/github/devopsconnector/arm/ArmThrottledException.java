package io.github.devopsconnector.arm;

import io.github.devopsconnector.arm.models.ArmError;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Azure Resource Manager asked the client to wait ({@code 429 Too Many Requests}, or a {@code 5xx} with
 * {@code Retry-After}) and the client did not: the retries were used up, or the wait the service asked for is longer
 * than the client's maximum retry wait or than the time left before the call's deadline. Nothing waits longer than
 * configured; {@link #retryAfter()} is the wait the service asked for, when it said.
 */
public final class ArmThrottledException extends HttpResponseException {
  private static final long serialVersionUID = 1L;

  private final transient Duration retryAfter;
  private final String remediation;

  /**
   * A throttling failure.
   *
   * @param message what happened and what to do (never a secret)
   * @param response the response that asked to wait
   * @param error the ARM error, or {@code null}
   * @param retryAfter the wait the service asked for, or {@code null} when it named none
   * @param remediation what to do
   */
  public ArmThrottledException(String message, HttpResponse response, ArmError error, Duration retryAfter,
      String remediation) {
    super(message, response, error);
    this.retryAfter = retryAfter;
    this.remediation = remediation;
  }

  /** The wait the service asked for ({@code Retry-After}, {@code retry-after-ms}), when it named one. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** What to do about it. */
  public String remediation() {
    return remediation;
  }
}
