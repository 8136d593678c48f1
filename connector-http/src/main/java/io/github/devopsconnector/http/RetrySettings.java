package io.github.devopsconnector.http;

import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.RetryOptions;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How a client retries, as plain values.
 *
 * @param maxRetries retries after the first attempt, 0 to 20
 * @param baseDelay the first backoff delay
 * @param maxDelay the cap on every backoff
 * @param exponential whether the backoff doubles with each attempt (else it stays at {@code baseDelay})
 * @param maxRetryWait the longest {@code Retry-After} the client waits: a response that asks for a longer wait is
 *     not retried, so that the call fails fast with the service's {@code Retry-After}; zero or more
 * @param jittered whether each backoff is spread over [0.8, 1.2] of its value (else it is waited exactly)
 */
public record RetrySettings(int maxRetries, Duration baseDelay, Duration maxDelay, boolean exponential,
    Duration maxRetryWait, boolean jittered) {

  /**
   * Settings whose {@code maxDelay} also caps the {@code Retry-After} waited, with jittered backoff.
   *
   * @param maxRetries retries after the first attempt, 0 to 20
   * @param baseDelay the first backoff delay
   * @param maxDelay the cap on every wait, backoff or {@code Retry-After}
   * @param exponential whether the backoff doubles with each attempt
   */
  public RetrySettings(int maxRetries, Duration baseDelay, Duration maxDelay, boolean exponential) {
    this(maxRetries, baseDelay, maxDelay, exponential, maxDelay, true);
  }

  /** Checks the values. */
  public RetrySettings {
    Objects.requireNonNull(baseDelay, "baseDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(maxRetryWait, "maxRetryWait");
    if (maxRetryWait.isNegative()) {
      throw new IllegalArgumentException("maxRetryWait must not be negative; it is " + maxRetryWait + ".");
    }
    if (maxRetries < 0 || maxRetries > 20) {
      throw new IllegalArgumentException("maxRetries must be between 0 and 20; it is " + maxRetries + ".");
    }
    if (baseDelay.isNegative()) {
      throw new IllegalArgumentException("baseDelay must not be negative; it is " + baseDelay + ".");
    }
    if (maxDelay.isNegative() || maxDelay.isZero()) {
      throw new IllegalArgumentException("maxDelay must be positive; it is " + maxDelay + ".");
    }
    if (baseDelay.compareTo(maxDelay) > 0) {
      throw new IllegalArgumentException(
          "baseDelay (" + baseDelay + ") must not be longer than maxDelay (" + maxDelay + ").");
    }
  }

  /**
   * The settings azure-core's {@link RetryOptions} describe, with a client's defaults for what they leave unset.
   * {@link ExponentialBackoffOptions}: its retries, base delay and maximum delay, the backoff doubling; an unset
   * value takes the default's. {@link FixedDelayOptions}: its retries, and its delay as both the base and the
   * maximum delay, without doubling. A {@code shouldRetryCondition} is not consulted: which answers are retried
   * is the client's rule (see its builder).
   *
   * @param options the options, or null for the defaults
   * @param defaults the client's defaults
   * @return the settings
   * @throws IllegalArgumentException if the values are out of range (see the record's components)
   */
  public static RetrySettings from(RetryOptions options, RetrySettings defaults) {
    Objects.requireNonNull(defaults, "defaults");
    if (options == null) {
      return defaults;
    }
    FixedDelayOptions fixed = options.getFixedDelayOptions();
    if (fixed != null) {
      return new RetrySettings(fixed.getMaxRetries(), fixed.getDelay(), fixed.getDelay(), false);
    }
    ExponentialBackoffOptions exponential = options.getExponentialBackoffOptions();
    if (exponential == null) {
      return defaults;
    }
    return new RetrySettings(
        exponential.getMaxRetries() != null ? exponential.getMaxRetries() : defaults.maxRetries(),
        exponential.getBaseDelay() != null ? exponential.getBaseDelay() : defaults.baseDelay(),
        exponential.getMaxDelay() != null ? exponential.getMaxDelay() : defaults.maxDelay(),
        true);
  }

  /**
   * The same settings with another cap on the {@code Retry-After} waited and with or without jitter.
   *
   * @param retryWaitCap the longest {@code Retry-After} waited
   * @param jitter whether backoffs are jittered
   * @return the settings
   */
  public RetrySettings withRetryWait(Duration retryWaitCap, boolean jitter) {
    return new RetrySettings(maxRetries, baseDelay, maxDelay, exponential, retryWaitCap, jitter);
  }

  /**
   * The backoff before retry number {@code attempt + 1}: {@code baseDelay} (doubled {@code attempt} times when
   * exponential), × [0.8, 1.2] when jittered, capped at {@code maxDelay}.
   *
   * @param attempt the attempt that failed, from 0
   * @return the wait
   */
  public Duration backoff(int attempt) {
    long baseNanos = baseDelay.toNanos();
    long maxNanos = maxDelay.toNanos();
    double grown = exponential ? baseNanos * Math.pow(2, Math.min(attempt, 30)) : baseNanos;
    double spread = jittered ? grown * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble()) : grown;
    return Duration.ofNanos((long) Math.min(spread, (double) maxNanos));
  }
}
