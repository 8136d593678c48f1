package io.github.devopsconnector.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.gitlab.GitLabProject;
import io.github.devopsconnector.testing.EstateFiles;
import io.github.devopsconnector.testing.GitLabEstate;
import io.github.devopsconnector.testing.GitLabSimulator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code preflight} and {@code discover} of a GitLab estate file: the same JSON shapes as for the other platforms,
 * where an organization is a top-level group and each project is a repository with its full path.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GitLabCliTest {

  private static final String ESTATE = Cli.estateFile("gitlab.json");

  private static Map<String, List<String>> codes(Cli.Result result) {
    Map<String, List<String>> codes = new LinkedHashMap<>();
    for (JsonNode group : result.json().get("organizations")) {
      List<String> found = new ArrayList<>();
      for (JsonNode finding : group.get("findings")) {
        assertThat(finding.fieldNames()).toIterable().contains("code", "severity", "message", "remediation");
        found.add(finding.get("code").asText());
      }
      codes.put(group.get("name").asText(), found);
      assertThat(group.has("eligible")).isTrue();
    }
    return codes;
  }

  private static JsonNode organization(Cli.Result result, String name) {
    for (JsonNode group : result.json().get("organizations")) {
      if (group.get("name").asText().equals(name)) {
        return group;
      }
    }
    throw new AssertionError("no organization " + name + " in " + result);
  }

  @Test
  void preflightPrintsEveryGitLabFindingWithTheSameJsonShape() {
    Cli.Result result = Cli.run("preflight", "--simulate", ESTATE, "--format", "json");

    assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
    assertThat(codes(result)).containsExactly(
        Map.entry("contoso", List.of()),
        Map.entry("fabrikam.labs", List.of("GITLAB_ULTIMATE_REQUIRED")),
        Map.entry("northwind", List.of("GITLAB_NOT_GROUP_OWNER")),
        Map.entry("tailspin", List.of("GITLAB_GROUP_ONBOARDED_ELSEWHERE")));
    assertThat(organization(result, "contoso").get("eligible").asBoolean()).isTrue();
    assertThat(organization(result, "northwind").get("eligible").asBoolean()).isFalse();
  }

  @Test
  void discoverListsEveryProjectOfEachGroupUnderRepositoriesWithItsFullPath() {
    Cli.Result result = Cli.run("discover", "--simulate", ESTATE, "--format", "json");

    assertThat(result.exitCode()).as("%s", result).isZero();
    GitLabEstate estate = EstateFiles.readGitLab(Path.of(ESTATE));
    List<String> expected = estate.group(OrganizationName.parse("contoso")).orElseThrow().allProjects().stream()
        .map(GitLabProject::fullPath).sorted(String.CASE_INSENSITIVE_ORDER).collect(Collectors.toList());
    List<String> printed = new ArrayList<>();
    for (JsonNode repository : organization(result, "contoso").get("repositories")) {
      assertThat(repository.fieldNames()).toIterable().contains("path", "name");
      printed.add(repository.get("path").asText());
    }
    assertThat(printed).hasSize(123).containsExactlyElementsOf(expected)
        .contains("contoso/api", "contoso/web/ui", "contoso/web/design/assets");
    JsonNode northwind = organization(result, "northwind");
    assertThat(northwind.get("status").asText()).isEqualTo("DISCOVERED");
    assertThat(northwind.get("onboardable").asBoolean()).isFalse();
    assertThat(northwind.get("notOnboardableBecause").get(0).get("code").asText())
        .isEqualTo("GITLAB_NOT_GROUP_OWNER");
    assertThat(northwind.get("repositories").get(0).get("path").asText()).isEqualTo("northwind/old_shop");
    assertThat(northwind.get("repositories").get(0).get("name").asText()).isEqualTo("Old shop");
    assertThat(northwind.get("repositories").get(0).get("archived").asBoolean()).isTrue();
    assertThat(result.json().get("totals").get("organizations").asLong()).isEqualTo(4);
    assertThat(result.json().get("totals").get("repositories").asLong()).isEqualTo(123 + 1 + 2 + 1);
    assertThat(result.json().get("onboardable").get("repositories").asLong()).isEqualTo(123);
  }

  @Test
  void theSimulatorOptionsApplyToTheEmbeddedGitLabSimulator() {
    Cli.Result failing = Cli.run("discover", "--simulate", ESTATE, "--format", "json", "--fault-rate", "1",
        "--retries", "0");

    assertThat(failing.exitCode()).as("every request faults and none is retried: %s", failing).isEqualTo(3);
    assertThat(failing.err()).startsWith("devops-connector: GitLab: Could not read the signed-in GitLab user");

    Cli.Result seedAlone = Cli.run("discover", "--simulate", ESTATE, "--seed", "11");
    assertThat(seedAlone.exitCode()).isEqualTo(2);
    assertThat(seedAlone.err()).contains("--seed seeds the injected faults; give --fault-rate too.");
  }

  @Test
  void retryAfterShortensTheInjectedThrottlingSoThatAFaultyRunFinishesInTime() {
    // GitLab's injected 429s ask for 60 seconds; the client does not start a wait that outlasts --call-timeout.
    String[] faulty = {"discover", "--simulate", ESTATE, "--format", "json", "--fault-rate", "0.2", "--seed", "2",
        "--call-timeout", "30"};

    Cli.Result serviceWait = Cli.run(faulty);
    Cli.Result shortWait = Cli.run(java.util.stream.Stream.concat(java.util.Arrays.stream(faulty),
        java.util.stream.Stream.of("--retry-after", "1")).toArray(String[]::new));

    assertThat(serviceWait.exitCode()).as("a 60 s Retry-After cannot be waited within 30 s: %s", serviceWait)
        .isEqualTo(3);
    assertThat(serviceWait.err()).contains("GitLab answered 429").contains("Wait 60 s before trying again");
    assertThat(shortWait.exitCode()).as("%s", shortWait).isZero();
    assertThat(shortWait.json().get("totals").get("repositories").asLong()).isEqualTo(123 + 1 + 2 + 1);
  }

  @Test
  void discoverAsTextNamesGroupsAndProjects() {
    Cli.Result result = Cli.run("discover", "--simulate", ESTATE);

    assertThat(result.exitCode()).as("%s", result).isZero();
    assertThat(result.out()).contains("GROUP").contains("PROJECTS").contains("GITLAB_GROUP_ONBOARDED_ELSEWHERE")
        .contains("4 groups, 127 projects; a connector selecting all existing groups would see 1 groups and 123 "
            + "projects");
  }

  @Test
  void aContradictingPlatformOrALiveGitLabSourceIsAUsageError() {
    Cli.Result contradiction = Cli.run("preflight", "--simulate", ESTATE, "--platform", "github");
    Cli.Result live = Cli.run("preflight", "--platform", "gitlab");
    Cli.Result unknown = Cli.run("preflight", "--platform", "bitbucket");

    assertThat(contradiction.exitCode()).isEqualTo(2);
    assertThat(contradiction.err()).contains("contradicts the estate file, which is a GitLab estate");
    assertThat(live.exitCode()).isEqualTo(2);
    assertThat(live.err()).contains("--simulate FILE");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("azureDevOps, github or gitlab");
  }

  @Test
  void withPlatformGitLabAndATokenPreflightReadsGitLabThroughTheRestClient() {
    String token = "glpat-cliTestTokenNeverPrinted01";
    GitLabEstate estate = EstateFiles.readGitLab(Path.of(ESTATE));
    try (GitLabSimulator gitLab = GitLabSimulator.builder(estate).token(token).build().start()) {
      Cli.Result result = Cli.run(Map.of("GL_TOKEN", token), "preflight", "--platform", "gitlab", "--token-env",
          "GL_TOKEN", "--endpoint", gitLab.endpoint(), "--format", "json");

      assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
      assertThat(codes(result)).as("no tenant registry outside a simulation: nothing is onboarded elsewhere")
          .containsExactly(
              Map.entry("contoso", List.of()),
              Map.entry("fabrikam.labs", List.of("GITLAB_ULTIMATE_REQUIRED")),
              Map.entry("northwind", List.of("GITLAB_NOT_GROUP_OWNER")),
              Map.entry("tailspin", List.of()));
      assertThat(result.out() + result.err()).doesNotContain(token);
      assertThat(gitLab.requestCount(GitLabSimulator.Route.GROUPS)).isPositive();
    }
  }

  @Test
  void withPlatformGitLabATokenIsRequired() {
    Cli.Result result = Cli.run("preflight", "--platform", "gitlab", "--format", "json");

    assertThat(result.exitCode()).as("%s", result).isEqualTo(2);
    assertThat(result.err()).contains("--token-env");
  }
}
