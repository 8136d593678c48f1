package io.github.devopsconnector.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad estate files, one per row: each must fail with an {@link EstateFileException} whose path names the offending
 * field and whose message starts with that path and says what is wrong. Files are written with single quotes for
 * readability; {@link #json(String)} turns them into double quotes.
 */
class EstateFileErrorsTest {

  private static final String T = "72f988bf-86f1-41af-91ab-2d7cd011db47";
  private static final String USER = "'user': {'displayName': 'Dana Adler', 'email': 'dana@contoso.com'}";

  /** A file whose only organization has these fields. */
  private static String org(String fields) {
    return "{'tenantId': '" + T + "', " + USER + ", 'organizations': [{" + fields + "}]}";
  }

  /** A file whose organization {@code fabrikam} has one project with these fields. */
  private static String project(String fields) {
    return org("'name': 'fabrikam', 'projects': [{" + fields + "}]");
  }

  /** A file with these root fields besides tenantId, user and organizations. */
  private static String root(String fields) {
    return "{'tenantId': '" + T + "', " + USER + ", 'organizations': []" + (fields.isEmpty() ? "" : ", " + fields)
        + "}";
  }

  private static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  private static Arguments bad(String name, String file, String path, String... fragments) {
    return Arguments.of(name, file, path, List.of(fragments));
  }

  static Stream<Arguments> badFiles() {
    String longName = "a".repeat(51);
    String hugeString = "x".repeat(20_000);
    String hugeField = "f".repeat(2_000);
    String thousandAndOnePipelines = IntStream.range(0, 1001).mapToObj(i -> "'p" + i + "'")
        .collect(Collectors.joining(", "));
    return Stream.of(
        // the file as a whole
        bad("empty file", "", "$", "the file is empty"),
        bad("only white space", "  \n\t ", "$", "the file is empty"),
        bad("root is an array", "[]", "$", "an estate file is a JSON object", "an array"),
        bad("root is a string", "'estate'", "$", "an estate file is a JSON object", "the string \"estate\""),
        bad("root is null", "null", "$", "an estate file is a JSON object", "null"),
        bad("missing value", "{'tenantId': }", "$.tenantId", "malformed JSON"),
        bad("truncated", "{'tenantId': '" + T + "'", "$", "malformed JSON", "end-of-input"),
        bad("second object", root("") + " {}", "$", "more after the estate object"),
        bad("trailing garbage", root("") + " x", "$", "malformed JSON"),
        bad("comment", "// my estate\n" + root(""), "$", "malformed JSON"),
        bad("field twice", "{'tenantId': '" + T + "', 'tenantId': '" + T + "'}", "$.tenantId", "appears twice"),
        bad("huge field name", "{'" + hugeField + "': 1}", "$", "field name longer than 1,000"),
        // the estate's own fields
        bad("unknown root field", "{'tenant': '" + T + "'}", "$.tenant", "unknown field \"tenant\"",
            "did you mean \"tenantId\"?", "tenantId, user, onboardedElsewhere, tokenScope, organizations"),
        bad("missing tenantId", "{" + USER + ", 'organizations': []}", "$.tenantId", "is missing"),
        bad("missing user", "{'tenantId': '" + T + "', 'organizations': []}", "$.user", "is missing"),
        bad("missing organizations", "{'tenantId': '" + T + "', " + USER + "}", "$.organizations", "is missing"),
        bad("tenantId not a GUID", "{'tenantId': 'not-a-guid'}", "$.tenantId", "\"not-a-guid\" is not a GUID"),
        bad("tenantId a number", "{'tenantId': 42}", "$.tenantId", "expected a string", "found the number 42"),
        bad("tenantId null", "{'tenantId': null}", "$.tenantId", "null is not allowed"),
        bad("organizations an object", root("").replace("'organizations': []", "'organizations': {}"),
            "$.organizations", "expected a list of organization objects, found an object"),
        // the user
        bad("user a string", "{'tenantId': '" + T + "', 'user': 'dana'}", "$.user", "expected the user",
            "the string \"dana\""),
        bad("unknown user field", "{'user': {'mail': 'd@c.com'}}", "$.user.mail", "did you mean \"email\"?"),
        bad("missing email", "{'user': {'displayName': 'Dana'}}", "$.user.email", "is missing"),
        bad("user id not a GUID", "{'user': {'id': '1234'}}", "$.user.id", "\"1234\" is not a GUID"),
        bad("email without @", "{'user': {'email': 'dana'}}", "$.user.email", "is not an e-mail address"),
        bad("empty display name", "{'user': {'displayName': ''}}", "$.user.displayName", "is empty"),
        bad("huge display name", "{'user': {'displayName': '" + hugeString + "'}}", "$.user.displayName",
            "a string longer than 10,000 characters"),
        // onboardedElsewhere
        bad("onboardedElsewhere invalid name", root("'onboardedElsewhere': ['-bad']"), "$.onboardedElsewhere[0]",
            "must start and end with a letter or digit"),
        bad("onboardedElsewhere twice", root("'onboardedElsewhere': ['contoso', 'Contoso']"),
            "$.onboardedElsewhere[1]", "listed twice", "$.onboardedElsewhere[0]"),
        bad("onboardedElsewhere a number", root("'onboardedElsewhere': [7]"), "$.onboardedElsewhere[0]",
            "expected a string", "the number 7"),
        // organizations
        bad("missing organization name", org("'accessLevel': 'basic'"), "$.organizations[0].name", "is missing"),
        bad("organization name a number", org("'name': 5"), "$.organizations[0].name", "expected a string"),
        bad("organization name with a space", org("'name': 'fab rikam'"), "$.organizations[0].name",
            "letters, digits and hyphens"),
        bad("organization name too long", org("'name': '" + longName + "'"), "$.organizations[0].name",
            "1 to 50 characters"),
        bad("organization name empty", org("'name': ''"), "$.organizations[0].name", "1 to 50 characters"),
        bad("duplicate organization names", org("'name': 'Fabrikam'}, {'name': 'fabrikam'"),
            "$.organizations[1].name", "already the name of $.organizations[0]", "ignoring case"),
        bad("unknown organization field", org("'name': 'fabrikam', 'acessLevel': 'basic'"),
            "$.organizations[0].acessLevel", "unknown field \"acessLevel\"", "did you mean \"accessLevel\"?"),
        bad("access level admin", org("'name': 'fabrikam', 'accessLevel': 'admin'"),
            "$.organizations[0].accessLevel",
            "\"admin\" is not one of basic, basicPlusTestPlans, visualStudioSubscriber, stakeholder, none"),
        bad("access level in the wrong case", org("'accessLevel': 'Basic'"), "$.organizations[0].accessLevel",
            "\"Basic\" is not one of"),
        bad("oauth maybe", org("'oauthThirdPartyAccess': 'maybe'"), "$.organizations[0].oauthThirdPartyAccess",
            "\"maybe\" is not one of on, off, unknown"),
        bad("administrator as a string", org("'projectCollectionAdministrator': 'yes'"),
            "$.organizations[0].projectCollectionAdministrator", "expected true or false", "the string \"yes\""),
        bad("accessible null", org("'accessible': null"), "$.organizations[0].accessible", "null is not allowed"),
        bad("organization tenant not a GUID", org("'tenantId': '72f988bf-86f1-41af-91ab-2d7cd011db4g'"),
            "$.organizations[0].tenantId", "is not a GUID"),
        bad("organization id not a GUID", org("'id': 'fabrikam'"), "$.organizations[0].id",
            "\"fabrikam\" is not a GUID"),
        bad("nested group without administrator",
            org("'name': 'fabrikam', 'projectCollectionAdministrator': false, 'administratorThroughNestedGroup': true"),
            "$.organizations[0].administratorThroughNestedGroup", "projectCollectionAdministrator is false"),
        bad("organization a string", "{'organizations': ['fabrikam']}", "$.organizations[0]",
            "expected an organization", "the string \"fabrikam\""),
        // projects
        bad("projects an object", org("'name': 'fabrikam', 'projects': {}"), "$.organizations[0].projects",
            "expected a list of project objects"),
        bad("project a string", org("'name': 'fabrikam', 'projects': ['web']"), "$.organizations[0].projects[0]",
            "expected a project", "the string \"web\""),
        bad("missing project name", project("'repositories': ['api']"), "$.organizations[0].projects[0].name",
            "is missing"),
        bad("unknown project field", project("'name': 'web', 'repos': ['api']"),
            "$.organizations[0].projects[0].repos", "unknown field \"repos\"", "name, id, repositories, pipelines"),
        bad("duplicate project names", project("'name': 'Web'}, {'name': 'web'"),
            "$.organizations[0].projects[1].name", "already the name of $.organizations[0].projects[0]",
            "ignoring case"),
        bad("project name too long", project("'name': '" + "p".repeat(65) + "'"),
            "$.organizations[0].projects[0].name", "at most 64 characters"),
        bad("project name with a control character", project("'name': 'we\\tb'"),
            "$.organizations[0].projects[0].name", "position 3", "\\u0009"),
        bad("project name of white space only", project("'name': '   '"),
            "$.organizations[0].projects[0].name", "only white space"),
        bad("project name with a surrogate pair", project("'name': 'web \\ud83d\\ude80'"),
            "$.organizations[0].projects[0].name", "position 5", "surrogate"),
        bad("project id not a GUID", project("'name': 'web', 'id': '6ce954b1'"),
            "$.organizations[0].projects[0].id", "is not a GUID"),
        bad("duplicate project ids",
            project("'name': 'a', 'id': '6ce954b1-ce1f-45d1-b94d-e6bf2464ba2c'}, "
                + "{'name': 'b', 'id': '6CE954B1-CE1F-45D1-B94D-E6BF2464BA2C'"),
            "$.organizations[0].projects[1].id", "already the id of another project"),
        // repositories
        bad("repositories a string", project("'name': 'web', 'repositories': 'api'"),
            "$.organizations[0].projects[0].repositories", "expected a list of repositories"),
        bad("repository a number", project("'name': 'web', 'repositories': [42]"),
            "$.organizations[0].projects[0].repositories[0]", "expected a repository", "the number 42"),
        bad("duplicate repository names", project("'name': 'web', 'repositories': ['api', 'API']"),
            "$.organizations[0].projects[0].repositories[1]",
            "already the name of $.organizations[0].projects[0].repositories[0]"),
        bad("duplicate repository names as objects",
            project("'name': 'web', 'repositories': ['api', {'name': 'Api', 'empty': true}]"),
            "$.organizations[0].projects[0].repositories[1].name",
            "already the name of $.organizations[0].projects[0].repositories[0]"),
        bad("repository name with a control character", project("'name': 'web', 'repositories': ['a\\u0007b']"),
            "$.organizations[0].projects[0].repositories[0]", "position 2"),
        bad("missing repository name", project("'name': 'web', 'repositories': [{'empty': true}]"),
            "$.organizations[0].projects[0].repositories[0].name", "is missing"),
        bad("unknown repository field", project("'name': 'web', 'repositories': [{'name': 'api', 'branch': 'x'}]"),
            "$.organizations[0].projects[0].repositories[0].branch", "unknown field \"branch\""),
        bad("default branch without refs/heads", project("'name': 'web', 'repositories': "
                + "[{'name': 'api', 'defaultBranch': 'main'}]"),
            "$.organizations[0].projects[0].repositories[0].defaultBranch", "\"main\" is not a branch ref"),
        bad("empty repository with a branch", project("'name': 'web', 'repositories': "
                + "[{'name': 'api', 'defaultBranch': 'refs/heads/main', 'empty': true}]"),
            "$.organizations[0].projects[0].repositories[0].empty", "has no default branch"),
        bad("repository id not a GUID", project("'name': 'web', 'repositories': [{'name': 'api', 'id': 'x'}]"),
            "$.organizations[0].projects[0].repositories[0].id", "\"x\" is not a GUID"),
        // pipelines
        bad("pipeline id zero", project("'name': 'web', 'pipelines': [{'name': 'ci', 'id': 0}]"),
            "$.organizations[0].projects[0].pipelines[0].id", "from 1 to 2,147,483,647", "found 0"),
        bad("pipeline id a fraction", project("'name': 'web', 'pipelines': [{'name': 'ci', 'id': 1.5}]"),
            "$.organizations[0].projects[0].pipelines[0].id", "whole number", "found 1.5"),
        bad("duplicate pipeline names", project("'name': 'web', 'pipelines': ['ci', {'name': 'CI', 'id': 9}]"),
            "$.organizations[0].projects[0].pipelines[1].name",
            "already the name of $.organizations[0].projects[0].pipelines[0]"),
        bad("duplicate pipeline ids across projects",
            project("'name': 'a', 'pipelines': ['ci']}, {'name': 'b', 'pipelines': [{'name': 'cd', 'id': 1}]"),
            "$.organizations[0].projects[1].pipelines[0].id", "1 is already the id of another pipeline"),
        bad("positional pipeline id taken", project("'name': 'web', 'pipelines': [{'name': 'cd', 'id': 2}, 'ci']"),
            "$.organizations[0].projects[0].pipelines[1]", "gets its position", "give this one an id"),
        bad("unknown pipeline field", project("'name': 'web', 'pipelines': [{'name': 'ci', 'path': '\\\\'}]"),
            "$.organizations[0].projects[0].pipelines[0].path", "unknown field \"path\""),
        bad("too many pipelines in a project", project("'name': 'web', 'pipelines': [" + thousandAndOnePipelines
                + "]"),
            "$.organizations[0].projects[0].pipelines[1000]", "a project holds at most 1,000"),
        // generate
        bad("generate a number", org("'name': 'fabrikam', 'generate': 5"), "$.organizations[0].generate",
            "expected an object"),
        bad("missing generate projects", org("'name': 'fabrikam', 'generate': {'seed': 1}"),
            "$.organizations[0].generate.projects", "is missing"),
        bad("unknown generate field", org("'name': 'fabrikam', 'generate': {'project': 1}"),
            "$.organizations[0].generate.project", "did you mean \"projects\"?"),
        bad("negative projects", org("'name': 'fabrikam', 'generate': {'projects': -1}"),
            "$.organizations[0].generate.projects", "from 0 to 10,000", "found -1"),
        bad("too many projects", org("'name': 'fabrikam', 'generate': {'projects': 10001}"),
            "$.organizations[0].generate.projects", "from 0 to 10,000", "found 10001"),
        bad("absurd projects", org("'name': 'fabrikam', 'generate': {'projects': 99999999999999999999}"),
            "$.organizations[0].generate.projects", "found 99999999999999999999"),
        bad("fractional projects", org("'name': 'fabrikam', 'generate': {'projects': 2.5}"),
            "$.organizations[0].generate.projects", "whole number", "found 2.5"),
        bad("too many repositories per project",
            org("'name': 'fabrikam', 'generate': {'projects': 1, 'repositoriesPerProject': 1001}"),
            "$.organizations[0].generate.repositoriesPerProject", "from 0 to 1,000"),
        bad("negative pipelines per project",
            org("'name': 'fabrikam', 'generate': {'projects': 1, 'pipelinesPerProject': -3}"),
            "$.organizations[0].generate.pipelinesPerProject", "from 0 to 1,000"),
        bad("seed as a string", org("'name': 'fabrikam', 'generate': {'projects': 1, 'seed': '7'}"),
            "$.organizations[0].generate.seed", "expected a whole number", "the string \"7\""),
        bad("listed and generated projects over the limit",
            org("'name': 'fabrikam', 'projects': [{'name': 'web'}], 'generate': {'projects': 10000}"),
            "$.organizations[0].generate.projects", "at most 10,000 projects"),
        bad("generated repositories over the estate limit",
            org("'name': 'fabrikam', 'generate': {'projects': 10000, 'repositoriesPerProject': 101}"),
            "$.organizations[0].generate", "1,010,000 repositories", "at most 1,000,000"),
        bad("generated pipeline ids beyond the largest id",
            org("'name': 'fabrikam', 'projects': [{'name': 'web', 'pipelines': [{'name': 'ci', 'id': 2147483646}]}],"
                + " 'generate': {'projects': 2, 'pipelinesPerProject': 1}"),
            "$.organizations[0].generate", "ids above 2,147,483,647"),
        bad("generated pipelines over the estate limit",
            org("'name': 'fabrikam', 'generate': {'projects': 10000, 'pipelinesPerProject': 1000}"),
            "$.organizations[0].generate", "10,000,000 pipelines", "at most 1,000,000"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void rejectsBadFilesNamingThePathAndTheProblem(String name, String file, String path, List<String> fragments) {
    EstateFileException e = catchThrowableOfType(EstateFileException.class, () -> EstateFiles.parse(json(file)));

    assertThat(e).as("%s should be rejected", name).isNotNull();
    assertThat(e.path()).as(e.getMessage()).isEqualTo(path);
    assertThat(e.getMessage()).startsWith(path + ": ");
    assertThat(e.problem()).contains(fragments);
    assertThat(e.getMessage()).contains(e.problem());
    assertThat(e.line()).as("line of %s", e.getMessage()).isPresent();
    assertThat(e.column()).isPresent();
    assertThat(e.getCause()).isNull();
  }

  @Test
  void badFilesOutnumberForty() {
    assertThat(badFiles().count()).isGreaterThanOrEqualTo(40);
  }

  @Test
  void reportsTheLineAndColumnOfTheValue() {
    String file = "{\n  \"tenantId\": \"" + T + "\",\n  \"user\": {\"displayName\": \"D\", \"email\": \"d@c.com\"},\n"
        + "  \"organizations\": [\n    {\"name\": \"fabrikam\", \"accessLevel\": \"admin\"}\n  ]\n}\n";

    EstateFileException e = catchThrowableOfType(EstateFileException.class, () -> EstateFiles.parse(file));

    assertThat(e.line()).hasValue(5);
    assertThat(e.column()).hasValue(41);
    assertThat(e.getMessage()).endsWith("(line 5, column 41)");
  }

  @Test
  void aMissingFieldPointsAtItsObject() {
    String file = "{\"tenantId\": \"" + T + "\", \"user\": {\"displayName\": \"D\", \"email\": \"d@c.com\"},\n"
        + "\"organizations\": [\n\n   {\"accessLevel\": \"basic\"}]}";

    EstateFileException e = catchThrowableOfType(EstateFileException.class, () -> EstateFiles.parse(file));

    assertThat(e.path()).isEqualTo("$.organizations[0].name");
    assertThat(e.line()).hasValue(4);
    assertThat(e.column()).hasValue(4);
  }

  @Test
  void anUnknownFieldPointsAtItsName() {
    EstateFileException e = catchThrowableOfType(EstateFileException.class,
        () -> EstateFiles.parse(json("{\n  'tenant': '" + T + "'}")));

    assertThat(e.path()).isEqualTo("$.tenant");
    assertThat(e.line()).hasValue(2);
    assertThat(e.column()).hasValue(3);
  }

  @Test
  void rejectsBytesThatAreNotUtf8() {
    byte[] bytes = {'{', '"', 't', (byte) 0xff, '"', ':', '1', '}'};

    assertThatThrownBy(() -> EstateFiles.read(new ByteArrayInputStream(bytes)))
        .isInstanceOfSatisfying(EstateFileException.class, e -> {
          assertThat(e.path()).isEqualTo("$");
          assertThat(e.getMessage()).startsWith("$: malformed JSON").contains("UTF-8");
        });
  }

  @Test
  void showsLongAndInvisibleValuesSafely() {
    String file = json(org("'accessLevel': '" + "\\u0007" + "z".repeat(500) + "'"));

    EstateFileException e = catchThrowableOfType(EstateFileException.class, () -> EstateFiles.parse(file));

    assertThat(e.getMessage()).contains("\"\\u0007zzz").contains("…(501 characters)\" is not one of")
        .hasSizeLessThan(400).doesNotContain("\u0007");
  }

  @Test
  void pathsQuoteFieldNamesThatAreNotIdentifiers() {
    EstateFileException e = catchThrowableOfType(EstateFileException.class,
        () -> EstateFiles.parse(json("{'user': {'e mail': 'x'}}")));

    assertThat(e.path()).isEqualTo("$.user[\"e mail\"]");
  }
}
