package io.github.devopsconnector.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.github.GitHubOwner;
import io.github.devopsconnector.testing.GitHubSimulator;
import io.github.devopsconnector.testing.GitHubSimulator.Fault;
import io.github.devopsconnector.testing.GitHubSimulator.Route;
import io.github.devopsconnector.testing.VirtualTime;
import io.github.devopsconnector.testsupport.RawHttpServer;
import io.github.devopsconnector.testsupport.Reply;
import io.github.devopsconnector.testsupport.Settings;
import io.github.devopsconnector.testsupport.TestResources;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Tokens, rate limits, paging guards and endpoint rules of the REST client. */
class GitHubProtocolTest {

  private static final String TOKEN = GitHubWireTest.TOKEN;
  private final VirtualTime time = VirtualTime.start();
  @AutoClose
  private final TestResources resources = new TestResources();
  private GitHubSimulator simulator;
  private GitHubRestClient client;

  private GitHubRestClient start(Consumer<GitHubSimulator.Builder> simulatorSettings,
      Consumer<GitHubRestClientBuilder> clientSettings) {
    simulator = resources.add(Settings.applied(
        GitHubSimulator.builder(GitHubWireTest.estate("github-estate.json")).token(TOKEN)
            .secondaryRetryAfter(Duration.ofSeconds(2)), simulatorSettings).build().start());
    client = resources.add(Settings.applied(new GitHubRestClientBuilder().endpoint(simulator.endpoint())
        .token(TOKEN).clock(time.clock()).sleeper(time.sleeper()), clientSettings).buildClient());
    return client;
  }

  private GitHubRestClient start() {
    return start(s -> { }, c -> { });
  }

  @Test
  void aWrongTokenIsNotAuthorizedAndTheTokenNeverShows() {
    simulator = resources.add(GitHubSimulator.builder(GitHubWireTest.estate("github-estate.json")).token("ghp_other")
        .build().start());
    GitHubRestClientBuilder builder = new GitHubRestClientBuilder().endpoint(simulator.endpoint()).token(TOKEN);
    client = resources.add(builder.buildClient());

    assertThatThrownBy(client::currentUser).isInstanceOfSatisfying(ServiceException.class, e -> {
      assertThat(e.kind()).isEqualTo(ServiceException.Kind.NOT_AUTHORIZED);
      assertThat(e.statusCode()).isEqualTo(401);
      assertThat(e.getMessage()).contains("Bad credentials").doesNotContain(TOKEN);
      assertThat(e.requestId()).isPresent();
    });
    assertThat(client.toString()).doesNotContain(TOKEN).contains("GitHub token");
    assertThat(builder.toString()).doesNotContain(TOKEN);
  }

  @Test
  void aSecondaryRateLimitIsWaitedOutAsGitHubAsks() {
    start();
    simulator.failNext(Route.USER, Fault.SECONDARY_RATE_LIMIT, 1);
    simulator.failNext(Route.USER, Fault.TOO_MANY_REQUESTS, 1);

    assertThat(client.currentUser().login()).isEqualTo("octocat");
    assertThat(simulator.requestCount(Route.USER)).isEqualTo(3);
    assertThat(time.sleeps()).contains(Duration.ofSeconds(2));
  }

  @Test
  void aSecondaryRateLimitWithoutRetryAfterWaitsAMinute() {
    start();
    simulator.failNext(Route.USER, Fault.SECONDARY_RATE_LIMIT_WITHOUT_RETRY_AFTER, 1);

    assertThat(client.currentUser().login()).isEqualTo("octocat");
    assertThat(time.sleeps()).contains(Duration.ofMinutes(1));
  }

  @Test
  void aWaitLongerThanTheClientAllowsFailsAtOnceAsThrottledWith403AndTheWait() {
    start(s -> s.secondaryRetryAfter(Duration.ofSeconds(600)), c -> c.retryOptions(new RetryOptions(
        new ExponentialBackoffOptions().setMaxRetries(3).setMaxDelay(Duration.ofSeconds(30)))));
    simulator.failNext(Route.USER, Fault.SECONDARY_RATE_LIMIT, 1);

    assertThatThrownBy(client::currentUser).isInstanceOfSatisfying(ServiceException.class, e -> {
      assertThat(e.kind()).isEqualTo(ServiceException.Kind.THROTTLED);
      assertThat(e.statusCode()).isEqualTo(403);
      assertThat(e.retryAfter()).contains(Duration.ofSeconds(600));
      assertThat(e.getMessage()).contains("secondary rate limit");
    });
    assertThat(simulator.requestCount(Route.USER)).isEqualTo(1);
  }

  @Test
  void aPrimaryLimitAnswerFailsAsThrottledWith403AndTheTimeToTheReset() {
    start();
    simulator.failNext(Route.USER, Fault.PRIMARY_RATE_LIMIT, 1);

    assertThatThrownBy(client::currentUser).isInstanceOfSatisfying(ServiceException.class, e -> {
      assertThat(e.kind()).isEqualTo(ServiceException.Kind.THROTTLED);
      assertThat(e.statusCode()).isEqualTo(403);
      assertThat(e.retryAfter()).hasValueSatisfying(d -> assertThat(d).isGreaterThan(Duration.ofMinutes(50)));
      assertThat(e.getMessage()).contains("primary rate limit").contains("API rate limit exceeded");
    });
    assertThatThrownBy(client::owners).as("held back, not sent").isInstanceOfSatisfying(ServiceException.class,
        e -> assertThat(e.getMessage()).contains("not sent"));
    assertThat(simulator.counters().totalRequests()).isEqualTo(1);
  }

  @Test
  void onceTheLastRequestIsUsedNothingMoreIsSentUntilTheReset() {
    start(s -> s.primaryRateLimit(2, Duration.ofHours(1)), c -> { });
    client.currentUser();
    client.currentUser();

    assertThatThrownBy(client::currentUser).isInstanceOfSatisfying(ServiceException.class, e -> {
      assertThat(e.kind()).isEqualTo(ServiceException.Kind.THROTTLED);
      assertThat(e.retryAfter()).hasValueSatisfying(d -> assertThat(d).isGreaterThan(Duration.ofMinutes(50)));
    });
    assertThat(simulator.counters().totalRequests()).as("x-ratelimit-remaining: 0 after the second").isEqualTo(2);
  }

  @Test
  void aPlain403IsARefusalAndIsNotRetried() {
    start();
    GitHubOwner member = client.owners().stream().filter(o -> o.login().value().equals("adventure-works"))
        .findFirst().orElseThrow();

    assertThatThrownBy(() -> client.appInstallation(member)).isInstanceOfSatisfying(ServiceException.class, e -> {
      assertThat(e.kind()).isEqualTo(ServiceException.Kind.NOT_AUTHORIZED);
      assertThat(e.statusCode()).isEqualTo(403);
      assertThat(e.remediation()).hasValueSatisfying(r -> assertThat(r).contains("Owner role"));
    });
    assertThat(simulator.requestCount(Route.ORGANIZATION_INSTALLATIONS)).isEqualTo(1);
  }

  @Test
  void aBrokenBodyIsReadAgainAndServiceFailuresAreRetried() {
    start();
    simulator.failNext(Route.USER, Fault.MALFORMED_JSON, 1);
    simulator.failNext(Route.USER, Fault.SERVICE_UNAVAILABLE, 1);

    assertThat(client.currentUser().id()).isEqualTo(583231);
    assertThat(simulator.requestCount(Route.USER)).isEqualTo(3);
  }

  @Test
  void aLinkThatLoopsOrLeavesTheHostFailsTheListingInsteadOfPagingForever() {
    try (RawHttpServer server = RawHttpServer.start()) {
      String user = "{\"login\":\"octocat\",\"id\":1}";
      String page = "[{\"state\":\"active\",\"role\":\"admin\",\"organization\":{\"login\":\"contoso\",\"id\":2}}]";
      server.on("GET", "/user", Reply.json(200, user));
      server.on("GET", "/orgs/contoso", Reply.json(200, "{\"login\":\"contoso\",\"id\":2}"));
      server.on("GET", "/user/installations", Reply.json(200, "{\"total_count\":0,\"installations\":[]}"));
      server.on("GET", "/user/memberships/orgs", request -> Reply.json(200, page).header("link",
          "<" + server.url() + "/user/memberships/orgs?state=active&per_page=100>; rel=\"next\""));
      client = resources.add(new GitHubRestClientBuilder().endpoint(server.url()).token(TOKEN).buildClient());

      assertThatThrownBy(client::owners).isInstanceOfSatisfying(ServiceException.class, e -> {
        assertThat(e.kind()).isEqualTo(ServiceException.Kind.PROTOCOL);
        assertThat(e.getMessage()).contains("page forever");
      });
      server.on("GET", "/user/memberships/orgs", request -> Reply.json(200, page).header("link",
          "<https://evil.example/user/memberships/orgs?page=2>; rel=\"next\""));
      assertThatThrownBy(client::owners).isInstanceOfSatisfying(ServiceException.class,
          e -> assertThat(e.getMessage()).contains("another host"));
    }
  }

  @Test
  void thePageLimitEndsAListingThatNeverEnds() {
    try (RawHttpServer server = RawHttpServer.start()) {
      server.on("GET", "/user", Reply.json(200, "{\"login\":\"octocat\",\"id\":1}"));
      server.on("GET", "/user/memberships/orgs", request -> Reply.json(200, "[]").header("link", "<" + server.url()
          + "/user/memberships/orgs?page=" + (Integer.parseInt(request.query().getOrDefault("page", "1")) + 1)
          + ">; rel=\"next\""));
      client = resources.add(new GitHubRestClientBuilder().endpoint(server.url()).token(TOKEN).maxPages(5)
          .buildClient());

      assertThatThrownBy(client::owners).isInstanceOfSatisfying(ServiceException.class,
          e -> assertThat(e.getMessage()).contains("(5)"));
      assertThat(server.requests("/user/memberships/orgs")).hasSize(5);
    }
  }

  @Test
  void theTokenGoesOverHttpsOrToLoopbackOnly() {
    assertThatThrownBy(() -> new GitHubRestClientBuilder().endpoint("http://api.github.example").token(TOKEN)
        .buildClient()).isInstanceOf(IllegalStateException.class).hasMessageContaining("loopback");
    assertThatThrownBy(() -> new GitHubRestClientBuilder().buildClient())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("No credential");
    assertThatThrownBy(() -> new GitHubRestClientBuilder().token("ghp_a b")).isInstanceOf(
        IllegalArgumentException.class).hasMessageNotContaining("ghp_a");
    try (GitHubRestClient https = new GitHubRestClientBuilder().token(TOKEN).buildClient()) {
      assertThat(https.toString()).contains("https://api.github.com").contains("microsoft-security-devops");
    }
  }
}
