package io.github.devopsconnector.arm.implementation;

import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.http.DetachedResponse;
import io.github.devopsconnector.http.HttpTransport;
import io.github.devopsconnector.http.RetryAfter;
import io.github.devopsconnector.http.ServiceErrors;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;

/**
 * How ARM's answers and transport failures read while a call runs: a failure without an answer is a
 * {@link TransportFailure} whose kind says whether the request may have reached the service (what a write with a
 * one-time code must know), an answer that is not a success is ARM's error. {@link ArmErrors#toServiceException}
 * turns them into what the caller sees when the call ends.
 */
final class ArmTransportFailures implements HttpTransport.Failures<ArmHttp.Call> {
  private static final String DEADLINE_REMEDIATION = "Retry later, or give the client a longer call timeout "
      + "(DefenderConnectorClientBuilder.callTimeout).";
  private static final String TIMEOUT_REMEDIATION = "Azure Resource Manager did not answer in time; retry later, or "
      + "raise the time limits on the client builder (responseTimeout, requestTimeout, callTimeout).";
  private static final String CONNECT_REMEDIATION = "Check the endpoint, the network and any proxy between the "
      + "client and Azure Resource Manager, then retry.";
  private static final String INTERRUPTED_REMEDIATION = "The call was abandoned because its thread was interrupted.";

  private final ArmHttpSettings settings;

  ArmTransportFailures(ArmHttpSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Override
  public boolean usable(DetachedResponse response) {
    return response.getStatusCode() < 300;
  }

  @Override
  public ServiceException failure(DetachedResponse response, ArmHttp.Call call) {
    return (ServiceException) ArmErrors.toServiceException(ArmErrors.toException(new ArmResponse(response)));
  }

  @Override
  public ServiceException tooLarge(DetachedResponse response, ArmHttp.Call call) {
    return (ServiceException) ArmErrors.toServiceException(
        new ArmResponse(response).malformed("a body larger than 64 MiB, the most the client reads"));
  }

  @Override
  public TransportFailure timedOut(ArmHttp.Call call, String request, String limit, Duration value,
      Throwable cause) {
    if ("request timeout".equals(limit)) {
      return new TransportFailure("The answer to " + call.target() + " did not arrive within "
          + RetryAfter.describe(value) + " (the per-request time limit).", call.shown(),
          TransportFailure.Kind.TIMEOUT, TIMEOUT_REMEDIATION, cause);
    }
    return new TransportFailure("Azure Resource Manager gave no complete answer to " + call.target()
        + " before the call's deadline (the call timeout is " + RetryAfter.describe(value) + ").", call.shown(),
        TransportFailure.Kind.DEADLINE_EXCEEDED, DEADLINE_REMEDIATION, cause);
  }

  /** Maps what the HTTP stack threw to a typed failure; the client's own checks (IllegalStateException...) pass. */
  @Override
  public RuntimeException failed(RuntimeException failure, ArmHttp.Call call, String request) {
    if (ServiceErrors.isInterruption(failure) || Thread.currentThread().isInterrupted()) {
      return new TransportFailure("Interrupted during " + call.target() + "; the request was abandoned.",
          call.shown(), TransportFailure.Kind.INTERRUPTED, INTERRUPTED_REMEDIATION, failure);
    }
    IOException io = firstIo(failure);
    if (io == null) {
      return failure;
    }
    if (!ServiceErrors.mayHaveReachedService(failure)) {
      return new TransportFailure("Could not connect for " + call.target() + " (" + io.getClass().getSimpleName()
          + "); nothing was sent.", call.shown(), TransportFailure.Kind.CONNECT_FAILED, CONNECT_REMEDIATION,
          failure);
    }
    if (io instanceof HttpTimeoutException || io instanceof SocketTimeoutException) {
      return new TransportFailure("Azure Resource Manager gave no complete answer to " + call.target() + " within "
          + RetryAfter.describe(settings.responseTimeout()) + ".", call.shown(), TransportFailure.Kind.TIMEOUT,
          TIMEOUT_REMEDIATION, failure);
    }
    return new TransportFailure("The connection broke during " + call.target() + " ("
        + io.getClass().getSimpleName() + ").", call.shown(), TransportFailure.Kind.CONNECTION_LOST,
        CONNECT_REMEDIATION, failure);
  }

  private static IOException firstIo(Throwable failure) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
      if (t instanceof IOException) {
        return (IOException) t;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
