package io.github.devopsconnector.arm;

import static io.github.devopsconnector.arm.ArmTestSupport.JSON;
import static io.github.devopsconnector.arm.ArmTestSupport.fixture;
import static io.github.devopsconnector.arm.ArmTestSupport.identity;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.devopsconnector.arm.ArmTestSupport.RecordingSleeper;
import io.github.devopsconnector.testsupport.CannedHttpClient;
import io.github.devopsconnector.arm.models.GitLabGroupResource;
import io.github.devopsconnector.arm.models.GitLabProjectResource;
import io.github.devopsconnector.arm.models.OnboardingState;
import io.github.devopsconnector.core.ConnectorId;
import io.github.devopsconnector.core.ConnectorName;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.ResourceGroupName;
import io.github.devopsconnector.core.SubscriptionId;
import io.github.devopsconnector.core.gitlab.GitLabAccessLevel;
import io.github.devopsconnector.testing.ArmSimulator;
import io.github.devopsconnector.testing.ArmSimulatorOptions;
import io.github.devopsconnector.testing.GitLabEstateGroup;
import io.github.devopsconnector.testing.GitLabEstateProject;
import io.github.devopsconnector.testing.GitLabEstateSubgroup;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The specification's GitLab examples (azure-rest-api-specs, Microsoft.Security SecurityConnectorsDevOps 2025-03-01,
 * and 2024-04-01 for the two that 2025-03-01 does not carry: GetGitLabGroups and ListGitLabSubgroups) replayed
 * both ways, as {@link SpecExamplesContractTest} does for the others: the client, answered with the example's
 * response, sends the example's request and reads every property of it; the ARM simulator, sent the example's
 * request, answers 200 with every member path of the example's response.
 */
class GitLabSpecExamplesContractTest {

  private static final String DEVOPS = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}"
      + "/providers/Microsoft.Security/securityConnectors/{securityConnectorName}/devops/default";

  /** An example: its file and the method and path of its request. */
  record Case(String file, String method, String pathTemplate) {
    @Override
    public String toString() {
      return file;
    }
  }

  static Stream<Case> examples() {
    return Stream.of(
        new Case("2025-03-01__ListAvailableGitLabGroups_example.json", "POST", DEVOPS + "/listAvailableGitLabGroups"),
        new Case("2025-03-01__ListGitLabGroups_example.json", "GET", DEVOPS + "/gitLabGroups"),
        new Case("2024-04-01__GetGitLabGroups_example.json", "GET", DEVOPS + "/gitLabGroups/{groupFQName}"),
        new Case("2024-04-01__ListGitLabSubgroups_example.json", "POST",
            DEVOPS + "/gitLabGroups/{groupFQName}/listSubgroups"),
        new Case("2025-03-01__ListGitLabProjects_example.json", "GET", DEVOPS + "/gitLabGroups/{groupFQName}/projects"),
        new Case("2025-03-01__GetGitLabProjects_example.json", "GET",
            DEVOPS + "/gitLabGroups/{groupFQName}/projects/{projectName}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void theClientSendsTheExampleRequestAndReadsItsResponse(Case example) {
    JsonNode spec = fixture(example.file());
    JsonNode p = spec.get("parameters");
    String apiVersion = p.get("api-version").asText();
    JsonNode body = spec.at("/responses/200/body");
    CannedHttpClient http = new CannedHttpClient().enqueue(200, Map.of(), body.toString());
    ConnectorId id = ConnectorId.of(SubscriptionId.parse(p.get("subscriptionId").asText()),
        ResourceGroupName.parse(p.get("resourceGroupName").asText()),
        ConnectorName.parse(p.get("securityConnectorName").asText()));
    String group = p.path("groupFQName").asText();
    List<Object> read = new ArrayList<>();
    try (DefenderConnectorClient client = new DefenderConnectorClientBuilder().credential(identity("alice"))
        .httpClient(http).sleeper(new RecordingSleeper()).serviceVersion(apiVersion.equals("2024-04-01")
            ? DefenderConnectorServiceVersion.V2024_04_01 : DefenderConnectorServiceVersion.V2025_03_01)
        .buildClient()) {
      String file = example.file();
      if (file.contains("ListAvailableGitLabGroups")) {
        read.addAll(client.listAvailableGitLabGroups(id));
      } else if (file.contains("ListGitLabGroups")) {
        read.addAll(client.listGitLabGroups(id).stream().collect(Collectors.toList()));
      } else if (file.contains("GetGitLabGroups")) {
        read.add(client.getGitLabGroup(id, group));
      } else if (file.contains("ListGitLabSubgroups")) {
        read.addAll(client.listGitLabSubgroups(id, group));
      } else if (file.contains("ListGitLabProjects")) {
        read.addAll(client.listGitLabProjects(id, group).stream().collect(Collectors.toList()));
      } else {
        read.add(client.getGitLabProject(id, group, p.get("projectName").asText()));
      }
    }

    assertThat(http.requests()).hasSize(1);
    assertThat(http.requests().get(0).method()).isEqualTo(example.method());
    assertThat(http.requests().get(0).url()).as("'$' is sent as it is").isEqualTo("https://management.azure.com"
        + SpecExamplesContractTest.path(example.pathTemplate(), p).replace("%24", "$") + "?api-version=" + apiVersion);
    List<JsonNode> expected = new ArrayList<>();
    (body.has("value") ? body.get("value") : JSON.createArrayNode().add(body)).forEach(expected::add);
    assertThat(read).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      checkRead(expected.get(i), read.get(i));
    }
  }

  /** Every property of the example's item, read into the model. */
  private static void checkRead(JsonNode expected, Object item) {
    JsonNode properties = expected.get("properties");
    if (item instanceof GitLabGroupResource) {
      GitLabGroupResource group = (GitLabGroupResource) item;
      assertThat(group.id()).isEqualTo(expected.get("id").asText());
      assertThat(group.name()).isEqualTo(expected.get("name").asText());
      assertThat(group.fullyQualifiedName()).isEqualTo(text(properties, "fullyQualifiedName"));
      assertThat(group.url()).isEqualTo(text(properties, "url"));
      assertThat(group.onboardingState().map(OnboardingState::toString))
          .isEqualTo(text(properties, "onboardingState"));
      assertThat(group.provisioningState().map(Object::toString)).isEqualTo(text(properties, "provisioningState"));
      assertThat(group.topLevel()).isEqualTo(!group.name().contains("$"));
      return;
    }
    GitLabProjectResource project = (GitLabProjectResource) item;
    assertThat(project.id()).isEqualTo(expected.get("id").asText());
    assertThat(project.name()).isEqualTo(expected.get("name").asText());
    assertThat(project.fullyQualifiedName()).isEqualTo(text(properties, "fullyQualifiedName"));
    assertThat(project.fullyQualifiedParentGroupName()).isEqualTo(text(properties, "fullyQualifiedParentGroupName"));
    assertThat(project.url()).isEqualTo(text(properties, "url"));
    assertThat(project.onboardingState().map(OnboardingState::toString)).isEqualTo(text(properties, "onboardingState"));
    assertThat(project.provisioningState().map(Object::toString)).isEqualTo(text(properties, "provisioningState"));
  }

  private static Optional<String> text(JsonNode properties, String name) {
    return Optional.ofNullable(properties.get(name)).map(JsonNode::asText);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void theSimulatorAnswersTheExampleRequestInTheExampleShape(Case example) throws Exception {
    JsonNode spec = fixture(example.file());
    JsonNode p = spec.get("parameters");
    GitLabEstateGroup myGroup = GitLabEstateGroup.builder().id(1).path(OrganizationName.parse("myGitLabGroup"))
        .name("My group").accessLevel(GitLabAccessLevel.OWNER).plan("ultimate")
        .addSubgroups(GitLabEstateSubgroup.builder().id(2).path("mySubGroup").name("My subgroup")
            .addProjects(GitLabEstateProject.builder().id(3).path("myGitLabProject").name("My project").build())
            .build())
        .build();
    GitLabEstateGroup another = GitLabEstateGroup.builder().id(4).path(OrganizationName.parse("anotherGitLabGroup"))
        .name("Another").accessLevel(GitLabAccessLevel.OWNER).build();
    try (ArmSimulator simulator = ArmSimulator.builder().options(ArmSimulatorOptions.builder()
        .addGitLabGroups(myGroup, another).build()).build().start()) {
      HttpClient http = HttpClient.newHttpClient();
      String connector = SpecExamplesContractTest.path(DEVOPS, p).replace("/devops/default", "");
      assertThat(send(http, simulator, "PUT", connector + "?api-version=2024-08-01-preview",
          "{\"location\":\"centralus\",\"properties\":{\"hierarchyIdentifier\":\"a6c1f5e4-7b1d-4a3e-9d8b-2f0c6e5d4b3a\","
              + "\"environmentName\":\"GitLab\",\"environmentData\":{\"environmentType\":\"GitlabScope\"},"
              + "\"offerings\":[{\"offeringType\":\"CspmMonitorGitLab\"}]}}").statusCode()).isIn(200, 201);
      String devOps = connector + "/devops/default?api-version=2025-03-01";
      send(http, simulator, "PUT", devOps, "{\"properties\":{\"authorization\":{\"code\":\"setup-code\"},"
          + "\"autoDiscovery\":\"Disabled\",\"topLevelInventoryList\":[\"myGitLabGroup\"]}}");
      send(http, simulator, "GET", devOps, null);

      HttpResponse<String> answer = send(http, simulator, example.method(),
          SpecExamplesContractTest.path(example.pathTemplate(), p) + "?api-version=" + p.get("api-version").asText(),
          null);

      assertThat(answer.statusCode()).as("%s answered %s", example.file(), answer.body()).isEqualTo(200);
      List<String> missing = new ArrayList<>();
      SpecExamplesContractTest.missingPaths("", spec.at("/responses/200/body"), JSON.readTree(answer.body()),
          missing);
      assertThat(missing).as("members of the example's response missing from the simulator's: %s", answer.body())
          .isEmpty();
    }
  }

  private static HttpResponse<String> send(HttpClient http, ArmSimulator simulator, String method,
      String pathAndQuery, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(simulator.endpoint() + pathAndQuery))
        .timeout(Duration.ofSeconds(10))
        .header("Authorization", "Bearer " + ArmSimulator.bearerToken("alice"))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
