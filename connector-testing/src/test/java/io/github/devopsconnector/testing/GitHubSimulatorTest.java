package io.github.devopsconnector.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devopsconnector.testing.GitHubSimulator.Fault;
import io.github.devopsconnector.testing.GitHubSimulator.Route;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GitHubSimulatorTest {

  private static final String TOKEN = "ghp_unitTestToken";
  private final HttpClient http = HttpClient.newHttpClient();
  private GitHubSimulator simulator;

  @AfterEach
  void close() {
    if (simulator != null) {
      simulator.close();
    }
  }

  private GitHubSimulator start(GitHubSimulator.Builder builder) {
    simulator = builder.build().start();
    return simulator;
  }

  private GitHubSimulator start() {
    return start(GitHubSimulator.builder(GitHubEstateFilesTest.resource("github-estate.json")).token(TOKEN));
  }

  private HttpResponse<String> get(String pathOrUrl, String authorization) throws Exception {
    String url = pathOrUrl.startsWith("http") ? pathOrUrl : simulator.endpoint() + pathOrUrl;
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return get(path, "Bearer " + TOKEN);
  }

  @Test
  void aTokenIsRequiredAndOnlyTheRightOne() throws Exception {
    start();

    assertThat(get("/user", null).statusCode()).isEqualTo(401);
    assertThat(get("/user", null).body()).contains("Requires authentication");
    assertThat(get("/user", "Bearer wrong").body()).contains("Bad credentials");
    assertThat(get("/user", "token " + TOKEN).statusCode()).isEqualTo(200);
    assertThat(get("/user").body()).contains("\"login\":\"octocat\"").contains("\"id\":583231");
    assertThat(simulator.requestCount(Route.USER)).isEqualTo(5);
  }

  @Test
  void listsArePagedWithALinkHeaderThatReachesEveryItemOnce() throws Exception {
    start();
    String next = "/orgs/contoso/repos?type=all&per_page=100";
    int pages = 0;
    int repositories = 0;
    while (next != null) {
      HttpResponse<String> page = get(next);
      assertThat(page.statusCode()).isEqualTo(200);
      repositories += page.body().split("\"full_name\"").length - 1;
      pages++;
      next = page.headers().firstValue("link").map(GitHubSimulatorTest::nextOf).orElse(null);
    }

    assertThat(pages).isEqualTo(2);
    assertThat(repositories).isEqualTo(150);
    HttpResponse<String> first = get("/orgs/contoso/repos");
    assertThat(first.headers().firstValue("link").orElseThrow()).contains("per_page=30&page=2>; rel=\"next\"")
        .contains("page=5>; rel=\"last\"");
    assertThat(get("/orgs/contoso/repos?per_page=500").body().split("\"full_name\"")).hasSize(101);
  }

  private static String nextOf(String link) {
    for (String part : link.split(",")) {
      if (part.contains("rel=\"next\"")) {
        return part.substring(part.indexOf('<') + 1, part.indexOf('>'));
      }
    }
    return null;
  }

  @Test
  void aPersonalAccessTokenIsRefusedWhereGitHubWantsAnAppUserToken() throws Exception {
    simulator = GitHubSimulator.builder(GitHubEstateFilesTest.resource("github-estate.json")).build().start();
    String pat = "Bearer " + GitHubSimulator.DEFAULT_TOKEN;
    long fabrikam = InMemoryGitHubClient.FIRST_INSTALLATION_ID + 2;

    assertThat(simulator.tokenKind()).isEqualTo(GitHubSimulator.TokenKind.PERSONAL_ACCESS_TOKEN);
    HttpResponse<String> installations = get("/user/installations", pat);
    assertThat(installations.statusCode()).isEqualTo(403);
    assertThat(installations.body()).contains("You must authenticate with an access token authorized to a GitHub "
        + "App in order to list installations");
    HttpResponse<String> repositories = get("/user/installations/" + fabrikam + "/repositories", pat);
    assertThat(repositories.statusCode()).isEqualTo(403);
    assertThat(repositories.body()).contains("authorized to a GitHub App");
    assertThat(get("/user", pat).statusCode()).isEqualTo(200);
    assertThat(get("/user/memberships/orgs", pat).statusCode()).isEqualTo(200);
    assertThat(get("/orgs/fabrikam", pat).statusCode()).isEqualTo(200);
    assertThat(get("/orgs/fabrikam/installations", pat).body()).contains("\"repository_selection\":\"selected\"");
    assertThat(get("/orgs/contoso/repos", pat).statusCode()).isEqualTo(200);
  }

  @Test
  void anAppUserTokenReadsTheInstallationRoutes() throws Exception {
    simulator = GitHubSimulator.builder(GitHubEstateFilesTest.resource("github-estate.json")).appUserToken().build()
        .start();
    String ghu = "Bearer " + simulator.token();
    long fabrikam = InMemoryGitHubClient.FIRST_INSTALLATION_ID + 2;

    assertThat(simulator.token()).startsWith("ghu_");
    assertThat(simulator.tokenKind()).isEqualTo(GitHubSimulator.TokenKind.APP_USER_TOKEN);
    assertThat(get("/user/installations", ghu).body()).contains("\"installations\"");
    HttpResponse<String> repositories = get("/user/installations/" + fabrikam + "/repositories", ghu);
    assertThat(repositories.statusCode()).isEqualTo(200);
    assertThat(repositories.body()).contains("\"repository_selection\":\"selected\"");
    assertThat(get("/user/installations", "Bearer " + GitHubSimulator.DEFAULT_TOKEN).body())
        .as("only the token issued is accepted").contains("Bad credentials");
  }

  @Test
  void anAppUserTokenListsTheInstallationsTheUserCanReachAsOwnerOrAsMember() throws Exception {
    simulator = GitHubSimulator.builder(EstateFiles.parseGitHub("""
        {"platform": "gitHub", "tenantId": "72f988bf-86f1-41af-91ab-2d7cd011db47",
         "user": {"login": "octocat", "id": 583231},
         "owners": [
           {"login": "contoso", "type": "Organization", "role": "admin", "app": "selected",
            "repositories": [{"name": "api", "private": true}, {"name": "web", "private": false, "appAccess": false}]},
           {"login": "adventure-works", "type": "Organization", "role": "member", "app": "all",
            "repositories": [{"name": "shop", "private": false}, {"name": "ledger", "private": true}]},
           {"login": "northwind", "type": "Organization", "role": "member", "app": "all",
            "repositories": [{"name": "vault", "private": true}]},
           {"login": "wingtip", "type": "Organization", "role": "none", "app": "all",
            "repositories": [{"name": "site", "private": false}]}]}
        """)).appUserToken().build().start();
    String ghu = "Bearer " + simulator.token();
    long adventureWorks = InMemoryGitHubClient.FIRST_INSTALLATION_ID + 1;

    String installations = get("/user/installations", ghu).body();
    assertThat(installations).contains("\"total_count\":2").contains("\"login\":\"contoso\"")
        .contains("\"login\":\"adventure-works\"").doesNotContain("northwind").doesNotContain("wingtip");
    String repositories = get("/user/installations/" + adventureWorks + "/repositories", ghu).body();
    assertThat(repositories).as("a member reaches the app's repositories they can access")
        .contains("\"total_count\":1").contains("\"name\":\"shop\"").doesNotContain("ledger");
    assertThat(get("/user/installations/" + (adventureWorks + 1) + "/repositories", ghu).statusCode())
        .as("no repository of the installation is accessible to the member").isEqualTo(404);
    assertThat(get("/user/installations/" + (adventureWorks - 1) + "/repositories", ghu).body())
        .contains("\"name\":\"api\"").doesNotContain("\"web\"");
  }

  @Test
  void ownersSeeInstallationsAndPlansMembersDoNot() throws Exception {
    start();

    assertThat(get("/orgs/fabrikam/installations").body()).contains("\"repository_selection\":\"selected\"")
        .contains("\"app_slug\":\"microsoft-security-devops\"").contains("\"total_count\":1");
    assertThat(get("/orgs/northwind/installations").body()).contains("\"total_count\":0");
    assertThat(get("/orgs/adventure-works/installations").statusCode()).isEqualTo(403);
    assertThat(get("/orgs/contoso").body()).contains("\"plan\":{\"name\":\"enterprise\"");
    assertThat(get("/orgs/adventure-works").body()).doesNotContain("plan");
    assertThat(get("/user/memberships/orgs").body()).contains("\"role\":\"admin\"").contains("\"role\":\"member\"")
        .doesNotContain("wingtip");
  }

  @Test
  void everyAnswerCarriesTheRateLimitHeadersAndThePrimaryLimitIs403WithNothingRemaining() throws Exception {
    start(GitHubSimulator.builder(GitHubEstateFilesTest.resource("github-estate.json")).token(TOKEN)
        .primaryRateLimit(3, Duration.ofHours(1)));

    HttpResponse<String> first = get("/user");
    assertThat(first.headers().firstValue("x-ratelimit-limit")).hasValue("3");
    assertThat(first.headers().firstValue("x-ratelimit-remaining")).hasValue("2");
    assertThat(first.headers().firstValue("x-ratelimit-resource")).hasValue("core");
    long reset = Long.parseLong(first.headers().firstValue("x-ratelimit-reset").orElseThrow());
    assertThat(reset).isGreaterThan(Instant.now().getEpochSecond());
    get("/user");
    get("/user");
    HttpResponse<String> limited = get("/user");

    assertThat(limited.statusCode()).isEqualTo(403);
    assertThat(limited.headers().firstValue("x-ratelimit-remaining")).hasValue("0");
    assertThat(limited.body()).contains("API rate limit exceeded");
    assertThat(simulator.counters().throttledResponses()).isEqualTo(1);
  }

  @Test
  void secondaryRateLimitsAnswer403Or429WithRetryAfter() throws Exception {
    start(GitHubSimulator.builder(GitHubEstateFilesTest.resource("github-estate.json")).token(TOKEN)
        .secondaryRetryAfter(Duration.ofSeconds(7)));
    simulator.failNext(Route.USER, Fault.SECONDARY_RATE_LIMIT, 1);
    simulator.failNext(Fault.TOO_MANY_REQUESTS, 1);
    simulator.failNext(Fault.SECONDARY_RATE_LIMIT_WITHOUT_RETRY_AFTER, 1);

    HttpResponse<String> secondary = get("/user");
    HttpResponse<String> tooMany = get("/user");
    HttpResponse<String> bare = get("/user");

    assertThat(secondary.statusCode()).isEqualTo(403);
    assertThat(secondary.headers().firstValue("retry-after")).hasValue("7");
    assertThat(secondary.body()).contains("secondary rate limit");
    assertThat(tooMany.statusCode()).isEqualTo(429);
    assertThat(bare.statusCode()).isEqualTo(403);
    assertThat(bare.headers().firstValue("retry-after")).isEmpty();
    assertThat(get("/user").statusCode()).isEqualTo(200);
    assertThat(simulator.counters().faultsInjected()).isEqualTo(3);
  }

  @Test
  void theSimulatorStartsOnceAndClosesForGood() {
    GitHubSimulator sim = start();
    assertThatThrownBy(sim::start).isInstanceOf(IllegalStateException.class);
    sim.close();
    assertThatThrownBy(sim::start).isInstanceOf(IllegalStateException.class);
    assertThat(sim.endpoint()).startsWith("http://127.0.0.1:");
  }
}
