package io.github.devopsconnector.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import io.github.devopsconnector.core.Finding;
import io.github.devopsconnector.core.FindingCode;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.ValidationReport;
import io.github.devopsconnector.core.discovery.DiscoveryError;
import io.github.devopsconnector.core.discovery.GitHubInventory;
import io.github.devopsconnector.core.discovery.GitHubInventoryDiscovery;
import io.github.devopsconnector.core.discovery.GitHubOwnerInventory;
import io.github.devopsconnector.core.discovery.OrganizationStatus;
import io.github.devopsconnector.core.discovery.Preflight;
import io.github.devopsconnector.core.discovery.PreflightReport;
import io.github.devopsconnector.core.github.GitHubClient;
import io.github.devopsconnector.core.github.GitHubOwner;
import io.github.devopsconnector.core.github.GitHubRepositorySelection;
import io.github.devopsconnector.testing.EstateFiles;
import io.github.devopsconnector.testing.GitHubEstate;
import io.github.devopsconnector.testing.GitHubSimulator;
import io.github.devopsconnector.testing.GitHubSimulator.Route;
import io.github.devopsconnector.testing.InMemoryGitHubClient;
import io.github.devopsconnector.testsupport.TestResources;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Preflight and discovery through the REST client against the GitHub simulator: every GitHub finding code. */
class GitHubWireTest {

  static final String TOKEN = "ghp_wireTestTokenThatMustNeverLeak0001";
  static final String APP_USER_TOKEN = "ghu_wireTestAppUserTokenNeverLeak0001";
  @AutoClose
  private final TestResources resources = new TestResources();
  private GitHubSimulator simulator;
  private GitHubRestClient client;

  static GitHubEstate estate(String name) {
    try (InputStream in = GitHubWireTest.class.getResourceAsStream("/github/" + name)) {
      return EstateFiles.readGitHub(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The simulator and a client with a personal access token, the simulator's default kind. */
  private GitHubRestClient start(String estate) {
    return start(estate, TOKEN);
  }

  /** The simulator and a client with this token; its prefix ({@code ghp_}, {@code ghu_}) decides its kind. */
  private GitHubRestClient start(String estate, String token) {
    simulator = resources.add(GitHubSimulator.builder(estate(estate)).token(token).build().start());
    client = resources.add(new GitHubRestClientBuilder().endpoint(simulator.endpoint()).token(token).buildClient());
    return client;
  }

  private static GitHubInventory discover(GitHubClient client, GitHubEstate estate) {
    return GitHubInventoryDiscovery.builder().client(client)
        .checkOnboarding(estate.tenantId(), estate.tenantRegistry()).build()
        .discover(OrganizationSelection.allExisting());
  }

  private static PreflightReport preflight(GitHubClient client, GitHubEstate estate) {
    return Preflight.builder().client(client).tenantRegistry(estate.tenantRegistry()).build()
        .check(OrganizationSelection.allExisting(), estate.tenantId(), ValidationReport.of(List.of()));
  }

  private static List<FindingCode> codes(PreflightReport report, String owner) {
    return report.organization(OrganizationName.parse(owner)).orElseThrow().findings().stream()
        .map(Finding::code).collect(Collectors.toList());
  }

  @Test
  void preflightWithAnAppUserTokenGivesTheSameFindingsAsTheEstateSays() {
    GitHubRestClient rest = start("github-estate.json", APP_USER_TOKEN);

    PreflightReport report = preflight(rest, simulator.estate());

    assertThat(report.organizations()).extracting(o -> o.organization().value())
        .containsExactly("adventure-works", "contoso", "fabrikam", "northwind", "octocat", "tailspin");
    assertThat(codes(report, "adventure-works")).containsExactly(FindingCode.GITHUB_NOT_ORGANIZATION_OWNER);
    assertThat(codes(report, "northwind")).containsExactly(FindingCode.GITHUB_APP_NOT_INSTALLED);
    assertThat(codes(report, "fabrikam")).containsExactly(FindingCode.GITHUB_APP_LIMITED_TO_SELECTED_REPOSITORIES);
    assertThat(codes(report, "tailspin")).containsExactly(FindingCode.GITHUB_OWNER_ONBOARDED_ELSEWHERE);
    assertThat(codes(report, "contoso")).isEmpty();
    assertThat(codes(report, "octocat")).isEmpty();
    assertThat(report.organizations()).as("the same as the in-memory client over the same estate")
        .isEqualTo(preflight(InMemoryGitHubClient.of(simulator.estate()), simulator.estate()).organizations());
    assertThat(simulator.requestCount(Route.ORGANIZATION_INSTALLATIONS)).as("the four organizations owned; members are not asked").isEqualTo(4);
  }

  @Test
  void preflightWithAPersonalAccessTokenFindsEveryOrganizationFindingWithoutTheAppUserRoutes() {
    GitHubRestClient rest = start("github-estate.json");
    assertThat(simulator.tokenKind()).isEqualTo(GitHubSimulator.TokenKind.PERSONAL_ACCESS_TOKEN);

    PreflightReport report = preflight(rest, simulator.estate());

    assertThat(report.organizations()).extracting(o -> o.organization().value())
        .as("the user's own account is left out: its installation is readable with an app user token only")
        .containsExactly("adventure-works", "contoso", "fabrikam", "northwind", "tailspin");
    assertThat(codes(report, "adventure-works")).containsExactly(FindingCode.GITHUB_NOT_ORGANIZATION_OWNER);
    assertThat(codes(report, "northwind")).containsExactly(FindingCode.GITHUB_APP_NOT_INSTALLED);
    assertThat(codes(report, "fabrikam")).containsExactly(FindingCode.GITHUB_APP_LIMITED_TO_SELECTED_REPOSITORIES);
    assertThat(codes(report, "tailspin")).containsExactly(FindingCode.GITHUB_OWNER_ONBOARDED_ELSEWHERE);
    assertThat(codes(report, "contoso")).isEmpty();
    assertThat(report.organizations()).as("the organizations as the in-memory client sees them")
        .isEqualTo(preflight(InMemoryGitHubClient.of(simulator.estate()), simulator.estate()).organizations()
            .stream().filter(o -> !o.organization().value().equals("octocat")).collect(Collectors.toList()));
    assertThat(simulator.requestCount(Route.USER_INSTALLATIONS)).isZero();
    assertThat(simulator.requestCount(Route.INSTALLATION_REPOSITORIES)).isZero();
  }

  @Test
  void withAPersonalAccessTokenTheAppOnThePersonalAccountIsATypedRefusal() {
    GitHubRestClient rest = start("github-estate.json");
    GitHubOwner octocat = GitHubOwner.builder().login(OrganizationName.parse("octocat"))
        .type(io.github.devopsconnector.core.github.GitHubOwnerType.USER)
        .role(io.github.devopsconnector.core.github.GitHubRole.ADMIN).build();

    assertThatThrownBy(() -> rest.appInstallation(octocat)).isInstanceOfSatisfying(ServiceException.class, e -> {
      assertThat(e.kind()).isEqualTo(ServiceException.Kind.NOT_AUTHORIZED);
      assertThat(e.serviceErrorCode()).contains(GitHubClient.APP_USER_TOKEN_REQUIRED);
      assertThat(e.getMessage()).contains("user access token").doesNotContain(TOKEN);
    });
    assertThat(simulator.requestCount(Route.USER_INSTALLATIONS)).isZero();
  }

  @Test
  void aManagedUserSeesEnterpriseManagedUsersOwners() {
    GitHubRestClient rest = start("github-emu-estate.json");

    assertThat(codes(preflight(rest, simulator.estate()), "acme-corp"))
        .containsExactly(FindingCode.GITHUB_ENTERPRISE_MANAGED_USERS_NOT_SUPPORTED);
    assertThat(rest.owners()).extracting(GitHubOwner::login).containsExactly(OrganizationName.parse("acme-corp"));
  }

  @Test
  void aGheDotComEndpointIsDataResidency() {
    // A custom pipeline may carry any kind of token, so the client keeps every route: the simulator issues an app
    // user token.
    simulator = resources.add(GitHubSimulator.builder(estate("github-residency-estate.json")).token(APP_USER_TOKEN)
        .build().start());
    // The client believes it talks to a GHE.com host; the pipeline (used as is) carries the requests to the
    // simulator on loopback and authenticates them.
    URL target = url(simulator.endpoint());
    HttpPipelinePolicy toSimulator = new HttpPipelinePolicy() {
      @Override
      public reactor.core.publisher.Mono<com.azure.core.http.HttpResponse> process(
          com.azure.core.http.HttpPipelineCallContext context, com.azure.core.http.HttpPipelineNextPolicy next) {
        reroute(context);
        return next.process();
      }

      @Override
      public com.azure.core.http.HttpResponse processSync(com.azure.core.http.HttpPipelineCallContext context,
          com.azure.core.http.HttpPipelineNextSyncPolicy next) {
        reroute(context);
        return next.processSync();
      }

      private void reroute(com.azure.core.http.HttpPipelineCallContext context) {
        URL original = context.getHttpRequest().getUrl();
        context.getHttpRequest().setUrl(url(target.getProtocol() + "://" + target.getHost() + ":" + target.getPort()
            + original.getFile()));
        context.getHttpRequest().setHeader(HttpHeaderName.AUTHORIZATION, "Bearer " + APP_USER_TOKEN);
      }

      @Override
      public HttpPipelinePosition getPipelinePosition() {
        return HttpPipelinePosition.PER_RETRY;
      }
    };
    HttpPipeline pipeline = new HttpPipelineBuilder().httpClient(new JdkHttpClientBuilder().build())
        .policies(toSimulator).build();
    client = resources.add(new GitHubRestClientBuilder().endpoint("https://api.contoso-eu.ghe.com")
        .pipeline(pipeline).buildClient());

    assertThat(codes(preflight(client, simulator.estate()), "contoso-eu"))
        .containsExactly(FindingCode.GITHUB_DATA_RESIDENCY_NOT_SUPPORTED);
  }

  static URL url(String text) {
    try {
      return new URL(text);
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Test
  void withAnAppUserTokenDiscoveryIsExactOnMoreThanAHundredRepositoriesAndOnASelectedInstallation() {
    GitHubRestClient rest = start("github-estate.json", APP_USER_TOKEN);
    GitHubEstate estate = simulator.estate();

    GitHubInventory overRest = discover(rest, estate);
    GitHubInventory inMemory = discover(InMemoryGitHubClient.of(estate), estate);

    assertThat(overRest.owners()).extracting(GitHubOwnerInventory::repositories)
        .containsExactlyElementsOf(inMemory.owners().stream().map(GitHubOwnerInventory::repositories)
            .collect(Collectors.toList()));
    GitHubOwnerInventory contoso = overRest.owner(OrganizationName.parse("contoso")).orElseThrow();
    assertThat(contoso.repositories()).hasSize(150);
    GitHubOwnerInventory fabrikam = overRest.owner(OrganizationName.parse("fabrikam")).orElseThrow();
    assertThat(fabrikam.repositories()).hasSize(estate.owner(OrganizationName.parse("fabrikam")).orElseThrow()
        .appRepositories().size()).hasSizeGreaterThan(30);
    assertThat(overRest.totals().repositories()).isEqualTo(inMemory.totals().repositories());
    assertThat(simulator.requestCount(Route.ORGANIZATION_REPOSITORIES))
        .as("contoso's 150 repositories on two pages of 100, tailspin's on one").isEqualTo(3);
    assertThat(simulator.requestCount(Route.INSTALLATION_REPOSITORIES)).isGreaterThanOrEqualTo(1);
  }

  @Test
  void withAPersonalAccessTokenDiscoveryIsExactOnAnAllInstallationAndSaysASelectedOneNeedsAnAppUserToken() {
    GitHubRestClient rest = start("github-estate.json");
    GitHubEstate estate = simulator.estate();

    GitHubInventory overRest = discover(rest, estate);
    GitHubInventory inMemory = discover(InMemoryGitHubClient.of(estate), estate);

    GitHubOwnerInventory contoso = overRest.owner(OrganizationName.parse("contoso")).orElseThrow();
    assertThat(contoso.status()).isEqualTo(OrganizationStatus.DISCOVERED);
    assertThat(contoso.repositories()).hasSize(150)
        .isEqualTo(inMemory.owner(OrganizationName.parse("contoso")).orElseThrow().repositories());
    assertThat(overRest.owner(OrganizationName.parse("tailspin")).orElseThrow().repositories())
        .isEqualTo(inMemory.owner(OrganizationName.parse("tailspin")).orElseThrow().repositories());
    GitHubOwnerInventory fabrikam = overRest.owner(OrganizationName.parse("fabrikam")).orElseThrow();
    assertThat(fabrikam.status()).isEqualTo(OrganizationStatus.FAILED);
    assertThat(fabrikam.installation()).hasValueSatisfying(i -> assertThat(i.repositorySelection())
        .isEqualTo(GitHubRepositorySelection.SELECTED));
    assertThat(fabrikam.repositories()).isEmpty();
    DiscoveryError error = fabrikam.outcome().error().orElseThrow();
    assertThat(error.kind()).isEqualTo(ServiceException.Kind.NOT_AUTHORIZED);
    assertThat(error.serviceErrorCode()).contains(GitHubClient.APP_USER_TOKEN_REQUIRED);
    assertThat(error.remediation()).hasValueSatisfying(r -> assertThat(r).contains("user access token"));
    assertThat(fabrikam.outcome().onboarding().orElseThrow().findings()).extracting(Finding::code)
        .containsExactly(FindingCode.GITHUB_APP_LIMITED_TO_SELECTED_REPOSITORIES);
    assertThat(overRest.owner(OrganizationName.parse("octocat"))).isEmpty();
    assertThat(simulator.requestCount(Route.ORGANIZATION_REPOSITORIES))
        .as("contoso's 150 repositories on two pages of 100, tailspin's on one").isEqualTo(3);
    assertThat(simulator.requestCount(Route.USER_INSTALLATIONS)).isZero();
    assertThat(simulator.requestCount(Route.INSTALLATION_REPOSITORIES)).isZero();
  }
}
