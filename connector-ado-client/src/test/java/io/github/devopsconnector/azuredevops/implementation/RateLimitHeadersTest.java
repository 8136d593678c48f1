package io.github.devopsconnector.azuredevops.implementation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimitHeadersTest {
  private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

  @Test
  void retryAfterIsSecondsOrAnHttpDate() {
    assertThat(RateLimitHeaders.parseRetryAfter("30", NOW)).contains(Duration.ofSeconds(30));
    assertThat(RateLimitHeaders.parseRetryAfter(" 0 ", NOW)).contains(Duration.ZERO);
    assertThat(RateLimitHeaders.parseRetryAfter("1.5", NOW)).contains(Duration.ofMillis(1500));
    assertThat(RateLimitHeaders.parseRetryAfter("Sat, 21 Nov 2026 10:00:42 GMT", NOW))
        .contains(Duration.ofSeconds(42));
    assertThat(RateLimitHeaders.parseRetryAfter("Sat, 21 Nov 2026 09:00:00 GMT", NOW)).contains(Duration.ZERO);
  }

  @Test
  void unusableValuesCountAsAbsent() {
    assertThat(RateLimitHeaders.parseRetryAfter(null, NOW)).isEmpty();
    assertThat(RateLimitHeaders.parseRetryAfter("", NOW)).isEmpty();
    assertThat(RateLimitHeaders.parseRetryAfter("-5", NOW)).isEmpty();
    assertThat(RateLimitHeaders.parseRetryAfter("soon", NOW)).isEmpty();
  }

  @Test
  void hugeValuesCountAsVeryLongSoThatTheCallFailsFast() {
    assertThat(RateLimitHeaders.parseRetryAfter("99999999999999999999", NOW)).contains(RateLimitHeaders.LONGEST);
    assertThat(RateLimitHeaders.parseRetryAfter("9223372036854775807", NOW)).contains(RateLimitHeaders.LONGEST);
    assertThat(RateLimitHeaders.parseRetryAfter("86400", NOW)).contains(Duration.ofDays(1));
  }

  @Test
  void theRateLimitDelayKeepsMilliseconds() {
    assertThat(RateLimitHeaders.parseSeconds("0.250")).contains(Duration.ofMillis(250));
    assertThat(RateLimitHeaders.parseSeconds("2.001")).contains(Duration.ofMillis(2001));
    assertThat(RateLimitHeaders.parseSeconds("0.0001")).contains(Duration.ofMillis(1));
    assertThat(RateLimitHeaders.parseSeconds("1e3")).isEmpty();
  }
}
