package io.github.devopsconnector.testing;

import static io.github.devopsconnector.testing.AdoSimulatorTestSupport.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.devopsconnector.testing.AdoSimulatorTestSupport.Client;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The location service, api-version ranges, and the routes Microsoft's clients use besides the SDK's own. */
class AzureDevOpsSimulatorLocationTest {

  private static AzureDevOpsSimulator simulator;
  private static Client client;

  @BeforeAll
  static void start() {
    simulator = AzureDevOpsSimulator.builder(AdoSimulatorTestSupport.standard()).build().start();
    client = new Client(simulator);
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  private static JsonNode options(String path) {
    HttpResponse<String> response = client.send(client.request(path)
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return parse(response.body());
  }

  private static JsonNode location(JsonNode list, String id) {
    for (JsonNode location : list.get("value")) {
      if (location.get("id").asText().equals(id)) {
        return location;
      }
    }
    throw new AssertionError("no location " + id + " in " + list);
  }

  @Test
  void eachAreaPublishesItsRoutesWithTheServicesLocationData() {
    JsonNode core = options("/contoso/_apis/core");
    JsonNode projects = location(core, "603fe2ac-9723-48b9-88ad-09305aa6c6e1");
    assertThat(projects.get("routeTemplate").asText()).isEqualTo("_apis/{resource}/{*projectId}");
    assertThat(projects.get("resourceName").asText()).isEqualTo("projects");
    assertThat(projects.get("resourceVersion").asInt()).isEqualTo(4);
    assertThat(projects.get("minVersion").asText()).isEqualTo("1.0");
    assertThat(projects.get("maxVersion").asText()).isEqualTo("7.2");
    assertThat(projects.get("releasedVersion").asText()).isEqualTo("7.1");
    assertThat(core.get("count").asInt()).isEqualTo(core.get("value").size()).isEqualTo(1);

    assertThat(location(options("/contoso/_apis/Location"), "e81700f7-3be2-46de-8624-2eb35882fcaa")
        .get("releasedVersion").asText()).isEqualTo("0.0");
    assertThat(location(options("/contoso/_apis/build"), "dbeaf647-6167-421a-bda9-c9327b25e2e6")
        .get("routeTemplate").asText()).isEqualTo("{project}/_apis/{area}/{resource}/{definitionId}");
    assertThat(location(options("/_apis/Profile"), "f83735dc-483f-4238-a291-d45f6080a9af")
        .get("resourceVersion").asInt()).isEqualTo(3);
    assertThat(options("/_apis/core").get("value")).as("organization areas are not on the root").isEmpty();
  }

  @Test
  void resourceAreasPointOrganizationAreasAtTheOrganizationAndTheProfileAtTheRoot() {
    JsonNode areas = client.json("/contoso/_apis/ResourceAreas?api-version=7.2-preview.1");
    List<String> urls = new ArrayList<>();
    for (JsonNode area : areas.get("value")) {
      urls.add(area.get("name").asText() + "=" + area.get("locationUrl").asText());
    }
    assertThat(urls).contains("core=" + simulator.endpoint() + "/contoso/",
        "git=" + simulator.endpoint() + "/contoso/", "Profile=" + simulator.endpoint() + "/");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "1.0, 200, ''",
      "7.1, 200, ''",
      "7.2-preview, 200, ''",
      "7.2-preview.4, 200, ''",
      "7.1-preview.1, 200, ''",
      "7.2, 400, VssInvalidPreviewVersionException",
      "7.2-preview.5, 400, VssVersionOutOfRangeException",
      "8.0, 400, VssVersionOutOfRangeException",
      "0.9, 400, VssVersionOutOfRangeException",
      "seven, 400, VssInvalidApiResourceVersionException"})
  void projectsAcceptEveryVersionBetweenTheMinimumAndTheMaximum(String version, int status, String typeKey) {
    HttpResponse<String> response = client.get("/contoso/_apis/projects?api-version=" + version);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    if (!typeKey.isEmpty()) {
      assertThat(parse(response.body()).get("typeKey").asText()).isEqualTo(typeKey);
    }
  }

  @Test
  void connectionDataAnswersWithOrWithoutAnApiVersion() {
    assertThat(client.json("/contoso/_apis/connectionData").get("authenticatedUser").get("id").asText())
        .isEqualTo(client.json("/contoso/_apis/connectionData?api-version=7.2-preview.1")
            .get("authenticatedUser").get("id").asText());
    assertThat(client.get("/contoso/_apis/projects").statusCode()).as("other routes still need one").isEqualTo(400);
  }

  @Test
  void aProjectIsServedByIdAndByName() {
    JsonNode first = client.json("/contoso/_apis/projects?api-version=7.1").get("value").get(0);
    String id = first.get("id").asText();

    assertThat(client.json("/contoso/_apis/projects/" + id + "?api-version=7.2-preview.4").get("name").asText())
        .isEqualTo(first.get("name").asText());
    assertThat(client.json("/contoso/_apis/projects/Web%20Shop?api-version=7.1").get("id").asText())
        .isEqualTo(simulator.estate().organizations().get(0).projects().get(0).id());
    assertThat(client.get("/contoso/_apis/projects/missing?api-version=7.1").statusCode()).isEqualTo(404);
  }

  @Test
  void buildDefinitionsAreThePipelinesPagedWithTop() {
    JsonNode page = client.json("/contoso/Web%20Shop/_apis/build/definitions?api-version=7.2-preview.7&$top=5");
    HttpResponse<String> first = client.get("/contoso/Web%20Shop/_apis/build/definitions?api-version=7.1&$top=5");
    String token = first.headers().firstValue("X-MS-ContinuationToken").orElseThrow();
    JsonNode rest = client.json("/contoso/Web%20Shop/_apis/build/definitions?api-version=7.1&continuationToken="
        + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8));

    assertThat(page.get("count").asInt()).isEqualTo(5);
    assertThat(page.get("value").get(0).get("name").asText()).isEqualTo("ci");
    assertThat(page.get("value").get(0).get("project").get("name").asText()).isEqualTo("Web Shop");
    assertThat(rest.get("count").asInt()).isEqualTo(2);
  }

  @Test
  void accountsNameTheIdentityHostAsTheServiceDoes() {
    String member = client.json("/_apis/profile/profiles/me?api-version=7.1").get("id").asText();
    JsonNode account = client.json("/_apis/accounts?memberId=" + member + "&api-version=7.1").get("value").get(0);

    assertThat(account.get("accountUri").asText()).isEqualTo("https://vssps.dev.azure.com/contoso/");
  }

  @Test
  void aTokenScopedToOrganizationsIsRefusedByProfileAccountsAndOtherOrganizations() {
    Estate scoped = Estates.builder().organization("fabrikam").organization("contoso")
        .tokenScopedTo("fabrikam").build();
    try (AzureDevOpsSimulator limited = AzureDevOpsSimulator.builder(scoped).build().start()) {
      Client scopedClient = new Client(limited);

      assertThat(scopedClient.get("/_apis/profile/profiles/me?api-version=7.1").statusCode()).isEqualTo(401);
      assertThat(scopedClient.get("/_apis/accounts?memberId=" + EstateBuilder.DEFAULT_USER_ID + "&api-version=7.1")
          .statusCode()).isEqualTo(401);
      assertThat(scopedClient.get("/contoso/_apis/projects?api-version=7.1").statusCode()).isEqualTo(401);
      assertThat(scopedClient.get("/fabrikam/_apis/projects?api-version=7.1").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aTokenForAllOrganizationsReadsTheProfile() {
    Estate all = Estates.builder().organization("fabrikam").tokenForAllOrganizations().build();
    try (AzureDevOpsSimulator open = AzureDevOpsSimulator.builder(all).build().start()) {
      assertThat(new Client(open).get("/_apis/profile/profiles/me?api-version=3.2-preview.3").statusCode())
          .isEqualTo(200);
    }
  }
}
