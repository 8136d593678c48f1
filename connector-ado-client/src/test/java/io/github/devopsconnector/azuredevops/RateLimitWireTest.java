package io.github.devopsconnector.azuredevops;

import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.azure.core.exception.HttpResponseException;
import io.github.devopsconnector.testsupport.RawHttpServer;
import io.github.devopsconnector.testsupport.Reply;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.ServiceException.Kind;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class RateLimitWireTest {
  @AutoClose
  private final RawHttpServer server = RawHttpServer.start();
  private final FakeTime time = new FakeTime();

  private static Reply throttled(String retryAfter) {
    return Reply.json(429, Payloads.text("error-TF400733.json"))
        .header("Retry-After", retryAfter)
        .header("X-RateLimit-Resource", "ATCPU")
        .header("X-RateLimit-Delay", "0.000")
        .header("X-RateLimit-Limit", "200")
        .header("X-RateLimit-Remaining", "0")
        .header("X-RateLimit-Reset", "1795262400");
  }

  private static Reply projects() {
    return Reply.json(200, Payloads.exampleBody("GET__projects.json"));
  }

  @Test
  void a429WithRetryAfterIsRetriedAfterTheWaitAndSucceeds() {
    server.on("GET", Wire.PROJECTS, RawHttpServer.sequence(throttled("7"), projects()));
    AzureDevOpsRestClient client = Wire.client(server, time);

    assertThat(client.projects(Wire.ORG, Optional.empty()).items()).hasSize(3);

    assertThat(server.requests()).hasSize(2);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void retryAfterAsAnHttpDateIsHonored() {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(time.instant().plusSeconds(12).atOffset(ZoneOffset.UTC));
    server.on("GET", Wire.PROJECTS, RawHttpServer.sequence(throttled(date), projects()));

    Wire.client(server, time).projects(Wire.ORG, Optional.empty());

    assertThat(time.slept()).isEqualTo(Duration.ofSeconds(12));
  }

  @Test
  void a429ThatPersistsIsThrottledWithTheServiceRetryAfter() {
    server.on("GET", Wire.PROJECTS, throttled("3"));
    AzureDevOpsRestClient client = Wire.client(server, time);

    ServiceException e = catchThrowableOfType(ServiceException.class,
        () -> client.projects(Wire.ORG, Optional.empty()));

    assertThat(e.kind()).isEqualTo(Kind.THROTTLED);
    assertThat(e.statusCode()).isEqualTo(429);
    assertThat(e.serviceErrorCode()).contains("TF400733");
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
    assertThat(e.getMessage()).contains("ATCPU");
    assertThat(e.remediation()).hasValueSatisfying(r -> assertThat(r).contains("Wait 3 s"));
    assertThat(e.getCause()).isInstanceOf(HttpResponseException.class);
    assertThat(server.requests()).hasSize(5);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(3),
        Duration.ofSeconds(3));
  }

  @Test
  void aRetryAfterLongerThanTheMaximumDelayFailsAtOnce() {
    server.on("GET", Wire.PROJECTS, throttled("600"));
    AzureDevOpsRestClient client = Wire.client(server, time);

    ServiceException e = catchThrowableOfType(ServiceException.class,
        () -> client.projects(Wire.ORG, Optional.empty()));

    assertThat(e.kind()).isEqualTo(Kind.THROTTLED);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(600));
    assertThat(server.requests()).hasSize(1);
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void retryAfterOnA200DelaysTheNextRequest() {
    server.on("GET", Wire.PROJECTS, RawHttpServer.sequence(
        projects().header("Retry-After", "5").header("X-RateLimit-Remaining", "12").header("X-RateLimit-Limit", "200"),
        projects()));
    AzureDevOpsRestClient client = Wire.client(server, time);

    client.projects(Wire.ORG, Optional.empty());
    assertThat(time.sleeps()).isEmpty();

    client.projects(Wire.ORG, Optional.empty());
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(5));
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void thePacingIsSharedByEveryCallOfTheClient() {
    server.on("GET", Wire.PROJECTS, projects().header("Retry-After", "4"));
    server.on("GET", "/fabrikam/_apis/git/repositories",
        Reply.json(200, Payloads.exampleBody("GET__git_repositories.json")));
    AzureDevOpsRestClient client = Wire.client(server, time);

    client.projects(Wire.ORG, Optional.empty());
    client.repositories(Wire.ORG);

    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(4));
  }

  @Test
  void aRateLimitDelayPacesTheNextRequest() {
    server.on("GET", Wire.PROJECTS, RawHttpServer.sequence(
        projects().header("X-RateLimit-Delay", "0.250").header("X-RateLimit-Resource", "ATCPU"), projects()));
    AzureDevOpsRestClient client = Wire.client(server, time);

    client.projects(Wire.ORG, Optional.empty());
    client.projects(Wire.ORG, Optional.empty());

    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(250));
  }

  @Test
  void noRemainingBudgetPacesTheNextRequestByTheBaseDelay() {
    server.on("GET", Wire.PROJECTS, RawHttpServer.sequence(
        projects().header("X-RateLimit-Remaining", "0").header("X-RateLimit-Limit", "200"), projects()));
    AzureDevOpsRestClient client = Wire.client(server, time);

    client.projects(Wire.ORG, Optional.empty());
    client.projects(Wire.ORG, Optional.empty());

    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(100));
  }

  @Test
  void fixedDelayOptionsRetryAfterTheSameDelayEachTime() {
    server.on("GET", Wire.PROJECTS, RawHttpServer.sequence(
        Reply.json(503, Payloads.text("error-503.json")), Reply.json(503, Payloads.text("error-503.json")),
        projects()));
    AzureDevOpsRestClient client = Wire.builder(server, time)
        .retryOptions(new RetryOptions(new FixedDelayOptions(2, Duration.ofMillis(100))))
        .buildClient();

    assertThat(client.projects(Wire.ORG, Optional.empty()).items()).hasSize(3);

    assertThat(time.sleeps()).hasSize(2)
        .allSatisfy(sleep -> assertThat(sleep).isBetween(Duration.ofMillis(80), Duration.ofMillis(100)));
  }

  @Test
  void a503IsRetriedWithGrowingJitteredBackoffThenSucceeds() {
    server.on("GET", Wire.PROJECTS, RawHttpServer.sequence(
        Reply.json(503, Payloads.text("error-503.json")),
        Reply.json(502, "{\"message\":\"Bad gateway\"}"),
        Reply.json(500, "{\"message\":\"VS800075: internal error\"}"),
        projects()));
    AzureDevOpsRestClient client = Wire.client(server, time);

    assertThat(client.projects(Wire.ORG, Optional.empty()).items()).hasSize(3);

    List<Duration> sleeps = time.sleeps();
    assertThat(sleeps).hasSize(3);
    // base 100 ms, doubled each time, jittered by ±20%
    assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(80), Duration.ofMillis(120));
    assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(160), Duration.ofMillis(240));
    assertThat(sleeps.get(2)).isBetween(Duration.ofMillis(320), Duration.ofMillis(480));
  }

  @Test
  void a503WithRetryAfterWaitsAsAsked() {
    server.on("GET", Wire.PROJECTS, RawHttpServer.sequence(
        Reply.json(503, Payloads.text("error-503.json")).header("Retry-After", "2"), projects()));

    Wire.client(server, time).projects(Wire.ORG, Optional.empty());

    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void retriesCanBeTurnedOff() {
    server.on("GET", Wire.PROJECTS, Reply.json(503, Payloads.text("error-503.json")));
    AzureDevOpsRestClient client = Wire.builder(server, time)
        .retryOptions(new RetryOptions(new ExponentialBackoffOptions().setMaxRetries(0)))
        .buildClient();

    ServiceException e = catchThrowableOfType(ServiceException.class,
        () -> client.projects(Wire.ORG, Optional.empty()));

    assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void headRequestsAreRetriedToo() {
    Wire.organization(server);
    server.on("HEAD", Wire.membershipCheck(Wire.USER, Wire.PCA),
        RawHttpServer.sequence(Reply.empty(503), Reply.empty(200)));

    assertThat(Wire.client(server, time).isProjectCollectionAdministrator(Wire.ORG)).isTrue();

    assertThat(server.requests(Wire.membershipCheck(Wire.USER, Wire.PCA))).hasSize(2);
  }
}
