package io.github.devopsconnector.arm.implementation;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the wait a response asks for: {@code retry-after-ms} and {@code x-ms-retry-after-ms} (milliseconds), then
 * {@code Retry-After} in seconds or as an HTTP date (RFC 9110 section 10.2.3). Huge values never overflow: they
 * read as {@link #FOREVER}, which is longer than any limit the client accepts.
 */
public final class RetryAfter {

  /** What a wait too long to represent reads as (about 292 years). */
  public static final Duration FOREVER = Duration.ofSeconds(Long.MAX_VALUE / 1_000_000_000L);

  private RetryAfter() {}

  /** The wait the headers ask for; empty when none is given or none is readable. */
  public static Optional<Duration> of(Function<String, Optional<String>> header, OffsetDateTime now) {
    for (String name : new String[] {"retry-after-ms", "x-ms-retry-after-ms"}) {
      Optional<Duration> millis = header.apply(name).flatMap(v -> number(v, true));
      if (millis.isPresent()) {
        return millis;
      }
    }
    Optional<String> value = header.apply("Retry-After");
    if (value.isEmpty()) {
      return Optional.empty();
    }
    Optional<Duration> seconds = number(value.get(), false);
    if (seconds.isPresent()) {
      return seconds;
    }
    try {
      OffsetDateTime at = OffsetDateTime.parse(value.get().trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration until = Duration.between(now, at);
      return Optional.of(until.isNegative() ? Duration.ZERO : until);
    } catch (DateTimeParseException | ArithmeticException notDate) {
      return Optional.empty();
    }
  }

  private static Optional<Duration> number(String text, boolean millis) {
    String value = text.trim();
    if (value.isEmpty() || value.length() > 40 || !value.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    if (value.length() > 15) {
      return Optional.of(FOREVER);
    }
    long number = Long.parseLong(value);
    return Optional.of(millis ? Duration.ofMillis(number) : Duration.ofSeconds(number));
  }

  /** A wait for messages: "3 s", "250 ms", or "more than a year". */
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
