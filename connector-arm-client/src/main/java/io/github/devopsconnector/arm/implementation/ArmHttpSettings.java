package io.github.devopsconnector.arm.implementation;

import io.github.devopsconnector.core.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The limits of the client's requests: retries, waits, deadlines, paging and pacing. Every wait has an end: a
 * request attempt by {@link #requestTimeout}, a call with its retries by {@link #operationTimeout}, a retry wait by
 * {@link #maxRetryWait}, a listing by {@link #maxPages}.
 *
 * @param maxRetries retries after the first attempt of an idempotent request
 * @param baseDelay the first back-off delay
 * @param maxDelay the longest back-off delay
 * @param exponential whether the back-off doubles (else it is fixed at {@code baseDelay})
 * @param maxRetryWait the longest wait the client accepts from {@code Retry-After}
 * @param responseTimeout the time from sending to the response's headers, per attempt
 * @param requestTimeout the total time of one attempt, body included
 * @param operationTimeout the total time of one call with all its retries and waits
 * @param maxPages the most pages a listing follows
 * @param rateLimitReserve the remaining ARM request budget at which the client starts pacing
 * @param paceDelay the pause before each request once the remaining budget is at or below the reserve
 * @param sleeper what waits (retries and pacing)
 * @param clock what {@code Retry-After} dates are compared with
 */
public record ArmHttpSettings(int maxRetries, Duration baseDelay, Duration maxDelay, boolean exponential,
    Duration maxRetryWait, Duration responseTimeout, Duration requestTimeout, Duration operationTimeout,
    int maxPages, int rateLimitReserve, Duration paceDelay, Sleeper sleeper, Clock clock) {

  /** Checks the values. */
  public ArmHttpSettings {
    Objects.requireNonNull(baseDelay, "baseDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(maxRetryWait, "maxRetryWait");
    Objects.requireNonNull(responseTimeout, "responseTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(operationTimeout, "operationTimeout");
    Objects.requireNonNull(paceDelay, "paceDelay");
    Objects.requireNonNull(sleeper, "sleeper");
    Objects.requireNonNull(clock, "clock");
  }
}
