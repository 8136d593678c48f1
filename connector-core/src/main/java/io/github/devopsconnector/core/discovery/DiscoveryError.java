package io.github.devopsconnector.core.discovery;

import io.github.devopsconnector.core.ServiceException;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Why an organization could not be discovered or checked: the failure as a value (kind, HTTP status, service
 * error code, message), so results can be compared, stored and shown without holding exception objects.
 */
@Value.Immutable
public abstract class DiscoveryError {

  DiscoveryError() {}

  /** What kind of failure it was. */
  public abstract ServiceException.Kind kind();

  /**
   * The HTTP status, or 0 when there was none: no response, or a fault detected locally such as a repeating
   * continuation token.
   */
  public abstract int statusCode();

  /** The service's error code, such as {@code TF400813}, when the response had one. */
  public abstract Optional<String> serviceErrorCode();

  /** What happened, as a sentence; never contains a credential. */
  public abstract String message();

  /** What to do about it, when known. */
  public abstract Optional<String> remediation();

  /** Whether the organization refused the user: {@code NOT_FOUND} or {@code NOT_AUTHORIZED}. */
  public final boolean isNotAccessible() {
    return kind() == ServiceException.Kind.NOT_FOUND || kind() == ServiceException.Kind.NOT_AUTHORIZED;
  }

  /** The error an exception describes. */
  public static DiscoveryError of(ServiceException exception) {
    Objects.requireNonNull(exception, "exception");
    return ImmutableDiscoveryError.builder()
        .kind(exception.kind())
        .statusCode(exception.statusCode())
        .serviceErrorCode(exception.serviceErrorCode())
        .message(String.valueOf(exception.getMessage()))
        .remediation(exception.remediation())
        .build();
  }

  /** {@code KIND status code: message}, e.g. {@code NOT_AUTHORIZED 401 TF400813: ...}. */
  @Override
  public String toString() {
    return kind() + (statusCode() == 0 ? "" : " " + statusCode()) + serviceErrorCode().map(c -> " " + c).orElse("")
        + ": " + message();
  }
}
