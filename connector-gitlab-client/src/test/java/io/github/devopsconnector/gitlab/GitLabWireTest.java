package io.github.devopsconnector.gitlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.gitlab.GitLabAccessLevel;
import io.github.devopsconnector.core.gitlab.GitLabGroup;
import io.github.devopsconnector.core.gitlab.GitLabProject;
import io.github.devopsconnector.testing.GitLabEstate;
import io.github.devopsconnector.testing.GitLabSimulator;
import io.github.devopsconnector.testing.GitLabSimulator.Route;
import io.github.devopsconnector.testsupport.TestResources;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The REST client against the GitLab simulator: the user, groups with access levels and plans, projects paged. */
class GitLabWireTest {

  static final String TOKEN = "glpat-wireTestTokenThatMustNeverLeak01";
  @AutoClose
  private final TestResources resources = new TestResources();
  private GitLabSimulator simulator;
  private GitLabRestClient client;

  private GitLabRestClient start() {
    simulator = resources.add(GitLabSimulator.builder(TestEstates.standard()).token(TOKEN).build().start());
    client = resources.add(new GitLabRestClientBuilder().endpoint(simulator.endpoint()).token(TOKEN).buildClient());
    return client;
  }

  private GitLabGroup group(String path) {
    return client.groups().stream().filter(g -> g.path().value().equals(path)).findFirst().orElseThrow();
  }

  @Test
  void theSignedInUserIsTheEstatesUser() {
    start();

    assertThat(client.currentUser().username()).isEqualTo("jane.doe");
    assertThat(client.currentUser().id()).isEqualTo(TestEstates.USER_ID);
    assertThat(client.currentUser().name()).contains("Jane Doe");
  }

  @Test
  void groupsAreTheTopLevelGroupsOfTheUserWithTheirAccessLevelAndThePlanOnlyWhereTheUserOwnsThem() {
    start();

    List<GitLabGroup> groups = client.groups();

    assertThat(groups).extracting(g -> g.path().value())
        .as("tailspin, where the user has no access, is hidden; subgroups are not top-level groups")
        .containsExactly("contoso", "fabrikam", "northwind", "woodgrove");
    assertThat(groups).extracting(GitLabGroup::accessLevel).containsExactly(GitLabAccessLevel.OWNER,
        GitLabAccessLevel.MAINTAINER, GitLabAccessLevel.OWNER, GitLabAccessLevel.DEVELOPER);
    assertThat(groups).extracting(GitLabGroup::plan).containsExactly(Optional.of("ultimate"), Optional.empty(),
        Optional.of("premium"), Optional.empty());
    assertThat(groups).extracting(GitLabGroup::id).containsExactly(100L, 200L, 300L, 500L);
    assertThat(simulator.requestCount(Route.GROUP_MEMBER)).isEqualTo(4);
    assertThat(simulator.requestCount(Route.NAMESPACE)).as("the plan is read for the owned groups only")
        .isEqualTo(2);
  }

  @Test
  void projectsAreEveryProjectOfAThreeLevelTreeOfMoreThanAHundredPagedExactly() {
    start();
    GitLabEstate estate = simulator.estate();

    List<GitLabProject> projects = client.projects(group("contoso"));

    List<GitLabProject> expected = estate.group(OrganizationName.parse("contoso")).orElseThrow().allProjects()
        .stream().sorted(Comparator.comparingLong(GitLabProject::id)).collect(Collectors.toList());
    assertThat(expected).hasSize(125);
    assertThat(projects).containsExactlyElementsOf(expected);
    assertThat(projects).filteredOn(GitLabProject::archived).hasSize(5)
        .allSatisfy(p -> assertThat(p.group().value()).isEqualTo("contoso"));
    assertThat(projects).extracting(GitLabProject::fullPath).contains("contoso/repo-1", "contoso/platform/tools/tool-35",
        "contoso/apps/mobile/app-1");
    assertThat(simulator.requestCount(Route.GROUP_PROJECTS)).as("125 projects on pages of 100").isEqualTo(2);
  }

  @Test
  void aGroupTheUserCannotSeeIsNotFound() {
    start();
    GitLabGroup tailspin = GitLabGroup.builder().id(400).path(OrganizationName.parse("tailspin")).name("Tailspin")
        .accessLevel(GitLabAccessLevel.NO_ACCESS).build();

    assertThatThrownBy(() -> client.projects(tailspin)).isInstanceOfSatisfying(ServiceException.class, e -> {
      assertThat(e.kind()).isEqualTo(ServiceException.Kind.NOT_FOUND);
      assertThat(e.statusCode()).isEqualTo(404);
      assertThat(e.service()).isEqualTo("GitLab");
      assertThat(e.getMessage()).contains("404 Group Not Found").doesNotContain(TOKEN);
      assertThat(e.remediation()).hasValueSatisfying(r -> assertThat(r).contains("member"));
      assertThat(e.requestId()).isPresent();
    });
  }

  @Test
  void aBearerCredentialReadsTheSameAsAPersonalAccessToken() {
    simulator = resources.add(GitLabSimulator.builder(TestEstates.standard()).token(TOKEN).build().start());
    client = resources.add(new GitLabRestClientBuilder().endpoint(simulator.endpoint())
        .credential(request -> reactor.core.publisher.Mono.just(new com.azure.core.credential.AccessToken(TOKEN,
            java.time.OffsetDateTime.now().plusHours(1))))
        .buildClient());

    assertThat(client.groups()).hasSize(4);
    assertThat(client.toString()).contains("TokenCredential").doesNotContain(TOKEN);
  }
}
