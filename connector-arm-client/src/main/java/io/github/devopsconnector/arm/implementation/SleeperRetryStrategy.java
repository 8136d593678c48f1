package io.github.devopsconnector.arm.implementation;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.ExponentialBackoff;
import com.azure.core.http.policy.FixedDelay;
import com.azure.core.http.policy.RequestRetryCondition;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.http.policy.RetryStrategy;
import io.github.devopsconnector.core.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * azure-core's retry with the wait handed to a {@link Sleeper}: the same retry decisions and the same delays
 * (the well-known {@code x-ms-retry-after-ms}, {@code retry-after-ms} and {@code Retry-After} headers first, then
 * the back-off of the retry options), but the strategy waits through the sleeper and tells azure-core's
 * {@link RetryPolicy} to wait zero, because that policy sleeps the thread itself and offers no hook.
 *
 * <p>azure-core reads the well-known headers itself unless the policy is given a header name of its own; the policy
 * made here names one no service sends, so that every delay is computed here, from the response, with the
 * builder's clock.
 */
public final class SleeperRetryStrategy implements RetryStrategy {

  /** A header no service sends: with it, azure-core asks the strategy for every delay. */
  static final String NOT_A_HEADER = "x-devops-connector-delay-from-strategy";

  private static final HttpHeaderName X_MS_RETRY_AFTER_MS = HttpHeaderName.fromString("x-ms-retry-after-ms");
  private static final HttpHeaderName RETRY_AFTER_MS = HttpHeaderName.fromString("retry-after-ms");

  private final RetryStrategy backOff;
  private final Predicate<RequestRetryCondition> shouldRetry;
  private final Sleeper sleeper;
  private final Clock clock;

  private SleeperRetryStrategy(RetryStrategy backOff, Predicate<RequestRetryCondition> shouldRetry, Sleeper sleeper,
      Clock clock) {
    this.backOff = backOff;
    this.shouldRetry = shouldRetry;
    this.sleeper = sleeper;
    this.clock = clock;
  }

  /**
   * The retry policy for these options (azure-core's defaults when null) that waits through the sleeper.
   *
   * @param options the retry options, or null for azure-core's exponential back-off
   * @param sleeper what waits
   * @param clock the clock {@code Retry-After} dates are compared with
   * @return the policy
   */
  public static RetryPolicy policy(RetryOptions options, Sleeper sleeper, Clock clock) {
    Objects.requireNonNull(sleeper, "sleeper");
    Objects.requireNonNull(clock, "clock");
    RetryStrategy backOff;
    if (options == null || options.getExponentialBackoffOptions() != null) {
      backOff = options == null ? new ExponentialBackoff() : new ExponentialBackoff(
          options.getExponentialBackoffOptions());
    } else {
      backOff = new FixedDelay(options.getFixedDelayOptions());
    }
    Predicate<RequestRetryCondition> condition = options == null || options.getShouldRetryCondition() == null
        ? backOff::shouldRetryCondition : options.getShouldRetryCondition();
    return new RetryPolicy(new SleeperRetryStrategy(backOff, condition, sleeper, clock), NOT_A_HEADER,
        ChronoUnit.SECONDS);
  }

  @Override
  public int getMaxRetries() {
    return backOff.getMaxRetries();
  }

  @Override
  public Duration calculateRetryDelay(int retryAttempts) {
    return waited(backOff.calculateRetryDelay(retryAttempts));
  }

  @Override
  public Duration calculateRetryDelay(RequestRetryCondition condition) {
    HttpResponse response = condition.getResponse();
    Duration requested = response == null ? null : requestedDelay(response.getHeaders());
    return waited(requested != null ? requested : backOff.calculateRetryDelay(condition.getTryCount()));
  }

  @Override
  public boolean shouldRetryCondition(RequestRetryCondition condition) {
    return shouldRetry.test(condition);
  }

  private Duration waited(Duration delay) {
    if (delay.isNegative() || delay.isZero()) {
      return Duration.ZERO;
    }
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting " + delay.toMillis() + " ms to retry.", e);
    }
    return Duration.ZERO;
  }

  /** The delay the response asks for, read as azure-core reads it; null when it asks for none. */
  private Duration requestedDelay(HttpHeaders headers) {
    Duration millis = millis(headers.getValue(X_MS_RETRY_AFTER_MS));
    if (millis != null) {
      return millis;
    }
    millis = millis(headers.getValue(RETRY_AFTER_MS));
    if (millis != null) {
      return millis;
    }
    String retryAfter = headers.getValue(HttpHeaderName.RETRY_AFTER);
    if (retryAfter == null || retryAfter.isBlank()) {
      return null;
    }
    try {
      return Duration.ofSeconds(Long.parseLong(retryAfter.trim()));
    } catch (NumberFormatException notSeconds) {
      try {
        OffsetDateTime at = OffsetDateTime.parse(retryAfter.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration until = Duration.between(OffsetDateTime.now(clock), at);
        return until.isNegative() ? Duration.ZERO : until;
      } catch (DateTimeParseException notDate) {
        return null;
      }
    }
  }

  private static Duration millis(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Duration.ofMillis(Long.parseLong(value.trim()));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
