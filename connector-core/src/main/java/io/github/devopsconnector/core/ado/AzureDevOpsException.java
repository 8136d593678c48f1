package io.github.devopsconnector.core.ado;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A failed call to Azure DevOps. {@link #kind()} says what kind of failure it was, so callers can decide what to
 * do; the message says what happened and what to do about it, and never contains a credential. Implementations
 * built on azure-core attach the azure-core exception ({@code HttpResponseException} and its subtypes) as the
 * cause.
 */
public final class AzureDevOpsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The kinds of failure. */
  public enum Kind {
    /** 404: the organization, project or resource does not exist or is hidden from the user. */
    NOT_FOUND,
    /** 401, 403, or a 203 sign-in page: the credential is missing, wrong, expired or not allowed. */
    NOT_AUTHORIZED,
    /** 429: the identity exceeded its rate limit and retries did not help. */
    THROTTLED,
    /** 5xx, timeouts, dropped connections: may work later. */
    TRANSIENT,
    /** The response was not what the API promises: malformed JSON, an HTML page, a repeating continuation token. */
    PROTOCOL
  }

  private final Kind kind;
  private final int statusCode;
  private final String serviceErrorCode;
  private final String remediation;
  private final Duration retryAfter;

  private AzureDevOpsException(Builder builder) {
    super(builder.message + (builder.remediation == null ? "" : " " + builder.remediation), builder.cause);
    this.kind = builder.kind;
    this.statusCode = builder.statusCode;
    this.serviceErrorCode = builder.serviceErrorCode;
    this.remediation = builder.remediation;
    this.retryAfter = builder.retryAfter;
  }

  /** What kind of failure this is. */
  public Kind kind() {
    return kind;
  }

  /** The HTTP status, or 0 when no response was received. */
  public int statusCode() {
    return statusCode;
  }

  /** The service's error code, such as {@code TF400813}, when the response had one. */
  public Optional<String> serviceErrorCode() {
    return Optional.ofNullable(serviceErrorCode);
  }

  /** What to do about it. */
  public Optional<String> remediation() {
    return Optional.ofNullable(remediation);
  }

  /** How long the service asked to wait, for throttling. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** Starts an exception of this kind with this message (which must not contain secrets). */
  public static Builder builder(Kind kind, String message) {
    return new Builder(kind, message);
  }

  /** Builds {@link AzureDevOpsException}. */
  public static final class Builder {
    private final Kind kind;
    private final String message;
    private int statusCode;
    private String serviceErrorCode;
    private String remediation;
    private Duration retryAfter;
    private Throwable cause;

    private Builder(Kind kind, String message) {
      this.kind = Objects.requireNonNull(kind, "kind");
      this.message = Objects.requireNonNull(message, "message");
    }

    /** The HTTP status. */
    public Builder statusCode(int statusCode) {
      this.statusCode = statusCode;
      return this;
    }

    /** The service's error code ({@code TFxxxxxx}). */
    public Builder serviceErrorCode(String serviceErrorCode) {
      this.serviceErrorCode = serviceErrorCode;
      return this;
    }

    /** What to do about it. */
    public Builder remediation(String remediation) {
      this.remediation = remediation;
      return this;
    }

    /** How long the service asked to wait. */
    public Builder retryAfter(Duration retryAfter) {
      this.retryAfter = retryAfter;
      return this;
    }

    /** The underlying exception. */
    public Builder cause(Throwable cause) {
      this.cause = cause;
      return this;
    }

    /** The exception. */
    public AzureDevOpsException build() {
      return new AzureDevOpsException(this);
    }
  }
}
