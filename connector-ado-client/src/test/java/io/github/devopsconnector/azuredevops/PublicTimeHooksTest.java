package io.github.devopsconnector.azuredevops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devopsconnector.testsupport.RawHttpServer;
import io.github.devopsconnector.testsupport.Reply;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The builder's public clock and sleeper: the same requests and delays, waited through the sleeper. */
class PublicTimeHooksTest {
  @AutoClose
  private final RawHttpServer server = RawHttpServer.start();
  private final FakeTime time = new FakeTime();

  private AzureDevOpsRestClient client() {
    return new AzureDevOpsRestClientBuilder()
        .endpoint(server.url())
        .personalAccessToken(Wire.PAT)
        .clock(time)
        .sleeper(time::sleep)
        .buildClient();
  }

  @Test
  void retryAfterSecondsAndDatesAreWaitedThroughTheSleeperOnTheClock() {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(time.instant().plusSeconds(45).atOffset(ZoneOffset.UTC));
    server.on("GET", Wire.PROJECTS, RawHttpServer.sequence(
        Reply.json(429, Payloads.text("error-TF400733.json")).header("Retry-After", "7"),
        Reply.json(429, Payloads.text("error-TF400733.json")).header("Retry-After", date),
        Reply.json(200, Payloads.exampleBody("GET__projects.json"))));

    assertThat(client().projects(Wire.ORG, Optional.empty()).items()).hasSize(3);

    assertThat(server.requests()).hasSize(3);
    // 7 s, then the date 45 s after the start, read on the same clock, which the first wait moved by 7 s.
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(38));
  }

  @Test
  void nullsAreRefused() {
    AzureDevOpsRestClientBuilder builder = new AzureDevOpsRestClientBuilder();
    assertThatThrownBy(() -> builder.clock(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> builder.sleeper(null)).isInstanceOf(NullPointerException.class);
  }
}
