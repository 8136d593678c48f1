package io.github.devopsconnector.arm.implementation;

import com.azure.core.exception.HttpRequestException;
import com.azure.core.http.HttpRequest;
import java.util.Objects;

/**
 * A request to Azure Resource Manager got no usable answer: the connection could not be made or broke, the answer
 * did not come within the client's time limits, or the caller's thread was interrupted. The request it carries is a
 * copy with neither the {@code Authorization} header nor the body. The client reports it as a
 * {@link io.github.devopsconnector.core.ServiceException} of kind {@code TRANSIENT} whose cause it is.
 */
public final class TransportFailure extends HttpRequestException {
  private static final long serialVersionUID = 1L;

  /** What went wrong; decides whether a request is retried and whether a write is ambiguous. */
  public enum Kind {
    /** The connection could not be opened; nothing was sent. */
    CONNECT_FAILED,
    /** The connection broke after the request was (perhaps) sent. */
    CONNECTION_LOST,
    /** No complete answer within the connect, response, read or per-request time limit. */
    TIMEOUT,
    /** The call's overall deadline passed. */
    DEADLINE_EXCEEDED,
    /** The calling thread was interrupted; the request was abandoned. */
    INTERRUPTED
  }

  private final Kind kind;
  private final String remediation;

  TransportFailure(String message, HttpRequest request, Kind kind, String remediation, Throwable cause) {
    super(message, request, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.remediation = remediation;
  }

  /** What went wrong. */
  public Kind kind() {
    return kind;
  }

  /** What to do about it. */
  public String remediation() {
    return remediation;
  }
}
