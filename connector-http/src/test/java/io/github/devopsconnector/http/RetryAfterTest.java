package io.github.devopsconnector.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

  @Test
  void retryAfterIsSecondsOrAnHttpDate() {
    assertThat(RetryAfter.parse("30", NOW)).contains(Duration.ofSeconds(30));
    assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
    assertThat(RetryAfter.parse("1.5", NOW)).contains(Duration.ofMillis(1500));
    assertThat(RetryAfter.parse("Sat, 21 Nov 2026 10:00:42 GMT", NOW)).contains(Duration.ofSeconds(42));
    assertThat(RetryAfter.parse("Sat, 21 Nov 2026 09:00:00 GMT", NOW)).contains(Duration.ZERO);
  }

  @Test
  void unusableValuesCountAsAbsent() {
    assertThat(RetryAfter.parse(null, NOW)).isEmpty();
    assertThat(RetryAfter.parse("", NOW)).isEmpty();
    assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
    assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
    assertThat(RetryAfter.parse("1.", NOW)).isEmpty();
  }

  @Test
  void hugeValuesCountAsForeverSoThatTheCallFailsFast() {
    assertThat(RetryAfter.parse("99999999999999999999", NOW)).contains(RetryAfter.FOREVER);
    assertThat(RetryAfter.parse("9223372036854775807", NOW)).contains(RetryAfter.FOREVER);
    assertThat(RetryAfter.parse("9".repeat(41), NOW)).isEmpty();
    assertThat(RetryAfter.parse("86400", NOW)).contains(Duration.ofDays(1));
    assertThat(RetryAfter.FOREVER.toNanos()).isPositive();
  }

  @Test
  void fractionalSecondsKeepMilliseconds() {
    assertThat(RetryAfter.seconds("0.250")).contains(Duration.ofMillis(250));
    assertThat(RetryAfter.seconds("2.001")).contains(Duration.ofMillis(2001));
    assertThat(RetryAfter.seconds("0.0001")).contains(Duration.ofMillis(1));
    assertThat(RetryAfter.seconds("1e3")).isEmpty();
  }

  @Test
  void azureMillisecondHeadersComeFirst() {
    HttpHeaders headers = new HttpHeaders().set("Retry-After", "30").set("x-ms-retry-after-ms", "250");
    assertThat(RetryAfter.of(headers, NOW)).contains(Duration.ofMillis(250));
    headers.set("retry-after-ms", "1500");
    assertThat(RetryAfter.of(headers, NOW)).contains(Duration.ofMillis(1500));
    assertThat(RetryAfter.of(new HttpHeaders().set("retry-after-ms", "1.5").set("Retry-After", "2"), NOW))
        .contains(Duration.ofSeconds(2));
    assertThat(RetryAfter.of(new HttpHeaders(), NOW)).isEmpty();
  }

  @Test
  void waitsReadForPeople() {
    assertThat(RetryAfter.describe(Duration.ofMillis(250))).isEqualTo("250 ms");
    assertThat(RetryAfter.describe(Duration.ofSeconds(30))).isEqualTo("30 s");
    assertThat(RetryAfter.describe(RetryAfter.FOREVER)).isEqualTo("more than a year");
  }
}
