package io.github.devopsconnector.http;

import com.azure.core.http.HttpHeaders;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The one reader of the wait a response asks for: {@code retry-after-ms} and {@code x-ms-retry-after-ms}
 * (milliseconds, Azure's headers), then {@code Retry-After} in seconds or as an HTTP date (RFC 9110 section
 * 10.2.3). Seconds may carry a fraction (kept to the millisecond, rounded up). Values that are not readable count as
 * absent; huge values never overflow: they read as {@link #FOREVER}, which is longer than any limit a client
 * accepts, so the call fails fast instead of waiting.
 */
public final class RetryAfter {

  /** What a wait too long to represent reads as (about 292 years; its nanoseconds still fit in a long). */
  public static final Duration FOREVER = Duration.ofSeconds(Long.MAX_VALUE / 1_000_000_000L);

  private static final Pattern DECIMAL = Pattern.compile("\\d{1,40}(\\.\\d{0,40})?");
  private static final BigDecimal FOREVER_MILLIS = BigDecimal.valueOf(FOREVER.toMillis());

  private RetryAfter() {}

  /**
   * The wait the headers ask for.
   *
   * @param headers the response's headers
   * @param now the current time, for an HTTP date
   * @return the wait, never negative; empty when none is given or none is readable
   */
  public static Optional<Duration> of(HttpHeaders headers, Instant now) {
    return of(name -> Optional.ofNullable(headers.getValue(name)), now);
  }

  /**
   * The wait the headers ask for.
   *
   * @param header the response's header values by name
   * @param now the current time, for an HTTP date
   * @return the wait, never negative; empty when none is given or none is readable
   */
  public static Optional<Duration> of(Function<String, Optional<String>> header, Instant now) {
    for (String name : new String[] {"retry-after-ms", "x-ms-retry-after-ms"}) {
      Optional<Duration> millis = header.apply(name).flatMap(RetryAfter::millis);
      if (millis.isPresent()) {
        return millis;
      }
    }
    return header.apply("Retry-After").flatMap(value -> parse(value, now));
  }

  /**
   * Parses a {@code Retry-After} value: delta seconds (integer or decimal) or an HTTP date.
   *
   * @param value the header's value, or null
   * @param now the current time
   * @return the wait, never negative; empty when the value is not readable
   */
  public static Optional<Duration> parse(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = value.trim();
    Optional<Duration> seconds = seconds(v);
    if (seconds.isPresent()) {
      return seconds;
    }
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(now, at);
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException | ArithmeticException e) {
      return Optional.empty();
    }
  }

  /**
   * Non-negative seconds, possibly fractional, as a duration (milliseconds kept, rounded up; huge values read as
   * {@link #FOREVER}). Also the format of Azure DevOps's {@code X-RateLimit-Delay}.
   *
   * @param value the text, or null
   * @return the duration; empty when the text is not such a number
   */
  public static Optional<Duration> seconds(String value) {
    return map(number(value).map(n -> n.movePointRight(3)));
  }

  /**
   * A non-negative whole number of milliseconds as a duration (huge values read as {@link #FOREVER}).
   *
   * @param value the text, or null
   * @return the duration; empty when the text is not such a number
   */
  public static Optional<Duration> millis(String value) {
    return map(number(value).filter(n -> n.scale() <= 0));
  }

  private static Optional<BigDecimal> number(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String v = value.trim();
    if (v.isEmpty() || !DECIMAL.matcher(v).matches() || v.endsWith(".")) {
      return Optional.empty();
    }
    return Optional.of(new BigDecimal(v));
  }

  private static Optional<Duration> map(Optional<BigDecimal> millis) {
    return millis.map(m -> {
      BigDecimal whole = m.setScale(0, RoundingMode.CEILING);
      return whole.compareTo(FOREVER_MILLIS) >= 0 ? FOREVER : Duration.ofMillis(whole.longValueExact());
    });
  }

  /**
   * A wait for messages: {@code "3 s"}, {@code "250 ms"}, or {@code "more than a year"}.
   *
   * @param wait the wait
   * @return the text
   */
  public static String describe(Duration wait) {
    if (wait.compareTo(Duration.ofDays(365)) > 0) {
      return "more than a year";
    }
    if (wait.compareTo(Duration.ofSeconds(10)) < 0) {
      return wait.toMillis() + " ms";
    }
    return wait.getSeconds() + " s";
  }
}
