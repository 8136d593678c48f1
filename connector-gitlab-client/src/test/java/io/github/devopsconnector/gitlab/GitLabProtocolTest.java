package io.github.devopsconnector.gitlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.testing.GitLabSimulator;
import io.github.devopsconnector.testing.GitLabSimulator.Fault;
import io.github.devopsconnector.testing.GitLabSimulator.Route;
import io.github.devopsconnector.testing.VirtualTime;
import io.github.devopsconnector.testsupport.RawHttpServer;
import io.github.devopsconnector.testsupport.Reply;
import io.github.devopsconnector.testsupport.Settings;
import io.github.devopsconnector.testsupport.TestResources;
import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Errors, rate limits, paging guards, deadlines and endpoint rules of the GitLab REST client. */
class GitLabProtocolTest {

  private static final String TOKEN = GitLabWireTest.TOKEN;
  private static final String USER = "{\"id\":7,\"username\":\"jane\",\"name\":\"Jane\"}";
  private final VirtualTime time = VirtualTime.start();
  @AutoClose
  private final TestResources resources = new TestResources();
  private GitLabSimulator simulator;
  private GitLabRestClient client;

  private GitLabRestClient start(Consumer<GitLabSimulator.Builder> simulatorSettings,
      Consumer<GitLabRestClientBuilder> clientSettings) {
    simulator = resources.add(Settings.applied(GitLabSimulator.builder(TestEstates.standard()).token(TOKEN)
        .retryAfter(Duration.ofSeconds(2)), simulatorSettings).build().start());
    client = resources.add(Settings.applied(new GitLabRestClientBuilder().endpoint(simulator.endpoint())
        .token(TOKEN).clock(time.clock()).sleeper(time.sleeper()), clientSettings).buildClient());
    return client;
  }

  private GitLabRestClient start() {
    return start(s -> { }, c -> { });
  }

  @Test
  void aWrongTokenIsNotAuthorizedWith401AndTheTokenNeverShows() {
    start(s -> s.token("glpat-someoneElse"), c -> { });

    assertThatThrownBy(client::groups).isInstanceOfSatisfying(ServiceException.class, e -> {
      assertThat(e.kind()).isEqualTo(ServiceException.Kind.NOT_AUTHORIZED);
      assertThat(e.statusCode()).isEqualTo(401);
      assertThat(e.getMessage()).contains("401 Unauthorized").doesNotContain(TOKEN);
      assertThat(e.remediation()).hasValueSatisfying(r -> assertThat(r).contains("expired or revoked"));
    });
    assertThat(simulator.requestCount(Route.USER)).as("a 401 is not retried").isEqualTo(1);
  }

  @Test
  void aTokenWithoutTheApiScopeIsNotAuthorizedWith403AndGitLabsErrorCode() {
    start(s -> s.scopes(Set.of("read_user")), c -> { });

    assertThat(client.currentUser().username()).as("read_user reads the user").isEqualTo("jane.doe");
    assertThatThrownBy(client::groups).isInstanceOfSatisfying(ServiceException.class, e -> {
      assertThat(e.kind()).isEqualTo(ServiceException.Kind.NOT_AUTHORIZED);
      assertThat(e.statusCode()).isEqualTo(403);
      assertThat(e.serviceErrorCode()).contains("insufficient_scope");
      assertThat(e.getMessage()).contains("higher privileges");
      assertThat(e.remediation()).hasValueSatisfying(r -> assertThat(r).contains("read_api"));
    });
  }

  @Test
  void a429IsWaitedOutForItsRetryAfter() {
    start();
    simulator.failNext(Route.USER, Fault.TOO_MANY_REQUESTS, 2);

    assertThat(client.currentUser().username()).isEqualTo("jane.doe");
    assertThat(simulator.requestCount(Route.USER)).isEqualTo(3);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
  }

  @Test
  void aRetryAfterLongerThanTheClientWaitsFailsAtOnceAsThrottledWithTheWait() {
    start(s -> s.retryAfter(Duration.ofSeconds(600)), c -> c.retryOptions(new RetryOptions(
        new ExponentialBackoffOptions().setMaxRetries(3).setMaxDelay(Duration.ofSeconds(30)))));
    simulator.failNext(Route.USER, Fault.TOO_MANY_REQUESTS, 1);

    assertThatThrownBy(client::currentUser).isInstanceOfSatisfying(ServiceException.class, e -> {
      assertThat(e.kind()).isEqualTo(ServiceException.Kind.THROTTLED);
      assertThat(e.statusCode()).isEqualTo(429);
      assertThat(e.retryAfter()).contains(Duration.ofSeconds(600));
      assertThat(e.getMessage()).contains("rate limit");
      assertThat(e.remediation()).hasValueSatisfying(r -> assertThat(r).contains("Wait 600 s"));
    });
    assertThat(simulator.requestCount(Route.USER)).isEqualTo(1);
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void theCallDeadlineEndsAWaitTheServiceAsksFor() {
    start(s -> s.retryAfter(Duration.ofSeconds(20)), c -> c.callTimeout(Duration.ofSeconds(5)));
    simulator.failNext(Route.USER, Fault.TOO_MANY_REQUESTS, 1);

    assertThatThrownBy(client::currentUser).isInstanceOfSatisfying(ServiceException.class, e -> {
      assertThat(e.kind()).isEqualTo(ServiceException.Kind.THROTTLED);
      assertThat(e.retryAfter()).contains(Duration.ofSeconds(20));
    });
    assertThat(time.sleeps()).as("a wait past the call's deadline is not begun").isEmpty();
  }

  @Test
  void theCallDeadlineEndsASlowAnswer() {
    start(s -> s.latency(Duration.ofSeconds(3)), c -> c.callTimeout(Duration.ofMillis(400)));

    long started = System.nanoTime();
    assertThatThrownBy(client::currentUser).isInstanceOfSatisfying(ServiceException.class,
        e -> assertThat(e.kind()).isEqualTo(ServiceException.Kind.TRANSIENT));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void onceRateLimitRemainingIsZeroNothingMoreIsSentUntilTheReset() {
    start(s -> s.rateLimit(2, Duration.ofHours(1)).rateLimitHeadersOnEveryAnswer(), c -> { });
    client.currentUser();
    client.currentUser();

    assertThatThrownBy(client::currentUser).isInstanceOfSatisfying(ServiceException.class, e -> {
      assertThat(e.kind()).isEqualTo(ServiceException.Kind.THROTTLED);
      assertThat(e.getMessage()).contains("not sent");
      assertThat(e.retryAfter()).hasValueSatisfying(d -> assertThat(d).isGreaterThan(Duration.ofMinutes(50)));
    });
    assertThat(simulator.counters().totalRequests()).as("RateLimit-Remaining: 0 after the second").isEqualTo(2);
  }

  @Test
  void withoutRateLimitHeadersOnEveryAnswerThe429TellsTheWait() {
    start(s -> s.rateLimit(2, Duration.ofHours(1)), c -> { });
    client.currentUser();
    client.currentUser();

    assertThatThrownBy(client::currentUser).isInstanceOfSatisfying(ServiceException.class, e -> {
      assertThat(e.kind()).isEqualTo(ServiceException.Kind.THROTTLED);
      assertThat(e.statusCode()).isEqualTo(429);
      assertThat(e.retryAfter()).hasValueSatisfying(d -> assertThat(d).isGreaterThan(Duration.ofMinutes(50)));
    });
    assertThat(simulator.counters().totalRequests()).isEqualTo(3);
  }

  @Test
  void aBrokenBodyIsReadAgainAndServiceFailuresAreRetried() {
    start();
    simulator.failNext(Route.GROUPS, Fault.MALFORMED_JSON, 1);
    simulator.failNext(Route.GROUPS, Fault.SERVICE_UNAVAILABLE, 1);

    assertThat(client.groups()).hasSize(4);
    assertThat(simulator.requestCount(Route.GROUPS)).isEqualTo(3);
  }

  @Test
  void aLinkThatLoopsLeavesTheHostOrNeverEndsFailsTheListing() {
    try (RawHttpServer server = RawHttpServer.start(); RawHttpServer other = RawHttpServer.start()) {
      server.on("GET", "/api/v4/user", Reply.json(200, USER));
      server.on("GET", "/api/v4/groups", request -> Reply.json(200, "[]").header("Link",
          "<" + server.url() + "/api/v4/groups?per_page=100&page=1>; rel=\"next\""));
      client = resources.add(new GitLabRestClientBuilder().endpoint(server.url()).token(TOKEN).maxPages(5)
          .buildClient());

      assertThatThrownBy(client::groups).isInstanceOfSatisfying(ServiceException.class, e -> {
        assertThat(e.kind()).isEqualTo(ServiceException.Kind.PROTOCOL);
        assertThat(e.getMessage()).contains("page forever");
      });

      server.on("GET", "/api/v4/groups", request -> Reply.json(200, "[]").header("Link",
          "<" + other.url() + "/api/v4/groups?page=2>; rel=\"next\""));
      assertThatThrownBy(client::groups).isInstanceOfSatisfying(ServiceException.class,
          e -> assertThat(e.getMessage()).contains("another host"));
      assertThat(other.requests()).as("the token never goes to another host").isEmpty();

      server.on("GET", "/api/v4/groups", request -> Reply.json(200, "[]").header("Link", "<" + server.url()
          + "/api/v4/groups?page=" + (Integer.parseInt(request.query().getOrDefault("page", "1")) + 1)
          + ">; rel=\"next\""));
      assertThatThrownBy(client::groups).isInstanceOfSatisfying(ServiceException.class,
          e -> assertThat(e.getMessage()).contains("(5)"));
    }
  }

  @Test
  void aRedirectIsNotFollowedSoTheTokenStaysOnTheConfiguredHost() {
    try (RawHttpServer server = RawHttpServer.start(); RawHttpServer other = RawHttpServer.start()) {
      server.on("GET", "/api/v4/user", Reply.empty(302).header("Location", other.url() + "/api/v4/user"));
      client = resources.add(new GitLabRestClientBuilder().endpoint(server.url()).token(TOKEN).buildClient());

      assertThatThrownBy(client::currentUser).isInstanceOfSatisfying(ServiceException.class, e -> {
        assertThat(e.kind()).isEqualTo(ServiceException.Kind.PROTOCOL);
        assertThat(e.getMessage()).contains("redirect");
      });
      assertThat(other.requests()).isEmpty();
      assertThat(server.requests()).allSatisfy(r -> {
        assertThat(r.path()).isEqualTo("/api/v4/user");
        assertThat(r.header("Authorization")).isEqualTo("Bearer " + TOKEN);
      });
    }
  }

  @Test
  void aMissingFieldIsAProtocolFailure() {
    try (RawHttpServer server = RawHttpServer.start()) {
      server.on("GET", "/api/v4/user", Reply.json(200, "{\"id\":7}"));
      client = resources.add(new GitLabRestClientBuilder().endpoint(server.url()).token(TOKEN).buildClient());

      assertThatThrownBy(client::currentUser).isInstanceOfSatisfying(ServiceException.class, e -> {
        assertThat(e.kind()).isEqualTo(ServiceException.Kind.PROTOCOL);
        assertThat(e.getMessage()).contains("no username");
      });
    }
  }
}
