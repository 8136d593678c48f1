package io.github.devopsconnector.testing;

import static io.github.devopsconnector.testing.EstateFileTexts.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.devopsconnector.core.DevOpsPlatform;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.gitlab.GitLabAccessLevel;
import io.github.devopsconnector.core.gitlab.GitLabProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GitLabEstateFilesTest {

  private static final String T = EstateFileTexts.TENANT;
  private static final String USER = "'user': {'username': 'dana', 'id': 1}";

  static GitLabEstate resource(String name) {
    return EstateFileTexts.resource("/gitlab/" + name, EstateFiles::readGitLab);
  }

  /** A GitLab estate file of the tenant and the user, with these more fields. */
  private static String gitLabFile(String moreFields) {
    return json("{'platform': 'gitLab', 'tenantId': '" + T + "', " + USER + moreFields + "}");
  }

  private static String group(String fields) {
    return gitLabFile(", 'groups': [{" + fields + "}]");
  }

  private static OrganizationName path(String path) {
    return OrganizationName.parse(path);
  }

  /** The deepest subgroup level under a namespace's subgroups (1 for direct subgroups). */
  private static int depth(List<GitLabEstateSubgroup> subgroups) {
    return subgroups.stream().mapToInt(s -> 1 + depth(s.subgroups())).max().orElse(0);
  }

  private static int count(List<GitLabEstateSubgroup> subgroups) {
    return subgroups.stream().mapToInt(s -> 1 + count(s.subgroups())).sum();
  }

  @Test
  void theExampleReadsWithEveryFieldAndItsDefaults() {
    GitLabEstate estate = resource("gitlab-estate.json");

    assertThat(estate.user().username()).isEqualTo("dana.adler");
    assertThat(estate.user().id()).isEqualTo(4711);
    assertThat(estate.onboardedElsewhere()).containsExactly(path("tailspin"));
    GitLabEstateGroup contoso = estate.group(path("contoso")).orElseThrow();
    assertThat(contoso.plan()).contains("ultimate");
    assertThat(contoso.accessLevel()).isEqualTo(GitLabAccessLevel.OWNER);
    assertThat(contoso.allProjects()).hasSize(150 + 3);
    assertThat(contoso.allProjects()).extracting(GitLabProject::fullPath)
        .contains("contoso/api", "contoso/web/ui", "contoso/web/design/assets");
    assertThat(contoso.allProjects()).filteredOn(p -> p.fullPath().equals("contoso/web/design/assets"))
        .singleElement().satisfies(p -> assertThat(p.archived()).isTrue());
    assertThat(count(contoso.subgroups())).isEqualTo(1 + 1 + 6);
    assertThat(depth(contoso.subgroups())).isEqualTo(3);
    assertThat(estate.group(path("devs.labs")).orElseThrow().accessLevel()).isEqualTo(GitLabAccessLevel.DEVELOPER);
    assertThat(estate.group(path("strangers")).orElseThrow().accessLevel()).isEqualTo(GitLabAccessLevel.NO_ACCESS);
    assertThat(estate.tenantRegistry().onboardedBy(estate.tenantId(), DevOpsPlatform.GITLAB, path("tailspin")))
        .contains(Estates.ELSEWHERE_CONNECTOR_ID);
  }

  @Test
  void generateExpandsDeterministicallyIntoTheAskedTree() {
    String generate = "'path': 'g', 'generate': {'projects': 120, 'subgroups': 9, 'depth': 3, 'seed': 42}";
    GitLabEstateGroup first = EstateFiles.parseGitLab(group(generate)).groups().get(0);
    GitLabEstateGroup again = EstateFiles.parseGitLab(group(generate)).groups().get(0);
    GitLabEstateGroup otherSeed = EstateFiles.parseGitLab(group(generate.replace("42", "43"))).groups().get(0);

    assertThat(first).isEqualTo(again);
    assertThat(first.allProjects()).hasSize(120);
    assertThat(count(first.subgroups())).isEqualTo(9);
    assertThat(depth(first.subgroups())).isEqualTo(3);
    assertThat(first.subgroups()).extracting(GitLabEstateSubgroup::path)
        .containsExactly("subgroup-001", "subgroup-004", "subgroup-007");
    assertThat(first.allProjects()).extracting(GitLabProject::path).doesNotHaveDuplicates()
        .contains("project-00001", "project-00120");
    assertThat(otherSeed.allProjects()).extracting(GitLabProject::fullPath)
        .isNotEqualTo(first.allProjects().stream().map(GitLabProject::fullPath).collect(Collectors.toList()));
    assertThat(first.allProjects()).extracting(GitLabProject::id).doesNotHaveDuplicates();
    assertThat(first.accessLevel()).as("default").isEqualTo(GitLabAccessLevel.OWNER);
    assertThat(first.plan()).as("not known").isEmpty();
    assertThat(first.name()).as("default").isEqualTo("g");
  }

  @Test
  void listedAndGeneratedProjectsFollowTheFileOrder() {
    String listed = "'projects': [{'path': 'api'}]";
    String generated = "'generate': {'projects': 2}";
    List<GitLabEstateProject> listedFirst = EstateFiles.parseGitLab(group("'path': 'g', " + listed + ", "
        + generated)).groups().get(0).projects();
    List<GitLabEstateProject> generatedFirst = EstateFiles.parseGitLab(group("'path': 'g', " + generated + ", "
        + listed)).groups().get(0).projects();

    assertThat(listedFirst).extracting(GitLabEstateProject::path).containsExactly("api", "project-00001",
        "project-00002");
    assertThat(generatedFirst).extracting(GitLabEstateProject::path).containsExactly("project-00001",
        "project-00002", "api");
    assertThat(generatedFirst.get(0).id()).isEqualTo(listedFirst.get(0).id());
  }

  @Test
  void thePlatformIsReadFromTheFileAndTheOtherReadersSayWhichToUse(@TempDir Path dir) throws Exception {
    Path gitLab = dir.resolve("gitlab.json");
    Files.writeString(gitLab, group("'path': 'contoso'"));

    assertThat(EstateFiles.platformOf(gitLab)).isEqualTo(DevOpsPlatform.GITLAB);
    assertThat(EstateFiles.readGitLab(gitLab).groups()).hasSize(1);
    EstateFileException asGitHub = catchThrowableOfType(() -> EstateFiles.readGitHub(gitLab),
        EstateFileException.class);
    assertThat(asGitHub.path()).isEqualTo("$.platform");
    assertThat(asGitHub.getMessage()).contains("readGitLab").contains(gitLab.toString());
    EstateFileException asAzureDevOps = catchThrowableOfType(() -> EstateFiles.read(gitLab),
        EstateFileException.class);
    assertThat(asAzureDevOps.getMessage()).contains("this is a GitLab estate file").contains("readGitLab");
    EstateFileException gitHubAsGitLab = catchThrowableOfType(() -> EstateFiles.parseGitLab(json("{'platform': "
        + "'gitHub', 'tenantId': '" + T + "', 'owners': []}")), EstateFileException.class);
    assertThat(gitHubAsGitLab.problem()).contains("readGitHub");
  }

  static Stream<Arguments> badFiles() {
    return Stream.of(
        Arguments.of(json("{'tenantId': '" + T + "', " + USER + ", 'groups': []}"), "$.platform", "is missing"),
        Arguments.of(json("{'platform': 'gitlab', 'tenantId': '" + T + "', " + USER + ", 'groups': []}"),
            "$.platform", "not \"gitlab\""),
        Arguments.of(gitLabFile(""), "$.groups", "is missing"),
        Arguments.of(json("{'platform': 'gitLab', 'tenantId': 'nope', " + USER + ", 'groups': []}"), "$.tenantId",
            "GUID"),
        Arguments.of(json("{'platform': 'gitLab', 'tenantId': '" + T + "', 'user': {'username': 'a b', 'id': 1}, "
            + "'groups': []}"), "$.user.username", "'_', '-' and '.'"),
        Arguments.of(json("{'platform': 'gitLab', 'tenantId': '" + T + "', 'user': {'username': 'dana'}, "
            + "'groups': []}"), "$.user.id", "is missing"),
        Arguments.of(group("'path': 'c', 'colour': 'red'"), "$.groups[0].colour", "unknown field"),
        Arguments.of(group("'name': 'C'"), "$.groups[0].path", "is missing"),
        Arguments.of(group("'path': 'web.git'"), "$.groups[0].path", "'.git'"),
        Arguments.of(group("'path': 'c', 'accessLevel': 'admin'"), "$.groups[0].accessLevel",
            "owner, maintainer, developer, reporter, guest, none"),
        Arguments.of(group("'path': 'c', 'accessLevel': 50"), "$.groups[0].accessLevel", "a string"),
        Arguments.of(group("'path': 'c', 'plan': 'gold'"), "$.groups[0].plan", "free, premium, ultimate"),
        Arguments.of(group("'path': 'c', 'projects': [{'path': 'a'}, {'path': 'A'}]"),
            "$.groups[0].projects[1].path", "compare ignoring case"),
        Arguments.of(group("'path': 'c', 'projects': [{'path': 'web'}], 'subgroups': [{'path': 'Web'}]"),
            "$.groups[0].subgroups[0].path", "compare ignoring case"),
        Arguments.of(group("'path': 'c', 'projects': [{'path': '-a'}]"), "$.groups[0].projects[0].path",
            "not starting with '-'"),
        Arguments.of(group("'path': 'c', 'projects': [{'name': 'A'}]"), "$.groups[0].projects[0].path",
            "is missing"),
        Arguments.of(group("'path': 'c', 'projects': [{'path': 'a', 'archived': 'yes'}]"),
            "$.groups[0].projects[0].archived", "true or false"),
        Arguments.of(group("'path': 'c', 'subgroups': [{'path': 's', 'subgroups': [{'path': 'x', 'owner': 1}]}]"),
            "$.groups[0].subgroups[0].subgroups[0].owner", "unknown field"),
        Arguments.of(group("'path': 'c', 'generate': {'subgroups': 2}"), "$.groups[0].generate.projects",
            "is missing"),
        Arguments.of(group("'path': 'c', 'generate': {'projects': 100001}"), "$.groups[0].generate.projects",
            "100,000"),
        Arguments.of(group("'path': 'c', 'generate': {'projects': 1, 'subgroups': 2, 'depth': 3}"),
            "$.groups[0].generate.depth", "at least 3 subgroups"),
        Arguments.of(group("'path': 'c', 'generate': {'projects': 1, 'subgroups': 2, 'depth': 0}"),
            "$.groups[0].generate.depth", "at least one level"),
        Arguments.of(group("'path': 'c', 'generate': {'projects': 1, 'depth': 21}"), "$.groups[0].generate.depth",
            "0 to 20"),
        Arguments.of(group("'path': 'c', 'projects': [{'path': 'project-00001'}], 'generate': {'projects': 2}"),
            "$.groups[0].generate.projects", "rename the listed one"),
        Arguments.of(gitLabFile(", 'groups': [{'path': 'c'}, {'path': 'C'}]"), "$.groups[1].path",
            "compare ignoring case"),
        Arguments.of(gitLabFile(", 'onboardedElsewhere': ['a', 'A'], 'groups': []"), "$.onboardedElsewhere[1]",
            "listed twice"));
  }

  @ParameterizedTest
  @MethodSource("badFiles")
  void aBadFileFailsWithThePathTheProblemAndTheLine(String file, String path, String fragment) {
    EstateFileTexts.assertRefused(() -> EstateFiles.parseGitLab(file), file, path, fragment);
  }

  @Test
  void anUnknownFieldIsComparedWithEveryKnownFieldInheritedOnesFirst() {
    EstateFileException group = catchThrowableOfType(() -> EstateFiles.parseGitLab(group("'path': 'c', 'plans': "
        + "'free'")), EstateFileException.class);
    EstateFileException root = catchThrowableOfType(() -> EstateFiles.parseGitLab(gitLabFile(", 'group': []")),
        EstateFileException.class);
    EstateFileException gitHubRoot = catchThrowableOfType(() -> EstateFiles.parseGitHub(json("{'platform': "
        + "'gitHub', 'tenantId': '" + T + "', 'owner': []}")), EstateFileException.class);

    assertThat(group.problem()).contains("did you mean \"plan\"")
        .endsWith("a group has the fields path, name, projects, subgroups, accessLevel, plan, generate");
    assertThat(root.problem())
        .endsWith("a GitLab estate file has the fields platform, tenantId, user, onboardedElsewhere, groups");
    assertThat(gitHubRoot.problem())
        .endsWith("a GitHub estate file has the fields platform, tenantId, user, onboardedElsewhere, owners");
  }

  @Test
  void subgroupsNestAtMostTwentyLevels() {
    StringBuilder nested = new StringBuilder("{'path': 's1'");
    List<String> closing = new ArrayList<>();
    for (int level = 2; level <= 21; level++) {
      nested.append(", 'subgroups': [{'path': 's").append(level).append("'");
      closing.add("}]");
    }
    nested.append(String.join("", closing)).append("}");

    EstateFileException e = catchThrowableOfType(() -> EstateFiles.parseGitLab(group("'path': 'c', 'subgroups': ["
        + nested + "]")), EstateFileException.class);

    assertThat(e.problem()).contains("at most 20 levels");
    assertThat(e.path()).endsWith(".subgroups[0]").contains("$.groups[0].subgroups[0]");
  }

  @Test
  void linesAreCountedInMultiLineFiles() {
    String file = json("{'platform': 'gitLab',\n 'tenantId': '" + T + "',\n " + USER + ",\n 'groups': [\n"
        + "  {'path': 'c',\n   'subgroups': [{'path': 'web',\n     'projects': [{'path': 'ui.atom'}]}]}]}");

    EstateFileException e = catchThrowableOfType(() -> EstateFiles.parseGitLab(file), EstateFileException.class);

    assertThat(e.line()).hasValue(7);
    assertThat(e.path()).isEqualTo("$.groups[0].subgroups[0].projects[0].path");
  }
}
