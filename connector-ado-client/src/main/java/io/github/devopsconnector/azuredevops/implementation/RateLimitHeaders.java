package io.github.devopsconnector.azuredevops.implementation;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads the Azure DevOps rate-limit headers. Unparseable values count as absent. */
public final class RateLimitHeaders {

  /** {@code Retry-After}: seconds or an HTTP date (RFC 7231). */
  public static final HttpHeaderName RETRY_AFTER = HttpHeaderName.RETRY_AFTER;
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

  /** The wait {@code Retry-After} asks for, from now; never negative. */
  public static Optional<Duration> retryAfter(HttpHeaders headers, Instant now) {
    return parseRetryAfter(headers.getValue(RETRY_AFTER), now);
  }

  /** Parses a {@code Retry-After} value: delta seconds (integer or decimal) or an HTTP date. */
  static Optional<Duration> parseRetryAfter(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = value.trim();
    Optional<Duration> seconds = parseSeconds(v);
    if (seconds.isPresent()) {
      return seconds;
    }
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(now, at);
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** {@code X-RateLimit-Delay} as a duration. */
  public static Optional<Duration> delay(HttpHeaders headers) {
    return parseSeconds(headers.getValue(DELAY));
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

  /** Non-negative seconds, possibly fractional (milliseconds kept), as a duration. */
  /** The longest wait a header is read as: about 31,700 years; longer values are cut to it. */
  static final Duration LONGEST = Duration.ofSeconds(1_000_000_000_000L);

  static Optional<Duration> parseSeconds(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = value.trim();
    if (v.matches("\\d{13,}(\\.\\d*)?")) {
      // Longer than anyone waits (and than Duration arithmetic survives): say "very long", so the call fails fast.
      return Optional.of(LONGEST);
    }
    if (!v.matches("\\d{1,12}(\\.\\d{1,9})?")) {
      return Optional.empty();
    }
    long millis = new BigDecimal(v).movePointRight(3).setScale(0, java.math.RoundingMode.CEILING).longValueExact();
    return Optional.of(Duration.ofMillis(millis));
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
