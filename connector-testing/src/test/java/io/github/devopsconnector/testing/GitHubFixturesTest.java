package io.github.devopsconnector.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devopsconnector.core.Finding;
import io.github.devopsconnector.core.FindingCode;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.ValidationReport;
import io.github.devopsconnector.core.discovery.GitHubInventory;
import io.github.devopsconnector.core.discovery.GitHubInventoryDiscovery;
import io.github.devopsconnector.core.discovery.OrganizationStatus;
import io.github.devopsconnector.core.discovery.Preflight;
import io.github.devopsconnector.core.discovery.PreflightReport;
import io.github.devopsconnector.core.github.GitHubOwner;
import io.github.devopsconnector.core.github.GitHubRepository;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Preflight and discovery of GitHub estate files through the in-memory client: every GitHub finding code. */
class GitHubFixturesTest {

  private static OrganizationName login(String login) {
    return OrganizationName.parse(login);
  }

  private static PreflightReport preflight(GitHubEstate estate) {
    return Preflight.builder().client(InMemoryGitHubClient.of(estate)).tenantRegistry(estate.tenantRegistry())
        .build().check(OrganizationSelection.allExisting(), estate.tenantId(), ValidationReport.of(List.of()));
  }

  private static List<FindingCode> codes(PreflightReport report, String owner) {
    return report.organization(login(owner)).orElseThrow().findings().stream().map(Finding::code)
        .collect(Collectors.toList());
  }

  @Test
  void preflightOfTheEstateFilesGivesEveryGitHubFindingCode() {
    PreflightReport report = preflight(GitHubEstateFilesTest.resource("github-estate.json"));

    assertThat(report.organizations()).extracting(o -> o.organization().value())
        .containsExactly("adventure-works", "contoso", "fabrikam", "northwind", "octocat", "tailspin");
    assertThat(codes(report, "contoso")).isEmpty();
    assertThat(codes(report, "octocat")).isEmpty();
    assertThat(codes(report, "adventure-works")).containsExactly(FindingCode.GITHUB_NOT_ORGANIZATION_OWNER);
    assertThat(codes(report, "northwind")).containsExactly(FindingCode.GITHUB_APP_NOT_INSTALLED);
    assertThat(codes(report, "fabrikam")).containsExactly(FindingCode.GITHUB_APP_LIMITED_TO_SELECTED_REPOSITORIES);
    assertThat(codes(report, "tailspin")).containsExactly(FindingCode.GITHUB_OWNER_ONBOARDED_ELSEWHERE);
    assertThat(codes(preflight(GitHubEstateFilesTest.resource("github-emu-estate.json")), "acme-corp"))
        .containsExactly(FindingCode.GITHUB_ENTERPRISE_MANAGED_USERS_NOT_SUPPORTED);
    assertThat(codes(preflight(GitHubEstateFilesTest.resource("github-residency-estate.json")), "contoso-eu"))
        .containsExactly(FindingCode.GITHUB_DATA_RESIDENCY_NOT_SUPPORTED);
  }

  @Test
  void discoveryIsExactOnAnOwnerWithMoreThanAHundredRepositoriesAndOnASelectedInstallation() {
    GitHubEstate estate = GitHubEstateFilesTest.resource("github-estate.json");

    GitHubInventory inventory = GitHubInventoryDiscovery.builder().client(InMemoryGitHubClient.of(estate))
        .checkOnboarding(estate.tenantId(), estate.tenantRegistry()).build()
        .discover(OrganizationSelection.allExisting());

    for (String owner : List.of("contoso", "fabrikam", "octocat")) {
      GitHubEstateOwner expected = estate.owner(login(owner)).orElseThrow();
      assertThat(inventory.owner(login(owner)).orElseThrow().repositories()).extracting(GitHubRepository::id)
          .containsExactlyInAnyOrderElementsOf(expected.appRepositories().stream().map(GitHubEstateRepository::id)
              .collect(Collectors.toList()));
    }
    assertThat(inventory.owner(login("contoso")).orElseThrow().repositories()).hasSize(150)
        .filteredOn(GitHubRepository::archived).extracting(GitHubRepository::name).contains("legacy");
    assertThat(inventory.owner(login("northwind")).orElseThrow().repositories()).isEmpty();
    assertThat(inventory.owner(login("adventure-works")).orElseThrow().status()).isEqualTo(OrganizationStatus.SKIPPED);
    assertThat(inventory.owner(login("wingtip"))).as("not a member: not listed").isEmpty();
  }

  @Test
  void theInMemoryClientAnswersAsGitHubDoes() {
    InMemoryGitHubClient client = InMemoryGitHubClient.of(GitHubEstateFilesTest.resource("github-estate.json"));
    GitHubOwner member = client.owners().stream().filter(o -> o.login().equals(login("adventure-works")))
        .findFirst().orElseThrow();

    assertThat(member.plan()).as("plans show to Owners only").isEmpty();
    assertThatThrownBy(() -> client.appInstallation(member)).isInstanceOfSatisfying(ServiceException.class,
        e -> assertThat(e.statusCode()).isEqualTo(403));
    client.failOwner(login("contoso"), ServiceException.builder(ServiceException.Kind.TRANSIENT, "down").build());
    GitHubOwner contoso = client.owners().stream().filter(o -> o.login().equals(login("contoso"))).findFirst()
        .orElseThrow();
    assertThatThrownBy(() -> client.appInstallation(contoso)).hasMessage("down");
  }
}
