package io.github.devopsconnector.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devopsconnector.core.Finding;
import io.github.devopsconnector.core.FindingCode;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.ValidationReport;
import io.github.devopsconnector.core.discovery.GitLabGroupInventory;
import io.github.devopsconnector.core.discovery.GitLabInventory;
import io.github.devopsconnector.core.discovery.GitLabInventoryDiscovery;
import io.github.devopsconnector.core.discovery.OrganizationStatus;
import io.github.devopsconnector.core.discovery.Preflight;
import io.github.devopsconnector.core.discovery.PreflightReport;
import io.github.devopsconnector.core.gitlab.GitLabGroup;
import io.github.devopsconnector.core.gitlab.GitLabProject;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Preflight and discovery of GitLab estate files through {@link InMemoryGitLabClient}. */
class GitLabFixturesTest {

  private final GitLabEstate estate = GitLabEstateFilesTest.resource("gitlab-estate.json");
  private final InMemoryGitLabClient client = InMemoryGitLabClient.of(estate);

  private static OrganizationName path(String path) {
    return OrganizationName.parse(path);
  }

  private static List<FindingCode> codes(PreflightReport report, String group) {
    return report.organization(path(group)).orElseThrow().findings().stream().map(Finding::code)
        .collect(Collectors.toList());
  }

  /** The full paths of a namespace's projects, walked here rather than taken from the estate's own list. */
  private static void walk(String prefix, List<GitLabEstateProject> projects, List<GitLabEstateSubgroup> subgroups,
      List<String> into) {
    projects.forEach(p -> into.add(prefix + "/" + p.path()));
    subgroups.forEach(s -> walk(prefix + "/" + s.path(), s.projects(), s.subgroups(), into));
  }

  @Test
  void everyGitLabFindingCodeComesOutOfPreflightOnTheEstateFile() {
    PreflightReport report = Preflight.builder().client(client).tenantRegistry(estate.tenantRegistry()).build()
        .check(OrganizationSelection.allExisting(), estate.tenantId(), ValidationReport.of(List.of()));

    assertThat(report.organizations()).extracting(o -> o.organization().value())
        .containsExactly("contoso", "devs.labs", "premium-team", "tailspin");
    assertThat(codes(report, "contoso")).isEmpty();
    assertThat(codes(report, "devs.labs")).containsExactly(FindingCode.GITLAB_NOT_GROUP_OWNER);
    assertThat(codes(report, "premium-team")).containsExactly(FindingCode.GITLAB_ULTIMATE_REQUIRED);
    assertThat(codes(report, "tailspin")).containsExactly(FindingCode.GITLAB_GROUP_ONBOARDED_ELSEWHERE);
    assertThat(report.eligibleOrganizations()).containsExactly(path("contoso"));

    PreflightReport explicit = Preflight.builder().client(client).tenantRegistry(estate.tenantRegistry()).build()
        .check(OrganizationSelection.explicit("strangers"), estate.tenantId(), ValidationReport.of(List.of()));
    assertThat(codes(explicit, "strangers")).containsExactly(FindingCode.GITLAB_NOT_GROUP_OWNER);
  }

  @Test
  void theClientListsMemberGroupsOnlyAndShowsThePlanToOwnersOnly() {
    assertThat(client.groups()).extracting(g -> g.path().value())
        .containsExactly("contoso", "premium-team", "devs.labs", "tailspin");
    GitLabGroup devs = client.groups().stream().filter(g -> g.path().equals(path("devs.labs"))).findFirst()
        .orElseThrow();
    assertThat(devs.plan()).as("the plan shows to Owners only").isEmpty();
    GitLabGroup strangers = GitLabGroup.builder().id(1).path(path("strangers")).name("S")
        .accessLevel(io.github.devopsconnector.core.gitlab.GitLabAccessLevel.NO_ACCESS).build();
    assertThatThrownBy(() -> client.projects(strangers)).isInstanceOfSatisfying(ServiceException.class,
        e -> assertThat(e.statusCode()).isEqualTo(404));
    assertThat(client.currentUser().username()).isEqualTo("dana.adler");
  }

  @Test
  void discoveryIsExactOnAGroupTreeThreeLevelsDeepWithMoreThanAHundredProjects() {
    GitLabInventory inventory = GitLabInventoryDiscovery.builder().client(client)
        .checkOnboarding(estate.tenantId(), estate.tenantRegistry()).build()
        .discover(OrganizationSelection.allExisting());

    GitLabEstateGroup contosoEstate = estate.group(path("contoso")).orElseThrow();
    List<String> expected = new ArrayList<>();
    walk("contoso", contosoEstate.projects(), contosoEstate.subgroups(), expected);
    expected.sort(String.CASE_INSENSITIVE_ORDER);
    GitLabGroupInventory contoso = inventory.group(path("contoso")).orElseThrow();
    assertThat(contoso.projects()).extracting(GitLabProject::fullPath).containsExactlyElementsOf(expected)
        .hasSize(153);
    assertThat(contoso.projects()).extracting(p -> p.fullPath().split("/").length).contains(5)
        .allMatch(segments -> segments <= 5);
    assertThat(contoso.projects()).allMatch(p -> p.group().equals(path("contoso")));
    assertThat(inventory.group(path("devs.labs")).orElseThrow().projects())
        .extracting(GitLabProject::fullPath, GitLabProject::archived)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("devs.labs/legacy_tool", true),
            org.assertj.core.groups.Tuple.tuple("devs.labs/tool", false));
    assertThat(inventory.totals().repositories()).isEqualTo(153 + 1 + 2 + 1);
    assertThat(inventory.onboardable().repositories()).isEqualTo(153);
    assertThat(inventory.group(path("tailspin")).orElseThrow().outcome().notOnboardableBecause())
        .extracting(Finding::code).containsExactly(FindingCode.GITLAB_GROUP_ONBOARDED_ELSEWHERE);
  }

  @Test
  void anInjectedFailureFailsThatGroupAloneUntilCleared() {
    client.failGroup(path("contoso"), ServiceException.builder(ServiceException.Kind.TRANSIENT, "502 Bad Gateway")
        .statusCode(502).build());

    GitLabInventory failed = GitLabInventoryDiscovery.builder().client(client).build()
        .discover(OrganizationSelection.allExisting());
    client.clearFailures();
    GitLabInventory recovered = GitLabInventoryDiscovery.builder().client(client).build()
        .discover(OrganizationSelection.allExisting());

    assertThat(failed.group(path("contoso")).orElseThrow().status()).isEqualTo(OrganizationStatus.FAILED);
    assertThat(failed.group(path("premium-team")).orElseThrow().projects()).hasSize(1);
    assertThat(recovered.group(path("contoso")).orElseThrow().projects()).hasSize(153);
  }
}
