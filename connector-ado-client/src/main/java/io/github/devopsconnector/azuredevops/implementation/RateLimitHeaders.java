package io.github.devopsconnector.azuredevops.implementation;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import io.github.devopsconnector.http.RetryAfter;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads the Azure DevOps rate-limit headers ({@code X-RateLimit-*}; {@code Retry-After} is read by
 * {@link RetryAfter}). Unparseable values count as absent.
 */
public final class RateLimitHeaders {

  /** {@code X-RateLimit-Resource}: the throttled service and threshold, for humans. */
  public static final HttpHeaderName RESOURCE = HttpHeaderName.fromString("X-RateLimit-Resource");
  /** {@code X-RateLimit-Delay}: how long this request was delayed, seconds with up to three decimals. */
  public static final HttpHeaderName DELAY = HttpHeaderName.fromString("X-RateLimit-Delay");
  /** {@code X-RateLimit-Limit}: TSTUs allowed before delays. */
  public static final HttpHeaderName LIMIT = HttpHeaderName.fromString("X-RateLimit-Limit");
  /** {@code X-RateLimit-Remaining}: TSTUs left before delays; 0 when already delayed or blocked. */
  public static final HttpHeaderName REMAINING = HttpHeaderName.fromString("X-RateLimit-Remaining");
  /** {@code X-RateLimit-Reset}: when usage returns to 0, in epoch seconds. */
  public static final HttpHeaderName RESET = HttpHeaderName.fromString("X-RateLimit-Reset");

  private RateLimitHeaders() {}

  /** {@code X-RateLimit-Delay} as a duration. */
  public static Optional<Duration> delay(HttpHeaders headers) {
    return RetryAfter.seconds(headers.getValue(DELAY));
  }

  /** {@code X-RateLimit-Remaining}. */
  public static Optional<Long> remaining(HttpHeaders headers) {
    return parseLong(headers.getValue(REMAINING));
  }

  /** {@code X-RateLimit-Limit}. */
  public static Optional<Long> limit(HttpHeaders headers) {
    return parseLong(headers.getValue(LIMIT));
  }

  /** {@code X-RateLimit-Reset}: Unix epoch seconds. */
  public static Optional<Instant> reset(HttpHeaders headers) {
    return parseLong(headers.getValue(RESET)).filter(v -> v > 0 && v < 100_000_000_000L).map(Instant::ofEpochSecond);
  }

  /** {@code X-RateLimit-Resource}, when present. */
  public static Optional<String> resource(HttpHeaders headers) {
    String value = headers.getValue(RESOURCE);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  private static Optional<Long> parseLong(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(value.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
