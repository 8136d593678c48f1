package io.github.devopsconnector.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.TenantId;
import io.github.devopsconnector.core.gitlab.GitLabAccessLevel;
import io.github.devopsconnector.core.gitlab.GitLabUser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The ARM simulator's GitLab routes at the HTTP level: what a GitLab connector reaches and onboarded. */
class ArmSimulatorGitLabTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONNECTORS = "/subscriptions/0806e1cd-cfda-4ff8-b99c-2b0af42cffd3/resourceGroups/rg"
      + "/providers/Microsoft.Security/securityConnectors/";
  private static final String DEVOPS_VERSION = "?api-version=2025-03-01";
  private final HttpClient http = HttpClient.newHttpClient();

  private static GitLabEstateGroup group(long id, String path, GitLabAccessLevel level) {
    return GitLabEstateGroup.builder().id(id).path(OrganizationName.parse(path)).name(path).accessLevel(level)
        .plan("ultimate").addSubgroups(GitLabEstateSubgroup.builder().id(id * 10).path("sub").name("Sub")
            .addProjects(GitLabEstateProject.builder().id(id * 100).path("app").name("App").build()).build())
        .build();
  }

  private static GitLabEstate estate() {
    return GitLabEstate.builder().tenantId(TenantId.parse("72f988bf-86f1-41af-91ab-2d7cd011db47"))
        .user(GitLabUser.of("alice", 7, java.util.Optional.of("Alice")))
        .addGroups(group(1, "contoso", GitLabAccessLevel.OWNER), group(2, "fabrikam", GitLabAccessLevel.OWNER),
            group(3, "readonly", GitLabAccessLevel.DEVELOPER))
        .addOnboardedElsewhere(OrganizationName.parse("fabrikam")).build();
  }

  private JsonNode send(ArmSimulator simulator, String identity, String method, String path, String body,
      int expectedStatus) throws Exception {
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(simulator.endpoint() + path))
        .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + ArmSimulator.bearerToken(identity))
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as("%s %s answered %s", method, path, answer.body()).isEqualTo(expectedStatus);
    return answer.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(answer.body());
  }

  /** Creates a connector of the environment, authorized by alice, selecting the groups. */
  private void connector(ArmSimulator simulator, String name, String environment, String scope, String offering,
      String... selected) throws Exception {
    send(simulator, "alice", "PUT", CONNECTORS + name + "?api-version=2024-08-01-preview", "{\"location\":"
        + "\"centralus\",\"properties\":{\"hierarchyIdentifier\":\"8b090c71-cfba-494d-87a6-e10b321a0d98\","
        + "\"environmentName\":\"" + environment + "\",\"environmentData\":{\"environmentType\":\"" + scope + "\"},"
        + "\"offerings\":[{\"offeringType\":\"" + offering + "\"}]}}", 201);
    send(simulator, "alice", "PUT", CONNECTORS + name + "/devops/default" + DEVOPS_VERSION, "{\"properties\":{"
        + "\"authorization\":{\"code\":\"code-" + name + "\"},\"autoDiscovery\":\"Disabled\",\"topLevelInventoryList\":"
        + JSON.writeValueAsString(List.of(selected)) + "}}", 201);
    send(simulator, "alice", "GET", CONNECTORS + name + "/devops/default" + DEVOPS_VERSION, null, 200);
  }

  private static Map<String, String> states(JsonNode list) {
    Map<String, String> states = new TreeMap<>();
    list.get("value").forEach(item -> states.put(item.get("name").asText(),
        item.at("/properties/onboardingState").asText()));
    return states;
  }

  @Test
  void anEstateGivesTheGroupsTheUserOwnsAndThoseHeldElsewhere() {
    ArmSimulatorOptions options = ArmSimulatorOptions.builder().gitLabEstate(estate()).build();

    assertThat(options.gitLabGroups()).extracting(g -> g.path().value()).containsExactly("contoso", "fabrikam");
    assertThat(options.gitLabGroupsOnboardedElsewhere()).containsExactly("fabrikam");
    assertThatThrownBy(() -> ArmSimulatorOptions.builder().addGitLabGroups(group(1, "contoso",
        GitLabAccessLevel.OWNER), group(2, "Contoso", GitLabAccessLevel.OWNER)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GitLab group twice");
  }

  @Test
  void aGitLabConnectorListsWhatItReachesAndReadsWhatItOnboarded() throws Exception {
    try (ArmSimulator simulator = ArmSimulator.builder().options(ArmSimulatorOptions.builder()
        .gitLabEstate(estate()).build()).build().start()) {
      connector(simulator, "gl", "GitLab", "GitlabScope", "CspmMonitorGitLab", "contoso");
      String devOps = CONNECTORS + "gl/devops/default/";

      JsonNode available = send(simulator, "alice", "POST", devOps + "listAvailableGitLabGroups" + DEVOPS_VERSION,
          null, 200);
      assertThat(states(available)).containsExactlyEntriesOf(new TreeMap<>(Map.of("contoso", "Onboarded",
          "contoso$sub", "Onboarded", "fabrikam", "OnboardedByOtherConnector", "fabrikam$sub", "NotOnboarded")));
      send(simulator, "bob", "POST", devOps + "listAvailableGitLabGroups" + DEVOPS_VERSION, null, 401);

      JsonNode sub = send(simulator, "alice", "GET", devOps + "gitLabGroups/contoso%24sub" + DEVOPS_VERSION, null, 200);
      assertThat(sub.at("/properties/fullyQualifiedName").asText()).isEqualTo("contoso$sub");
      assertThat(sub.at("/properties/fullyQualifiedFriendlyName").asText()).isEqualTo("contoso/sub");
      assertThat(sub.get("type").asText()).isEqualTo("Microsoft.Security/securityConnectors/devops/gitLabGroups");
      JsonNode app = send(simulator, "alice", "GET", devOps + "gitLabGroups/contoso$sub/projects/app" + DEVOPS_VERSION,
          null, 200);
      assertThat(app.at("/properties/fullyQualifiedParentGroupName").asText()).isEqualTo("contoso$sub");
      assertThat(app.get("id").asText()).endsWith("/devops/default/gitLabGroups/contoso$sub/projects/app");
      send(simulator, "alice", "GET", devOps + "gitLabGroups/fabrikam" + DEVOPS_VERSION, null, 404);
      send(simulator, "alice", "GET", devOps + "gitLabGroups/contoso/projects/app" + DEVOPS_VERSION, null, 404);
      send(simulator, "alice", "GET", devOps + "gitLabGroups/contoso/listSubgroups" + DEVOPS_VERSION, null, 405);
      assertThat(send(simulator, "alice", "POST", devOps + "gitLabGroups/contoso/listSubgroups" + DEVOPS_VERSION,
          null, 200).get("value")).extracting(item -> item.get("name").asText()).containsExactly("contoso$sub");
    }
  }

  @Test
  void eachPlatformServesOnlyItsOwnConnectorsAndWritesAreCounted() throws Exception {
    try (ArmSimulator simulator = ArmSimulator.builder().options(ArmSimulatorOptions.builder()
        .gitLabEstate(estate()).addGitHubOwners(ArmSimulatorGitHubOwner.of("contoso", "api")).build())
        .build().start()) {
      connector(simulator, "gh", "Github", "GithubScope", "CspmMonitorGithub", "contoso");
      connector(simulator, "gl", "GitLab", "GitlabScope", "CspmMonitorGitLab", "contoso");
      assertThat(simulator.writeRequests()).as("two connectors and two configurations").isEqualTo(4);

      send(simulator, "alice", "GET", CONNECTORS + "gh/devops/default/gitLabGroups" + DEVOPS_VERSION, null, 404);
      send(simulator, "alice", "GET", CONNECTORS + "gl/devops/default/gitHubOwners" + DEVOPS_VERSION, null, 404);
      List<String> groups = new ArrayList<>();
      send(simulator, "alice", "GET", CONNECTORS + "gl/devops/default/gitLabGroups" + DEVOPS_VERSION, null, 200)
          .get("value").forEach(item -> groups.add(item.get("name").asText()));
      assertThat(groups).as("a GitHub owner of the same name is another thing").containsExactly("contoso",
          "contoso$sub");
      assertThat(simulator.writeRequests()).as("reads and list actions are not writes").isEqualTo(4);
    }
  }
}
