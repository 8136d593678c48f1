package io.github.devopsconnector.testing;

import static io.github.devopsconnector.testing.EstateFileTexts.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.devopsconnector.core.DevOpsPlatform;
import io.github.devopsconnector.core.GitHubAppAccess;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.github.GitHubOwnerType;
import io.github.devopsconnector.core.github.GitHubRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GitHubEstateFilesTest {

  private static final String T = EstateFileTexts.TENANT;
  private static final String USER = "'user': {'login': 'octocat', 'id': 1}";

  static GitHubEstate resource(String name) {
    return EstateFileTexts.resource("/github/" + name, EstateFiles::readGitHub);
  }

  private static String owner(String fields) {
    return "{'platform': 'gitHub', 'tenantId': '" + T + "', " + USER + ", 'owners': [{" + fields + "}]}";
  }

  @Test
  void theExampleReadsWithEveryFieldAndItsDefaults() {
    GitHubEstate estate = resource("github-estate.json");

    assertThat(estate.user().login()).isEqualTo("octocat");
    assertThat(estate.onboardedElsewhere()).containsExactly(OrganizationName.parse("tailspin"));
    GitHubEstateOwner contoso = estate.owner(OrganizationName.parse("contoso")).orElseThrow();
    assertThat(contoso.repositories()).hasSize(150);
    assertThat(contoso.repositories().get(0).archived()).isTrue();
    assertThat(contoso.appRepositories()).hasSize(150);
    GitHubEstateOwner fabrikam = estate.owner(OrganizationName.parse("fabrikam")).orElseThrow();
    assertThat(fabrikam.app()).isEqualTo(GitHubAppAccess.SELECTED_REPOSITORIES);
    assertThat(fabrikam.appRepositories()).extracting(GitHubEstateRepository::name).contains("api", "old-site")
        .doesNotContain("web");
    assertThat(estate.owner(OrganizationName.parse("octocat")).orElseThrow().type()).isEqualTo(GitHubOwnerType.USER);
    assertThat(estate.owner(OrganizationName.parse("wingtip")).orElseThrow().role()).isEmpty();
    assertThat(estate.owner(OrganizationName.parse("adventure-works")).orElseThrow().role())
        .contains(GitHubRole.MEMBER);
    assertThat(resource("github-estate.json")).as("the same file gives the same estate").isEqualTo(estate);
  }

  @Test
  void theSameSeedGivesTheSameRepositoriesAndAnotherSeedOthers() {
    String seven = json(owner("'login': 'c', 'type': 'Organization', 'app': 'selected', "
        + "'generate': {'repositories': 50, 'seed': 7}"));
    String eight = seven.replace("\"seed\": 7", "\"seed\": 8");

    assertThat(EstateFiles.parseGitHub(seven)).isEqualTo(EstateFiles.parseGitHub(seven));
    assertThat(EstateFiles.parseGitHub(seven).owners().get(0).appRepositories())
        .isNotEqualTo(EstateFiles.parseGitHub(eight).owners().get(0).appRepositories());
  }

  @Test
  void theFileSaysItsPlatformAndAFileWithoutOneIsAzureDevOps(@TempDir Path dir) throws Exception {
    Path gitHub = dir.resolve("gh.json");
    Files.writeString(gitHub, json(owner("'login': 'c', 'type': 'Organization', 'app': 'all'")));
    Path azureDevOps = dir.resolve("ado.json");
    Files.writeString(azureDevOps, json("{'tenantId': '" + T + "', 'user': {'displayName': 'Dana', "
        + "'email': 'dana@contoso.com'}, 'organizations': []}"));

    assertThat(EstateFiles.platformOf(gitHub)).isEqualTo(DevOpsPlatform.GITHUB);
    assertThat(EstateFiles.platformOf(azureDevOps)).isEqualTo(DevOpsPlatform.AZURE_DEVOPS);
    assertThat(EstateFiles.readGitHub(gitHub).owners()).hasSize(1);
    assertThat(EstateFiles.read(azureDevOps).organizations()).isEmpty();
    assertThat(EstateFiles.parse(json("{'platform': 'azureDevOps', 'tenantId': '" + T + "', 'user': "
        + "{'displayName': 'Dana', 'email': 'dana@contoso.com'}, 'organizations': []}")).organizations()).isEmpty();
    EstateFileException wrongReader = catchThrowableOfType(() -> EstateFiles.read(gitHub),
        EstateFileException.class);
    assertThat(wrongReader.path()).isEqualTo("$.platform");
    assertThat(wrongReader.getMessage()).contains("readGitHub").contains(gitHub.toString());
  }

  @Test
  void listedAndGeneratedRepositoriesFollowTheFileOrder() {
    String owner = "'login': 'c', 'type': 'Organization', 'app': 'all'";
    String listed = "'repositories': [{'name': 'api', 'private': true}]";
    String generated = "'generate': {'repositories': 2}";

    GitHubEstateOwner listedFirst = EstateFiles.parseGitHub(json(owner(owner + ", " + listed + ", " + generated)))
        .owners().get(0);
    GitHubEstateOwner generatedFirst = EstateFiles.parseGitHub(json(owner(owner + ", " + generated + ", " + listed)))
        .owners().get(0);

    assertThat(listedFirst.repositories()).extracting(GitHubEstateRepository::name)
        .containsExactly("api", "repo-00001", "repo-00002");
    assertThat(generatedFirst.repositories()).extracting(GitHubEstateRepository::name)
        .containsExactly("repo-00001", "repo-00002", "api");
    assertThat(generatedFirst.repositories().get(0).id()).isEqualTo(listedFirst.repositories().get(0).id());
  }

  static Stream<Arguments> badFiles() {
    String ok = "'login': 'c', 'type': 'Organization', 'app': 'all'";
    return Stream.of(
        Arguments.of(json("{'tenantId': '" + T + "', " + USER + ", 'owners': []}"), "$.platform", "is missing"),
        Arguments.of(json("{'platform': 'gitlab', 'tenantId': '" + T + "', " + USER + ", 'owners': []}"),
            "$.platform", "not \"gitlab\""),
        Arguments.of(json(owner(ok + ", 'colour': 'red'")), "$.owners[0].colour", "unknown field"),
        Arguments.of(json(owner(ok + ", 'role': 'owner'")), "$.owners[0].role", "\"admin\" (an Owner)"),
        Arguments.of(json(owner(ok + ", 'plan': 'gold'")), "$.owners[0].plan", "free, pro, team, enterprise"),
        Arguments.of(json(owner("'login': 'c', 'type': 'Organization', 'app': 'some'")), "$.owners[0].app",
            "\"selected\""),
        Arguments.of(json(owner("'login': 'my_org', 'type': 'Organization', 'app': 'all'")),
            "$.owners[0].login", "single hyphens"),
        Arguments.of(json(owner(ok + ", 'enterpriseManagedUsers': null")), "$.owners[0].enterpriseManagedUsers",
            "null is not allowed"),
        Arguments.of(json(owner(ok + ", 'enterpriseManagedUsers': true")), "$.owners[0].enterpriseManagedUsers",
            "managed user"),
        Arguments.of(json(owner(ok + ", 'repositories': [{'name': 'a', 'private': true}, {'name': 'A', "
            + "'private': false}]")), "$.owners[0].repositories[1].name", "compare ignoring case"),
        Arguments.of(json(owner(ok + ", 'repositories': [{'name': 'a b', 'private': true}]")),
            "$.owners[0].repositories[0].name", "1 to 100"),
        Arguments.of(json(owner(ok + ", 'repositories': [{'name': 'a'}]")),
            "$.owners[0].repositories[0].private", "is missing"),
        Arguments.of(json(owner(ok + ", 'generate': {'repositories': 100001}")),
            "$.owners[0].generate.repositories", "100,000"),
        Arguments.of(json(owner("'login': 'someone', 'type': 'User', 'app': 'all'")), "$.owners[0].login",
            "the user's"),
        Arguments.of(json(owner("'login': 'octocat', 'type': 'User', 'role': 'member', 'app': 'all'")),
            "$.owners[0].role", "leave role out"),
        Arguments.of(json("{'platform': 'gitHub', 'tenantId': '" + T + "', " + USER + ", 'owners': [{" + ok
            + "}, {'login': 'C', 'type': 'Organization', 'app': 'all'}]}"), "$.owners[1].login",
            "compare ignoring case"),
        Arguments.of(json("{'platform': 'gitHub', 'tenantId': '" + T + "', " + USER + ", 'owners': [{" + ok
            + ", 'dataResidency': true}, {'login': 'd', 'type': 'Organization', 'app': 'all'}]}"),
            "$.owners[1].dataResidency", "GHE.com"));
  }

  @ParameterizedTest
  @MethodSource("badFiles")
  void aBadFileFailsWithThePathTheProblemAndTheLine(String file, String path, String fragment) {
    EstateFileTexts.assertRefused(() -> EstateFiles.parseGitHub(file), file, path, fragment);
  }

  @Test
  void linesAreCountedInMultiLineFiles() {
    String file = json("{'platform': 'gitHub',\n 'tenantId': '" + T + "',\n " + USER + ",\n 'owners': [\n"
        + "  {'login': 'c', 'type': 'Organization',\n   'app': 'everything'}]}");

    EstateFileException e = catchThrowableOfType(() -> EstateFiles.parseGitHub(file), EstateFileException.class);

    assertThat(e.line()).hasValue(6);
    assertThat(List.of(e.path())).containsExactly("$.owners[0].app");
  }
}
