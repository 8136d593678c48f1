package io.github.devopsconnector.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretScrubberTest {
  private static final String PAT = "52charpatlookalike0123456789abcdefghijklmnopqrstuv";

  @Test
  void masksKnownSecretsAndTheirBasicForms() {
    SecretScrubber scrubber = SecretScrubber.of(PAT, null, "ab");
    String basic = Base64.getEncoder().encodeToString((":" + PAT).getBytes(StandardCharsets.UTF_8));
    assertThat(scrubber.scrub("x " + PAT + " y " + basic + " ab")).doesNotContain(PAT).doesNotContain(basic)
        .endsWith(" ab");
    assertThat(scrubber.toString()).doesNotContain(PAT);
    assertThat(scrubber.knows(PAT)).isTrue();
    assertThat(scrubber.scrub(null)).isNull();
  }

  @Test
  void masksCredentialsByShape() {
    String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZGEifQ.c2lnbmF0dXJl";
    assertThat(SecretScrubber.scrubShapes("invalid header value: Bearer opaque-token-123 end"))
        .isEqualTo("invalid header value: Bearer **** end");
    assertThat(SecretScrubber.scrubShapes("token " + jwt + ".")).doesNotContain("c2lnbmF0dXJl");
    assertThat(SecretScrubber.scrubShapes("{\"code\":\"one-time-code-42\"}")).isEqualTo("{\"code\":\"****\"}");
    assertThat(SecretScrubber.scrubShapes("https://x/cb?code=one-time-code-42&state=1"))
        .isEqualTo("https://x/cb?code=****&state=1");
    assertThat(SecretScrubber.scrubShapes("errorCode=12345 stays")).isEqualTo("errorCode=12345 stays");
    assertThat(SecretScrubber.create().scrub("Basic " + PAT)).isEqualTo("Basic ****");
  }

  @Test
  void remembersABoundedNumberOfSecrets() {
    SecretScrubber scrubber = SecretScrubber.create();
    for (int i = 0; i < 100; i++) {
      scrubber.add("secret-number-" + i);
    }
    assertThat(scrubber.scrub("secret-number-99")).isEqualTo(SecretScrubber.MASK);
    assertThat(scrubber.toString()).contains(String.valueOf(SecretScrubber.MAX_KNOWN));
  }

  @Test
  void clipsToOneBoundedLine() {
    assertThat(SecretScrubber.clip("a\r\nb\t\tc", 100)).isEqualTo("a b c");
    assertThat(SecretScrubber.clip("x".repeat(300_000), 10)).isEqualTo("xxxxxxxxxx…");
    assertThat(SecretScrubber.clip(null, 10)).isEmpty();
    assertThat(SecretScrubber.of(PAT).scrubAndClip(PAT + " " + "y".repeat(1000), 20)).doesNotContain(PAT)
        .hasSizeLessThanOrEqualTo(21);
  }

  @Test
  void headerValuesAreOneLineOfPrintableText() {
    assertThat(HeaderValues.problem("If-Match", "\"abc\"")).isEmpty();
    assertThat(HeaderValues.problem("If-Match", null)).isEmpty();
    assertThat(HeaderValues.problem("If-Match", "\"1\"\r\nX: y")).get().asString().contains("line break")
        .contains("position 4");
    assertThat(HeaderValues.problem("Authorization", "Bearer tok\u0000en")).get().asString()
        .contains("control character").contains("credential").doesNotContain("tok");
    assertThat(HeaderValues.problem("X-Name", "caf\u20ac")).get().asString().contains("ISO-8859-1");
    assertThat(HeaderValues.problem("X-Long", "a".repeat(HeaderValues.MAX_LENGTH + 1))).isPresent();
    assertThatThrownBy(() -> HeaderValues.require("Authorization", "Basic x\ny"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("Basic x");
    assertThat(HeaderValues.isSecret("proxy-authorization")).isTrue();
    assertThat(HeaderValues.isSecret("If-Match")).isFalse();
  }

  @Test
  void theRedirectProbeTellsFollowersFromOthers() {
    assertThat(RedirectProbe.probe((url, name, value) -> get(url, name, value, true), Duration.ofSeconds(2)))
        .isEqualTo(RedirectProbe.Verdict.LEAKS_CREDENTIALS);
    assertThat(RedirectProbe.probe((url, name, value) -> get(url, name, value, false), Duration.ofSeconds(2)))
        .isEqualTo(RedirectProbe.Verdict.SAFE);
    assertThat(RedirectProbe.probe((url, name, value) -> {
      throw new IllegalStateException("offline");
    }, Duration.ofMillis(200))).isEqualTo(RedirectProbe.Verdict.UNKNOWN);
    assertThat(RedirectProbe.isNetworkClient(new Object())).isFalse();
  }

  /** A minimal HTTP/1.1 GET over a socket that can follow one redirect, header and all, as a careless client does. */
  private static void get(String url, String name, String value, boolean follow) throws Exception {
    java.net.URI uri = java.net.URI.create(url);
    try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
      socket.getOutputStream().write(("GET " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\n"
          + name + ": " + value + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      for (String line : answer.split("\r\n")) {
        if (follow && line.regionMatches(true, 0, "Location:", 0, 9)) {
          get(line.substring(9).trim(), name, value, false);
        }
      }
    }
  }
}
