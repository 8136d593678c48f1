package io.github.devopsconnector.gitlab;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsconnector.core.Finding;
import io.github.devopsconnector.core.FindingCode;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.ValidationReport;
import io.github.devopsconnector.core.discovery.GitLabGroupInventory;
import io.github.devopsconnector.core.discovery.GitLabInventory;
import io.github.devopsconnector.core.discovery.GitLabInventoryDiscovery;
import io.github.devopsconnector.core.discovery.OrganizationStatus;
import io.github.devopsconnector.core.discovery.Preflight;
import io.github.devopsconnector.core.discovery.PreflightReport;
import io.github.devopsconnector.core.gitlab.GitLabClient;
import io.github.devopsconnector.testing.GitLabEstate;
import io.github.devopsconnector.testing.GitLabSimulator;
import io.github.devopsconnector.testing.InMemoryGitLabClient;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Preflight and discovery through the REST client against the GitLab simulator: every GitLab finding code. */
class GitLabPreflightWireTest {

  private GitLabSimulator simulator;
  private GitLabRestClient client;
  private GitLabEstate estate;

  @BeforeEach
  void start() {
    estate = TestEstates.withGroupOnboardedElsewhere();
    simulator = GitLabSimulator.builder(estate).token(GitLabWireTest.TOKEN).build().start();
    client = new GitLabRestClientBuilder().endpoint(simulator.endpoint()).token(GitLabWireTest.TOKEN).buildClient();
  }

  @AfterEach
  void close() {
    client.close();
    simulator.close();
  }

  private PreflightReport preflight(GitLabClient gitLab) {
    return Preflight.builder().client(gitLab).tenantRegistry(estate.tenantRegistry()).build()
        .check(OrganizationSelection.allExisting(), estate.tenantId(), ValidationReport.of(List.of()));
  }

  private static List<FindingCode> codes(PreflightReport report, String group) {
    return report.organization(OrganizationName.parse(group)).orElseThrow().findings().stream().map(Finding::code)
        .collect(Collectors.toList());
  }

  @Test
  void preflightSaysWhyEachGroupIsGreyedOutAsTheEstateSays() {
    PreflightReport report = preflight(client);

    assertThat(report.organizations()).extracting(o -> o.organization().value())
        .containsExactly("contoso", "fabrikam", "litware", "northwind", "woodgrove");
    assertThat(codes(report, "contoso")).isEmpty();
    assertThat(codes(report, "fabrikam")).as("a Maintainer").containsExactly(FindingCode.GITLAB_NOT_GROUP_OWNER);
    assertThat(codes(report, "woodgrove")).as("a Developer").containsExactly(FindingCode.GITLAB_NOT_GROUP_OWNER);
    assertThat(codes(report, "northwind")).as("an Owner on Premium")
        .containsExactly(FindingCode.GITLAB_ULTIMATE_REQUIRED);
    assertThat(codes(report, "litware")).containsExactly(FindingCode.GITLAB_GROUP_ONBOARDED_ELSEWHERE);
    assertThat(report.eligibleOrganizations()).containsExactly(OrganizationName.parse("contoso"));
    assertThat(report.organizations()).as("the same as the in-memory client over the same estate")
        .isEqualTo(preflight(InMemoryGitLabClient.of(estate)).organizations());
  }

  @Test
  void discoveryIsExactOnEveryGroupTheUserBelongsTo() {
    GitLabInventory overRest = GitLabInventoryDiscovery.builder().client(client)
        .checkOnboarding(estate.tenantId(), estate.tenantRegistry()).build()
        .discover(OrganizationSelection.allExisting());
    GitLabInventory inMemory = GitLabInventoryDiscovery.builder().client(InMemoryGitLabClient.of(estate))
        .checkOnboarding(estate.tenantId(), estate.tenantRegistry()).build()
        .discover(OrganizationSelection.allExisting());

    GitLabGroupInventory contoso = overRest.group(OrganizationName.parse("contoso")).orElseThrow();
    assertThat(contoso.status()).isEqualTo(OrganizationStatus.DISCOVERED);
    assertThat(contoso.projects()).hasSize(125);
    assertThat(overRest.groups()).extracting(g -> g.path().value())
        .containsExactlyElementsOf(inMemory.groups().stream().map(g -> g.path().value())
            .collect(Collectors.toList()));
    for (GitLabGroupInventory group : overRest.groups()) {
      assertThat(group.projects()).as("the projects of %s", group.path())
          .containsExactlyInAnyOrderElementsOf(inMemory.group(group.path()).orElseThrow().projects());
    }
  }
}
