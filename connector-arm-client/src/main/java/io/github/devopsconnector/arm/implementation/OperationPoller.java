package io.github.devopsconnector.arm.implementation;

import io.github.devopsconnector.http.RetryAfter;
import io.github.devopsconnector.http.Waits;
import com.azure.core.http.HttpMethod;
import io.github.devopsconnector.arm.models.ArmError;
import io.github.devopsconnector.core.ServiceException.Kind;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Waits for a long-running ARM operation: polls the {@code Azure-AsyncOperation} URL (or, without one, the
 * {@code Location} URL) until {@code Succeeded}, {@code Failed} or {@code Canceled}, honouring {@code Retry-After}
 * ({@link RetryAfter}), waiting through the client's {@link Waits}, within the poll timeout or the call's deadline
 * if that comes sooner (each poll runs under what is left of it, {@link ArmHttp#within}).
 * Any other status ({@code InProgress}, {@code Accepted}, values not documented) means it is still running; a body
 * without a status is not an operation status and fails at once.
 */
public final class OperationPoller {

  private static final Duration MIN_POLL_COST = Duration.ofMillis(100);

  private final ArmHttp http;
  private final Waits waits;
  private final Duration defaultInterval;
  private final Duration timeout;

  /** A poller over this transport that waits, and compares {@code Retry-After} dates, with these hooks. */
  public OperationPoller(ArmHttp http, Waits waits, Duration defaultInterval, Duration timeout) {
    this.http = Objects.requireNonNull(http, "http");
    this.waits = Objects.requireNonNull(waits, "waits");
    this.defaultInterval = Objects.requireNonNull(defaultInterval, "defaultInterval");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  /**
   * Waits for the operation a 201/202 response started.
   *
   * @param what what runs, for messages ("the DevOps configuration write of ...")
   * @return true when it was polled to success; false when the response named no operation to poll
   * @throws ArmFailure ({@code NOT_AUTHORIZED}) if it failed with {@code TokenExchangeFailed}, or
   *     ({@code OPERATION_FAILED}) if it failed, was canceled, or did not end within the timeout
   * @throws com.azure.core.exception.DecodeException if the operation URL answers something that is not an operation
   *     status
   */
  public boolean await(ArmResponse started, String what) {
    Optional<String> asyncUrl = started.header("Azure-AsyncOperation");
    Optional<String> locationUrl = started.header("Location");
    if (asyncUrl.isEmpty() && locationUrl.isEmpty()) {
      return false;
    }
    boolean location = asyncUrl.isEmpty();
    String url = asyncUrl.orElseGet(locationUrl::get);
    http.checkSameOrigin(url, "an operation URL");
    // The time spent counts the waits asked of the sleeper and the polls' own request time, so that slow poll
    // answers cannot stretch the timeout (a test sleeper that returns at once still counts its waits).
    // The poll timeout, or less when the call's own deadline (the client's call timeout) comes sooner.
    Duration remaining = http.remaining();
    Duration limit = remaining.compareTo(timeout) < 0 ? remaining : timeout;
    Duration waited = Duration.ZERO;
    Duration delay = retryAfter(started).orElse(defaultInterval);
    ArmResponse last = started;
    String status = "Accepted";
    while (true) {
      if (waited.plus(delay).plus(MIN_POLL_COST).compareTo(limit) > 0) {
        throw new ArmFailure(Kind.OPERATION_FAILED, "Gave up waiting for " + what + " after " + waited.getSeconds()
            + " s: the operation was still " + ArmErrors.clipped(status, 100) + ". It may still finish; read the "
            + "resource's provisioningState later.",
            "Read the resource's provisioningState later, or raise the client's poll timeout (or call timeout).",
            last.detached(), null, null);
      }
      sleep(delay, what);
      // Each poll counts at least MIN_POLL_COST, so a service that always says Retry-After: 0 still times out.
      waited = waited.plus(delay.compareTo(MIN_POLL_COST) < 0 ? MIN_POLL_COST : delay);
      long sent = System.nanoTime();
      try {
        last = http.within(limit.minus(waited), () -> http.send(HttpMethod.GET, url, null, Map.of()));
      } catch (TransportFailure slow) {
        waited = waited.plus(Duration.ofNanos(System.nanoTime() - sent));
        if (waited.plus(MIN_POLL_COST).compareTo(limit) < 0) {
          throw slow;
        }
        ArmFailure gaveUp = new ArmFailure(Kind.OPERATION_FAILED, "Gave up waiting for " + what
            + " after " + waited.getSeconds() + " s: the last poll did not answer in time and the operation was "
            + ArmErrors.clipped(status, 100) + ". It may still finish; read the resource's provisioningState later.",
            "Read the resource's provisioningState later, or raise the client's poll timeout.", last.detached(),
            null, null);
        gaveUp.initCause(slow);
        throw gaveUp;
      }
      waited = waited.plus(Duration.ofNanos(System.nanoTime() - sent));
      delay = retryAfter(last).orElse(defaultInterval);
      if (location) {
        if (last.status() == 202) {
          continue;
        }
        return true;
      }
      ArmDtos.OperationStatusDto body = last.decode(ArmDtos.OperationStatusDto.class);
      if (body.status() == null || body.status().isBlank()) {
        throw last.malformed("an operation status that has no status");
      }
      status = body.status();
      String normalized = status.toLowerCase(Locale.ROOT);
      if (normalized.equals("succeeded")) {
        return true;
      }
      if (normalized.equals("failed") || normalized.equals("canceled") || normalized.equals("cancelled")) {
        throw failure(last, body.error(), status, what);
      }
    }
  }

  /** How long a long-running operation is waited for. */
  public Duration timeout() {
    return timeout;
  }

  /** Waits one poll interval. */
  public void pause(String what) {
    sleep(defaultInterval.compareTo(MIN_POLL_COST) < 0 ? MIN_POLL_COST : defaultInterval, what);
  }

  /** The time one {@link #pause} counts for. */
  public Duration pauseCost() {
    return defaultInterval.compareTo(MIN_POLL_COST) < 0 ? MIN_POLL_COST : defaultInterval;
  }

  private RuntimeException failure(ArmResponse poll, Object reported, String status, String what) {
    Optional<ArmError> error = ArmErrors.parse(reported);
    String code = error.map(ArmError::code).orElse(status);
    String detail = error.map(ArmError::message).filter(m -> !m.isBlank())
        .map(m -> " (" + ArmErrors.clipped(m, 500) + ")").orElse("");
    String shownCode = ArmErrors.clipped(code, 100);
    if (error.isPresent() && ArmErrors.TOKEN_EXCHANGE_FAILED.equalsIgnoreCase(code)) {
      return new ArmFailure(Kind.NOT_AUTHORIZED, capitalized(what) + " failed with " + shownCode + detail + ".",
          ArmErrors.TOKEN_EXCHANGE_REMEDIATION, poll.detached(), error.get(), null);
    }
    String remediation = status.toLowerCase(Locale.ROOT).startsWith("cancel")
        ? "The operation was canceled; repeat the request if it is still wanted."
        : ArmErrors.remediation(400, code);
    return new ArmFailure(Kind.OPERATION_FAILED, capitalized(what) + " ended " + ArmErrors.clipped(status, 100)
        + " with " + shownCode + detail + ".", remediation, poll.detached(), error.orElse(null), null);
  }

  private void sleep(Duration delay, String what) {
    try {
      waits.sleep(delay);
    } catch (Waits.WaitInterruptedException e) {
      throw new IllegalStateException("Interrupted while waiting for " + what + "; the operation may still finish.",
          e);
    }
  }

  /** The delay a response asks for (see {@link RetryAfter}), with HTTP dates compared to the client's clock. */
  private Optional<Duration> retryAfter(ArmResponse response) {
    return RetryAfter.of(response.detached().getHeaders(), waits.now());
  }

  private static String capitalized(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
