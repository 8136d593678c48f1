package io.github.devopsconnector.core;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A call to a service (Azure DevOps, Azure Resource Manager) that failed: the service answered with an error, with
 * something the API does not promise, or not at all. {@link #kind()} says what kind of failure it was so callers can
 * decide what to do; {@link #statusCode()}, {@link #serviceErrorCode()} and {@link #requestId()} carry the
 * service's own facts for a support case; {@link #remediation()} says what to do. Every client of the SDK throws
 * this one type for the same failures; clients built on azure-core attach the azure-core exception as the cause.
 *
 * <p>The message never contains a credential.
 */
public class ServiceException extends DevOpsConnectorException {
  private static final long serialVersionUID = 1L;

  /** The kinds of failure, the same for every service. */
  public enum Kind {
    /** 404: the organization, project or resource does not exist or is hidden from the caller. */
    NOT_FOUND,
    /** 401, 403, or a sign-in page: the credential is missing, wrong, expired or not allowed. */
    NOT_AUTHORIZED,
    /** 400 or 422: the service refused the request as invalid. */
    INVALID_REQUEST,
    /** 409 or 412: the resource changed or exists in another state. */
    CONFLICT,
    /** 429: the caller exceeded its rate limit and retries did not help. */
    THROTTLED,
    /** 5xx, timeouts, dropped connections: may work later. */
    TRANSIENT,
    /** A long-running operation ended in a failed or cancelled state. */
    OPERATION_FAILED,
    /** The response was not what the API promises: malformed JSON, an HTML page, a repeating page token. */
    PROTOCOL
  }

  private final Kind kind;
  private final String service;
  private final int statusCode;
  private final String serviceErrorCode;
  private final String requestId;
  private final Duration retryAfter;

  /**
   * Creates the exception from a builder; subclasses pass their own builder.
   *
   * @param builder the facts of the failure
   */
  protected ServiceException(Builder builder) {
    super(builder.message + (builder.remediation == null ? "" : " " + builder.remediation), builder.cause,
        builder.findings, builder.remediation);
    this.kind = builder.kind;
    this.service = builder.service;
    this.statusCode = builder.statusCode;
    this.serviceErrorCode = builder.serviceErrorCode;
    this.requestId = builder.requestId;
    this.retryAfter = builder.retryAfter;
  }

  /**
   * What kind of failure this is.
   *
   * @return the kind
   */
  public final Kind kind() {
    return kind;
  }

  /**
   * The service that failed, such as {@code Azure DevOps} or {@code Azure Resource Manager}.
   *
   * @return the service's name
   */
  public final String service() {
    return service;
  }

  /**
   * The HTTP status of the failed response.
   *
   * @return the status, or 0 when no response was received
   */
  public final int statusCode() {
    return statusCode;
  }

  /**
   * The service's own error code, such as {@code TF400813} or {@code AuthorizationFailed}.
   *
   * @return the code, or empty when the response had none
   */
  public final Optional<String> serviceErrorCode() {
    return Optional.ofNullable(serviceErrorCode);
  }

  /**
   * The service's identifier of the failed request ({@code x-ms-request-id}, {@code ActivityId}, ...), to quote
   * in a support case.
   *
   * @return the request id, or empty when the response carried none
   */
  public final Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /**
   * How long the service asked the caller to wait before trying again.
   *
   * @return the wait, or empty when the service did not say
   */
  public final Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /**
   * Starts a builder.
   *
   * @param kind what kind of failure it was
   * @param message what happened, without a credential
   * @return the builder
   */
  public static Builder builder(Kind kind, String message) {
    return new Builder(kind, message);
  }

  /** Builds a {@link ServiceException}; subclasses of the exception extend it. */
  public static class Builder {
    private final Kind kind;
    private final String message;
    private String service = "service";
    private int statusCode;
    private String serviceErrorCode;
    private String requestId;
    private String remediation;
    private Duration retryAfter;
    private Throwable cause;
    private List<Finding> findings = List.of();

    /**
     * Starts a builder.
     *
     * @param kind what kind of failure it was
     * @param message what happened, without a credential
     */
    protected Builder(Kind kind, String message) {
      this.kind = Objects.requireNonNull(kind, "kind");
      this.message = Objects.requireNonNull(message, "message");
    }

    /**
     * Sets the service's name.
     *
     * @param service the service, such as {@code Azure DevOps}
     * @return this builder
     */
    public Builder service(String service) {
      this.service = Objects.requireNonNull(service, "service");
      return this;
    }

    /**
     * Sets the HTTP status.
     *
     * @param statusCode the status, 0 when no response was received
     * @return this builder
     */
    public Builder statusCode(int statusCode) {
      this.statusCode = statusCode;
      return this;
    }

    /**
     * Sets the service's error code.
     *
     * @param serviceErrorCode the code, or {@code null}
     * @return this builder
     */
    public Builder serviceErrorCode(String serviceErrorCode) {
      this.serviceErrorCode = serviceErrorCode;
      return this;
    }

    /**
     * Sets the service's request id.
     *
     * @param requestId the id, or {@code null}
     * @return this builder
     */
    public Builder requestId(String requestId) {
      this.requestId = requestId;
      return this;
    }

    /**
     * Sets what to do about the failure.
     *
     * @param remediation the advice, or {@code null}
     * @return this builder
     */
    public Builder remediation(String remediation) {
      this.remediation = remediation;
      return this;
    }

    /**
     * Sets how long the service asked to wait.
     *
     * @param retryAfter the wait, or {@code null}
     * @return this builder
     */
    public Builder retryAfter(Duration retryAfter) {
      this.retryAfter = retryAfter;
      return this;
    }

    /**
     * Sets the underlying failure.
     *
     * @param cause the cause, or {@code null}
     * @return this builder
     */
    public Builder cause(Throwable cause) {
      this.cause = cause;
      return this;
    }

    /**
     * Sets the broken rules the service's answer shows, if any.
     *
     * @param findings the findings
     * @return this builder
     */
    public Builder findings(List<Finding> findings) {
      this.findings = List.copyOf(findings);
      return this;
    }

    /**
     * Builds the exception.
     *
     * @return the exception
     */
    public ServiceException build() {
      return new ServiceException(this);
    }
  }
}
