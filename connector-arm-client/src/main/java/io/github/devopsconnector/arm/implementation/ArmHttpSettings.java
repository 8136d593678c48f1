package io.github.devopsconnector.arm.implementation;

import io.github.devopsconnector.http.RetrySettings;
import io.github.devopsconnector.http.Waits;
import java.time.Duration;
import java.util.Objects;

/**
 * The limits of the client's requests. Every wait has an end: a response's headers by {@link #responseTimeout}, a
 * response's body by {@link #requestTimeout}, a call with its retries and waits by {@link #callTimeout}, a retry
 * wait by the retry settings' {@code maxRetryWait}.
 *
 * @param retry how idempotent requests are retried (the same settings the pipeline's retry policy has)
 * @param waits the clock {@code Retry-After} dates are compared with, and the sleeper that waits
 * @param responseTimeout the time from sending to the response's headers, per attempt
 * @param requestTimeout the time to read one response's body
 * @param callTimeout the total time of one call with all its retries and waits
 */
public record ArmHttpSettings(RetrySettings retry, Waits waits, Duration responseTimeout, Duration requestTimeout,
    Duration callTimeout) {

  /** Checks the values. */
  public ArmHttpSettings {
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(waits, "waits");
    Objects.requireNonNull(responseTimeout, "responseTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(callTimeout, "callTimeout");
  }
}
