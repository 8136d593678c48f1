package io.github.devopsconnector.azuredevops.implementation;

import java.time.Duration;
import java.util.Objects;

/**
 * Pacing and retry settings, as plain values.
 *
 * @param maxRetries retries after the first attempt
 * @param baseDelay the first backoff delay
 * @param maxDelay the cap on every wait
 * @param honorRetryAfter whether {@code Retry-After} and {@code X-RateLimit-*} are honored
 */
public record RetrySettings(int maxRetries, Duration baseDelay, Duration maxDelay, boolean honorRetryAfter) {

  /** Checks the values. */
  public RetrySettings {
    Objects.requireNonNull(baseDelay, "baseDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must not be negative.");
    }
  }
}
