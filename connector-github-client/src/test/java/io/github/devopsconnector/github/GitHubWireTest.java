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
import io.github.devopsconnector.core.ValidationReport;
import io.github.devopsconnector.core.discovery.GitHubInventory;
import io.github.devopsconnector.core.discovery.GitHubInventoryDiscovery;
import io.github.devopsconnector.core.discovery.GitHubOwnerInventory;
import io.github.devopsconnector.core.discovery.Preflight;
import io.github.devopsconnector.core.discovery.PreflightReport;
import io.github.devopsconnector.core.github.GitHubClient;
import io.github.devopsconnector.core.github.GitHubOwner;
import io.github.devopsconnector.testing.EstateFiles;
import io.github.devopsconnector.testing.GitHubEstate;
import io.github.devopsconnector.testing.GitHubSimulator;
import io.github.devopsconnector.testing.GitHubSimulator.Route;
import io.github.devopsconnector.testing.InMemoryGitHubClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Preflight and discovery through the REST client against the GitHub simulator: every GitHub finding code. */
class GitHubWireTest {

  static final String TOKEN = "ghp_wireTestTokenThatMustNeverLeak0001";
  private GitHubSimulator simulator;
  private GitHubRestClient client;

  @AfterEach
  void close() {
    if (client != null) {
      client.close();
    }
    if (simulator != null) {
      simulator.close();
    }
  }

  static GitHubEstate estate(String name) {
    try (InputStream in = GitHubWireTest.class.getResourceAsStream("/github/" + name)) {
      return EstateFiles.readGitHub(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private GitHubRestClient start(String estate) {
    simulator = GitHubSimulator.builder(estate(estate)).token(TOKEN).build().start();
    client = new GitHubRestClientBuilder().endpoint(simulator.endpoint()).token(TOKEN).buildClient();
    return client;
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
  void preflightThroughTheRestClientGivesTheSameFindingsAsTheEstateSays() {
    GitHubRestClient rest = start("github-estate.json");

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
  void aManagedUserSeesEnterpriseManagedUsersOwners() {
    GitHubRestClient rest = start("github-emu-estate.json");

    assertThat(codes(preflight(rest, simulator.estate()), "acme-corp"))
        .containsExactly(FindingCode.GITHUB_ENTERPRISE_MANAGED_USERS_NOT_SUPPORTED);
    assertThat(rest.owners()).extracting(GitHubOwner::login).containsExactly(OrganizationName.parse("acme-corp"));
  }

  @Test
  void aGheDotComEndpointIsDataResidency() {
    simulator = GitHubSimulator.builder(estate("github-residency-estate.json")).token(TOKEN).build().start();
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
        context.getHttpRequest().setHeader(HttpHeaderName.AUTHORIZATION, "Bearer " + TOKEN);
      }

      @Override
      public HttpPipelinePosition getPipelinePosition() {
        return HttpPipelinePosition.PER_RETRY;
      }
    };
    HttpPipeline pipeline = new HttpPipelineBuilder().httpClient(new JdkHttpClientBuilder().build())
        .policies(toSimulator).build();
    client = new GitHubRestClientBuilder().endpoint("https://api.contoso-eu.ghe.com").pipeline(pipeline)
        .buildClient();

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
  void discoveryIsExactOnMoreThanAHundredRepositoriesAndOnASelectedInstallation() {
    GitHubRestClient rest = start("github-estate.json");
    GitHubEstate estate = simulator.estate();

    GitHubInventory overRest = GitHubInventoryDiscovery.builder().client(rest)
        .checkOnboarding(estate.tenantId(), estate.tenantRegistry()).build()
        .discover(OrganizationSelection.allExisting());
    GitHubInventory inMemory = GitHubInventoryDiscovery.builder().client(InMemoryGitHubClient.of(estate))
        .checkOnboarding(estate.tenantId(), estate.tenantRegistry()).build()
        .discover(OrganizationSelection.allExisting());

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
}
