package io.github.devopsconnector.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.TenantId;
import io.github.devopsconnector.core.gitlab.GitLabAccessLevel;
import io.github.devopsconnector.core.gitlab.GitLabUser;
import io.github.devopsconnector.testing.GitLabSimulator.Fault;
import io.github.devopsconnector.testing.GitLabSimulator.Route;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The GitLab simulator speaks GitLab's REST v4 as documented: auth, scopes, visibility, paging, rate limits. */
class GitLabSimulatorTest {

  private static final String TOKEN = "glpat-unitTestToken";
  private final HttpClient http = HttpClient.newHttpClient();
  private GitLabSimulator simulator;

  @AfterEach
  void close() {
    if (simulator != null) {
      simulator.close();
    }
  }

  /** contoso (Owner, Ultimate, 45 projects in a subgroup tree, 2 archived), fabrikam (Maintainer), tailspin (none). */
  static GitLabEstate estate() {
    List<GitLabEstateProject> deep = new ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      deep.add(GitLabEstateProject.builder().id(1000 + i).path("svc-" + i).name("Service " + i).build());
    }
    GitLabEstateSubgroup tools = GitLabEstateSubgroup.builder().id(12).path("tools").name("Tools")
        .addAllProjects(deep).build();
    GitLabEstateSubgroup platform = GitLabEstateSubgroup.builder().id(11).path("platform").name("Platform")
        .addProjects(GitLabEstateProject.builder().id(900).path("infra").name("Infra").archived(true).build())
        .addSubgroups(tools).build();
    GitLabEstateGroup contoso = GitLabEstateGroup.builder().id(10).path(OrganizationName.parse("contoso"))
        .name("Contoso").accessLevel(GitLabAccessLevel.OWNER).plan("ultimate")
        .addProjects(GitLabEstateProject.builder().id(800).path("web").name("Web").build(),
            GitLabEstateProject.builder().id(801).path("old").name("Old").archived(true).build(),
            GitLabEstateProject.builder().id(802).path("api").name("Api").build(),
            GitLabEstateProject.builder().id(803).path("docs").name("Docs").build())
        .addSubgroups(platform).build();
    GitLabEstateGroup fabrikam = GitLabEstateGroup.builder().id(20).path(OrganizationName.parse("fabrikam"))
        .name("Fabrikam").accessLevel(GitLabAccessLevel.MAINTAINER).plan("premium").build();
    GitLabEstateGroup tailspin = GitLabEstateGroup.builder().id(30).path(OrganizationName.parse("tailspin"))
        .name("Tailspin").accessLevel(GitLabAccessLevel.NO_ACCESS).plan("ultimate").build();
    return GitLabEstate.builder().tenantId(TenantId.parse("72f988bf-86f1-41af-91ab-2d7cd011db47"))
        .user(GitLabUser.of("jane", 7, Optional.of("Jane"))).addGroups(contoso, fabrikam, tailspin).build();
  }

  private GitLabSimulator start(GitLabSimulator.Builder builder) {
    simulator = builder.build().start();
    return simulator;
  }

  private GitLabSimulator start() {
    return start(GitLabSimulator.builder(estate()).token(TOKEN));
  }

  private HttpResponse<String> get(String pathOrUrl, String header, String value) throws Exception {
    String url = pathOrUrl.startsWith("http") ? pathOrUrl : simulator.endpoint() + pathOrUrl;
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
    if (header != null) {
      request.header(header, value);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return get(path, "PRIVATE-TOKEN", TOKEN);
  }

  private static String link(HttpResponse<String> response, String rel) {
    for (String part : response.headers().firstValue("Link").orElse("").split(",")) {
      if (part.contains("rel=\"" + rel + "\"")) {
        return part.substring(part.indexOf('<') + 1, part.indexOf('>'));
      }
    }
    return null;
  }

  @Test
  void aPrivateTokenOrABearerTokenIsAcceptedAndAnyOtherIs401() throws Exception {
    start();

    assertThat(get("/api/v4/user").body()).contains("\"username\":\"jane\"").contains("\"id\":7");
    assertThat(get("/api/v4/user", "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(200);
    HttpResponse<String> wrong = get("/api/v4/user", "PRIVATE-TOKEN", "glpat-wrong");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).isEqualTo("{\"message\":\"401 Unauthorized\"}");
    assertThat(get("/api/v4/user", "Authorization", "token " + TOKEN).statusCode()).as("GitHub's scheme")
        .isEqualTo(401);
    assertThat(get("/api/v4/user", null, null).statusCode()).isEqualTo(401);
    assertThat(get("/api/v4/groups", null, null).body()).as("anonymous: public groups only, and these are private")
        .isEqualTo("[]");
    assertThat(get("/user").statusCode()).as("the API is under /api/v4").isEqualTo(404);
  }

  @Test
  void aTokenWithoutReadApiReadsTheUserOnly() throws Exception {
    start(GitLabSimulator.builder(estate()).token(TOKEN).scopes(Set.of("read_user")));

    assertThat(get("/api/v4/user").statusCode()).isEqualTo(200);
    HttpResponse<String> groups = get("/api/v4/groups");
    assertThat(groups.statusCode()).isEqualTo(403);
    assertThat(groups.body()).contains("\"error\":\"insufficient_scope\"").contains("error_description");
  }

  @Test
  void groupsAreTheUsersWithInheritedAccessAndThePlanIsShownToOwnersOnly() throws Exception {
    start();

    String top = get("/api/v4/groups?top_level_only=true&order_by=id&sort=asc").body();
    assertThat(top).contains("\"path\":\"contoso\"").contains("\"path\":\"fabrikam\"")
        .doesNotContain("tailspin").doesNotContain("\"path\":\"platform\"");
    assertThat(get("/api/v4/groups").body()).as("subgroups too without top_level_only")
        .contains("\"full_path\":\"contoso/platform/tools\"").contains("\"parent_id\":11");
    assertThat(get("/api/v4/groups?min_access_level=50").body()).contains("contoso").doesNotContain("fabrikam");
    assertThat(get("/api/v4/groups/12/members/all/7").body()).as("inherited from contoso")
        .contains("\"access_level\":50");
    assertThat(get("/api/v4/groups/20/members/all/7").body()).contains("\"access_level\":40");
    assertThat(get("/api/v4/groups/20/members/all/8").statusCode()).isEqualTo(404);
    assertThat(get("/api/v4/groups/30/members/all/7").statusCode()).as("tailspin is hidden").isEqualTo(404);
    assertThat(get("/api/v4/namespaces/10").body()).contains("\"plan\":\"ultimate\"");
    assertThat(get("/api/v4/namespaces/20").body()).as("a Maintainer is not shown the plan")
        .contains("\"kind\":\"group\"").doesNotContain("plan");
    assertThat(get("/api/v4/namespaces/30").body()).isEqualTo("{\"message\":\"404 Namespace Not Found\"}");
    assertThat(get("/api/v4/groups/contoso%2Fplatform/projects").body()).as("a group by its encoded path")
        .contains("\"path_with_namespace\":\"contoso/platform/infra\"");
  }

  @Test
  void projectsPageByOffsetWithLinkAndXHeadersAndIncludeSubgroupsAndArchivedFilter() throws Exception {
    start();

    HttpResponse<String> first = get("/api/v4/groups/10/projects?include_subgroups=true&order_by=id&sort=asc");
    assertThat(first.headers().firstValue("x-total")).contains("45");
    assertThat(first.headers().firstValue("x-per-page")).as("20 by default").contains("20");
    assertThat(first.headers().firstValue("x-total-pages")).contains("3");
    assertThat(first.headers().firstValue("x-next-page")).contains("2");
    assertThat(link(first, "last")).contains("page=3");
    assertThat(link(first, "first")).contains("page=1");
    assertThat(link(first, "prev")).isNull();
    HttpResponse<String> last = get(link(get(link(first, "next"), "PRIVATE-TOKEN", TOKEN), "next"),
        "PRIVATE-TOKEN", TOKEN);
    assertThat(last.headers().firstValue("x-page")).contains("3");
    assertThat(last.headers().firstValue("x-next-page")).contains("");
    assertThat(link(last, "next")).isNull();
    assertThat(link(last, "next")).isNull();
    assertThat(last.body()).contains("contoso/platform/tools/svc-40");

    HttpResponse<String> big = get("/api/v4/groups/10/projects?include_subgroups=true&per_page=500");
    assertThat(big.headers().firstValue("x-per-page")).as("at most 100").contains("100");
    assertThat(big.headers().firstValue("x-next-page")).contains("");
    assertThat(get("/api/v4/groups/10/projects").headers().firstValue("x-total")).as("own projects only")
        .contains("4");
    assertThat(get("/api/v4/groups/10/projects?include_subgroups=true&archived=false").headers()
        .firstValue("x-total")).contains("43");
    assertThat(get("/api/v4/groups/10/projects?include_subgroups=true&per_page=100").body())
        .as("newest first by default, archived ones listed").startsWith("[{\"id\":1040").contains("\"archived\":true");
  }

  @Test
  void beyondTheLimitA429TellsWhenToComeBackWithRateLimitHeaders() throws Exception {
    start(GitLabSimulator.builder(estate()).token(TOKEN).rateLimit(2, Duration.ofHours(1)));

    assertThat(get("/api/v4/user").headers().firstValue("RateLimit-Remaining")).as("only on 429 by default")
        .isEmpty();
    get("/api/v4/user");
    HttpResponse<String> throttled = get("/api/v4/user");
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.body()).isEqualTo("Retry later\n");
    assertThat(throttled.headers().firstValue("RateLimit-Remaining")).contains("0");
    assertThat(throttled.headers().firstValue("RateLimit-Limit")).contains("2");
    assertThat(throttled.headers().firstValue("RateLimit-Reset")).isPresent();
    assertThat(Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow())).isGreaterThan(3000);
    assertThat(simulator.counters().throttledResponses()).isEqualTo(1);
  }

  @Test
  void rateLimitHeadersOnEveryAnswerWhenAsked() throws Exception {
    start(GitLabSimulator.builder(estate()).token(TOKEN).rateLimitHeadersOnEveryAnswer());

    HttpResponse<String> user = get("/api/v4/user");
    assertThat(user.headers().firstValue("RateLimit-Limit")).contains("2000");
    assertThat(user.headers().firstValue("RateLimit-Observed")).contains("1");
    assertThat(user.headers().firstValue("RateLimit-Remaining")).contains("1999");
  }

  @Test
  void scriptedFaultsAreServedAndCounted() throws Exception {
    start(GitLabSimulator.builder(estate()).token(TOKEN).retryAfter(Duration.ofSeconds(7)));
    simulator.failNext(Route.GROUPS, Fault.TOO_MANY_REQUESTS, 1);
    simulator.failNext(Route.USER, Fault.MALFORMED_JSON, 1);
    simulator.failNext(Route.USER, Fault.SERVICE_UNAVAILABLE, 1);

    HttpResponse<String> throttled = get("/api/v4/groups");
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.headers().firstValue("Retry-After")).contains("7");
    assertThat(get("/api/v4/user").body()).doesNotContain("jane").startsWith("{");
    assertThat(get("/api/v4/user").statusCode()).isEqualTo(503);
    assertThat(get("/api/v4/user").statusCode()).isEqualTo(200);
    assertThat(simulator.requestCount(Route.USER)).isEqualTo(3);
    assertThat(simulator.counters().faultsInjected(Fault.TOO_MANY_REQUESTS)).isEqualTo(1);
    assertThatThrownBy(() -> simulator.failNext(Route.USER, Fault.MALFORMED_JSON, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
