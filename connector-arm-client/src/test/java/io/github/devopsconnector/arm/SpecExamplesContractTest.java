package io.github.devopsconnector.arm;

import io.github.devopsconnector.testsupport.CannedHttpClient;
import io.github.devopsconnector.testsupport.RawHttpServer.Request;
import io.github.devopsconnector.core.ServiceException.Kind;
import io.github.devopsconnector.arm.models.UpdateDevOpsConfigurationOptions;
import io.github.devopsconnector.core.ConnectorId;
import io.github.devopsconnector.arm.models.SecurityConnector;
import io.github.devopsconnector.arm.models.DevOpsConfiguration;
import io.github.devopsconnector.arm.models.CreateConnectorOptions;
import io.github.devopsconnector.arm.models.AzureDevOpsRepositoryResource;
import io.github.devopsconnector.arm.models.AzureDevOpsProjectResource;
import io.github.devopsconnector.arm.models.AzureDevOpsOrganizationResource;
import io.github.devopsconnector.arm.models.AutoDiscovery;
import io.github.devopsconnector.arm.models.AgentlessInventoryItem;
import io.github.devopsconnector.arm.models.AgentlessConfiguration;
import static io.github.devopsconnector.arm.ArmTestSupport.JSON;
import static io.github.devopsconnector.arm.ArmTestSupport.fixture;
import static io.github.devopsconnector.arm.ArmTestSupport.identity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.devopsconnector.arm.ArmTestSupport.RecordingSleeper;
import io.github.devopsconnector.core.AuthorizationCode;
import io.github.devopsconnector.core.AzureRegion;
import io.github.devopsconnector.core.Connector;
import io.github.devopsconnector.core.ConnectorName;
import io.github.devopsconnector.core.DevOpsPlatform;
import io.github.devopsconnector.core.Identity;
import io.github.devopsconnector.core.Offering;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.ResourceGroupName;
import io.github.devopsconnector.core.SubscriptionId;
import io.github.devopsconnector.core.TenantId;
import io.github.devopsconnector.testing.ArmSimulator;
import io.github.devopsconnector.testing.ArmSimulatorOptions;
import io.github.devopsconnector.testing.ArmSimulatorOrganization;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example of the specification (azure-rest-api-specs, Microsoft.Security: securityConnectors
 * 2024-08-01-preview and SecurityConnectorsDevOps 2025-03-01) for the operations the client uses, replayed both
 * ways: the client, answered with the example's responses, sends the example's request (method, URL with
 * api-version, and body, ignoring member order) and reads each response; the ARM simulator, sent the example's
 * request, answers with a status the example lists and a body with every member path of the example's response.
 */
class SpecExamplesContractTest {

  private static final String CODE = "00000000000000000000";
  private static final String OPERATION_ID = "4e826cf1-5c36-4808-a7d2-fb4f5170978b";

  /**
   * An example: its file, the method and path of its request, and whether the client sends its exact body (not
   * for PutSecurityConnector, whose example is an AWS connector; the client writes Azure DevOps ones).
   */
  record Case(String file, String method, String pathTemplate, boolean bodyCompared) {
    @Override
    public String toString() {
      return file;
    }
  }

  private static final String CONNECTOR = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}"
      + "/providers/Microsoft.Security/securityConnectors/{securityConnectorName}";
  private static final String DEVOPS = CONNECTOR + "/devops/default";

  static Stream<Case> examples() {
    return Stream.of(
        new Case("2024-08-01-preview__PutSecurityConnector_example.json", "PUT", CONNECTOR, false),
        new Case("2024-08-01-preview__GetSecurityConnectorSingleResource_example.json", "GET", CONNECTOR, true),
        new Case("2024-08-01-preview__GetSecurityConnectorsResourceGroup_example.json", "GET",
            "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Security/"
                + "securityConnectors", true),
        new Case("2024-08-01-preview__GetSecurityConnectorsSubscription_example.json", "GET",
            "/subscriptions/{subscriptionId}/providers/Microsoft.Security/securityConnectors", true),
        new Case("2024-08-01-preview__DeleteSecurityConnector_example.json", "DELETE", CONNECTOR, true),
        new Case("2025-03-01__CreateOrUpdateDevOpsConfigurationsOnboardSelected_example.json", "PUT", DEVOPS, true),
        new Case("2025-03-01__CreateOrUpdateDevOpsConfigurationsOnboardCurrentOnly_example.json", "PUT", DEVOPS,
            true),
        new Case("2025-03-01__CreateOrUpdateDevOpsConfigurationsOnboardCurrentAndFuture_example.json", "PUT", DEVOPS,
            true),
        new Case("2025-03-01__CreateOrUpdateDevOpsConfigurationsWithAgentlessConfigurations_example.json", "PUT",
            DEVOPS, true),
        new Case("2025-03-01__GetDevOpsConfigurations_example.json", "GET", DEVOPS, true),
        new Case("2025-03-01__GetDevOpsConfigurationsWithCapabilities_example.json", "GET", DEVOPS, true),
        new Case("2025-03-01__UpdateDevOpsConfigurations_example.json", "PATCH", DEVOPS, true),
        new Case("2025-03-01__GetDevOpsOperationResultsSucceeded_example.json", "GET",
            DEVOPS + "/operationResults/{operationResultId}", true),
        new Case("2025-03-01__GetDevOpsOperationResultsFailed_example.json", "GET",
            DEVOPS + "/operationResults/{operationResultId}", true),
        new Case("2025-03-01__ListAvailableAzureDevOpsOrgs_example.json", "POST",
            DEVOPS + "/listAvailableAzureDevOpsOrgs", true),
        new Case("2025-03-01__ListAzureDevOpsOrgs_example.json", "GET", DEVOPS + "/azureDevOpsOrgs", true),
        new Case("2025-03-01__GetAzureDevOpsOrgs_example.json", "GET", DEVOPS + "/azureDevOpsOrgs/{orgName}",
            true),
        new Case("2025-03-01__ListAzureDevOpsProjects_example.json", "GET",
            DEVOPS + "/azureDevOpsOrgs/{orgName}/projects", true),
        new Case("2025-03-01__GetAzureDevOpsProjects_example.json", "GET",
            DEVOPS + "/azureDevOpsOrgs/{orgName}/projects/{projectName}", true),
        new Case("2025-03-01__ListAzureDevOpsRepos_example.json", "GET",
            DEVOPS + "/azureDevOpsOrgs/{orgName}/projects/{projectName}/repos", true),
        new Case("2025-03-01__GetAzureDevOpsRepos_example.json", "GET",
            DEVOPS + "/azureDevOpsOrgs/{orgName}/projects/{projectName}/repos/{repoName}", true));
  }

  // ------------------------------------------------------------------------------------------------ the client

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void theClientSendsTheExampleRequestAndReadsEveryResponse(Case example) throws Exception {
    JsonNode spec = fixture(example.file());
    JsonNode parameters = spec.get("parameters");
    String path = path(example.pathTemplate(), parameters);
    String apiVersion = parameters.get("api-version").asText();
    for (Iterator<String> statuses = spec.get("responses").fieldNames(); statuses.hasNext(); ) {
      String status = statuses.next();
      JsonNode response = spec.at("/responses/" + status);
      CannedHttpClient http = new CannedHttpClient();
      Object read = replay(example, parameters, Integer.parseInt(status), response, http);

      Request sent = http.requests().stream()
          .filter(s -> s.method().equals(example.method()) && s.url().startsWith("https://management.azure.com"
              + path + "?"))
          .findFirst().orElseThrow(() -> new AssertionError("no " + example.method() + " " + path + " among "
              + http.requests().stream().map(s -> s.method() + " " + s.url()).collect(Collectors.toList())));
      assertThat(sent.url()).isEqualTo("https://management.azure.com" + path + "?api-version=" + apiVersion);
      JsonNode expectedBody = requestBody(parameters);
      if (expectedBody != null && example.bodyCompared()) {
        assertThat(JSON.readTree(sent.body())).as("the request body of %s", example.file()).isEqualTo(expectedBody);
      }
      checkRead(example, response, read);
    }
  }

  private static JsonNode requestBody(JsonNode parameters) {
    for (String name : List.of("devOpsConfiguration", "securityConnector")) {
      if (parameters.has(name)) {
        return parameters.get(name);
      }
    }
    return null;
  }

  /** Scripts the answers around the example's response and makes the client call; returns what it read. */
  private static Object replay(Case example, JsonNode p, int status, JsonNode response, CannedHttpClient http) {
    String body = response.has("body") ? response.get("body").toString() : "";
    Map<String, String> headers = headers(response);
    DefenderConnectorClient client = new DefenderConnectorClientBuilder().credential(identity("alice"))
        .httpClient(http).sleeper(new RecordingSleeper()).buildClient();
    ConnectorId id = p.has("securityConnectorName") ? ConnectorId.of(
        SubscriptionId.parse(p.get("subscriptionId").asText()), ResourceGroupName.parse(p.get("resourceGroupName")
            .asText()), ConnectorName.parse(p.get("securityConnectorName").asText())) : null;
    String devOpsExample = fixture("2025-03-01__GetDevOpsConfigurations_example.json").at("/responses/200/body")
        .toString();
    String connectorCreated = fixture("2024-08-01-preview__PutSecurityConnector_example.json")
        .at("/responses/201/body").toString();
    String succeeded = fixture("2025-03-01__GetDevOpsOperationResultsSucceeded_example.json")
        .at("/responses/200/body").toString();
    String file = example.file();
    try {
      if (file.contains("PutSecurityConnector")) {
        http.enqueue(status, headers, body);
        if (status == 200) {
          // A connector replaced (200) may have a configuration: the client reads it before sending the code.
          http.enqueue(404, Map.of(), "{\"error\":{\"code\":\"ResourceNotFound\",\"message\":\"none\"}}");
        }
        http.enqueue(200, Map.of(), devOpsExample);
        return client.createConnector(CreateConnectorOptions.of(connector(id, OrganizationSelection.explicit("org1")),
            AuthorizationCode.of(CODE))).connector();
      }
      if (file.contains("GetSecurityConnectorSingleResource")) {
        http.enqueue(status, headers, body);
        return client.getConnector(id);
      }
      if (file.contains("GetSecurityConnectorsResourceGroup")) {
        http.enqueue(status, headers, body);
        return client.listConnectors(SubscriptionId.parse(p.get("subscriptionId").asText()),
            ResourceGroupName.parse(p.get("resourceGroupName").asText())).stream().collect(Collectors.toList());
      }
      if (file.contains("GetSecurityConnectorsSubscription")) {
        http.enqueue(status, headers, body);
        return client.listConnectors(SubscriptionId.parse(p.get("subscriptionId").asText())).stream()
            .collect(Collectors.toList());
      }
      if (file.contains("DeleteSecurityConnector")) {
        http.enqueue(204, Map.of(), "").enqueue(status, headers, body);
        client.deleteConnector(id);
        return "deleted";
      }
      if (file.contains("CreateOrUpdateDevOpsConfigurations")) {
        http.enqueue(201, Map.of(), connectorCreated).enqueue(status, headers, body);
        if (status != 200) {
          http.enqueue(200, Map.of(), succeeded).enqueue(200, Map.of(), fixture(file).at("/responses/200/body")
              .toString());
        }
        JsonNode requested = p.at("/devOpsConfiguration/properties");
        OrganizationSelection selection = requested.has("topLevelInventoryList")
            ? OrganizationSelection.explicit(names(requested.get("topLevelInventoryList")).toArray(new String[0]))
            : requested.path("autoDiscovery").asText().equals("Enabled") ? OrganizationSelection.allExistingAndFuture()
            : OrganizationSelection.allExisting();
        CreateConnectorOptions.Builder options = CreateConnectorOptions.builder().connector(connector(id, selection))
            .authorization(AuthorizationCode.of(CODE));
        if (requested.has("agentlessConfiguration")) {
          options.agentlessConfiguration(agentless(requested.get("agentlessConfiguration")));
        }
        return client.createConnector(options.build()).devOps();
      }
      if (file.contains("GetDevOpsConfigurations")) {
        http.enqueue(status, headers, body);
        return client.getDevOpsConfiguration(id);
      }
      if (file.contains("UpdateDevOpsConfigurations")) {
        http.enqueue(status, headers, body);
        if (status != 200) {
          http.enqueue(200, Map.of(), succeeded).enqueue(200, Map.of(), fixture(file).at("/responses/200/body")
              .toString());
        }
        JsonNode requested = p.at("/devOpsConfiguration/properties");
        return client.updateDevOpsConfiguration(id, UpdateDevOpsConfigurationOptions.builder()
            .autoDiscovery(AutoDiscovery.fromString(requested.get("autoDiscovery").asText()))
            .agentlessConfiguration(agentless(requested.get("agentlessConfiguration"))).build());
      }
      if (file.contains("GetDevOpsOperationResults")) {
        String operation = "https://management.azure.com" + path(DEVOPS + "/operationResults/{operationResultId}", p)
            + "?api-version=" + p.get("api-version").asText();
        http.enqueue(202, Map.of("Azure-AsyncOperation", operation), "{}").enqueue(status, headers, body)
            .enqueue(200, Map.of(), devOpsExample);
        return catchOrValue(() -> client.updateDevOpsConfiguration(id, UpdateDevOpsConfigurationOptions.builder()
            .autoDiscovery(AutoDiscovery.ENABLED).build()));
      }
      if (file.contains("ListAvailableAzureDevOpsOrgs")) {
        http.enqueue(status, headers, body);
        return client.listAvailableAzureDevOpsOrgs(id);
      }
      if (file.contains("ListAzureDevOpsOrgs")) {
        http.enqueue(status, headers, body);
        return client.listAzureDevOpsOrgs(id).stream().collect(Collectors.toList());
      }
      if (file.contains("GetAzureDevOpsOrgs")) {
        http.enqueue(status, headers, body);
        return client.getAzureDevOpsOrg(id, p.get("orgName").asText());
      }
      if (file.contains("ListAzureDevOpsProjects")) {
        http.enqueue(status, headers, body);
        return client.listAzureDevOpsProjects(id, p.get("orgName").asText()).stream().collect(Collectors.toList());
      }
      if (file.contains("GetAzureDevOpsProjects")) {
        http.enqueue(status, headers, body);
        return client.getAzureDevOpsProject(id, p.get("orgName").asText(), p.get("projectName").asText());
      }
      if (file.contains("ListAzureDevOpsRepos")) {
        http.enqueue(status, headers, body);
        return client.listAzureDevOpsRepos(id, p.get("orgName").asText(), p.get("projectName").asText()).stream()
            .collect(Collectors.toList());
      }
      if (file.contains("GetAzureDevOpsRepos")) {
        http.enqueue(status, headers, body);
        return client.getAzureDevOpsRepo(id, p.get("orgName").asText(), p.get("projectName").asText(),
            p.get("repoName").asText());
      }
      throw new AssertionError("no replay for " + file);
    } finally {
      client.close();
    }
  }

  private static Object catchOrValue(java.util.function.Supplier<Object> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      return e;
    }
  }

  /** What the client read matches the example response. */
  private static void checkRead(Case example, JsonNode response, Object read) {
    JsonNode body = response.get("body");
    String file = example.file();
    if (file.contains("GetDevOpsOperationResultsFailed")) {
      assertThat(read).isInstanceOf(Throwable.class);
      assertThat((Throwable) read).satisfies(Failures.kind(Kind.NOT_AUTHORIZED, "TokenExchangeFailed"));
      assertThat(Failures.error((Throwable) read).code()).isEqualTo(body.at("/error/code").asText());
      return;
    }
    if (file.contains("GetDevOpsOperationResultsSucceeded")) {
      assertThat(read).isInstanceOf(DevOpsConfiguration.class);
      return;
    }
    if (read instanceof List) {
      List<?> items = (List<?>) read;
      assertThat(items).hasSize(body.get("value").size());
      List<String> names = new ArrayList<>();
      body.get("value").forEach(v -> names.add(v.get("name").asText()));
      assertThat(items.stream().map(SpecExamplesContractTest::nameOf).collect(Collectors.toList()))
          .containsExactlyElementsOf(names);
      return;
    }
    if (read instanceof SecurityConnector) {
      assertThat(((SecurityConnector) read).id()).isEqualTo(body.get("id").asText());
      return;
    }
    if (read instanceof DevOpsConfiguration) {
      DevOpsConfiguration configuration = (DevOpsConfiguration) read;
      JsonNode expected = file.contains("CreateOrUpdate") || file.contains("Update")
          ? fixture(file).at("/responses/200/body") : body;
      assertThat(configuration.id()).isEqualTo(expected.get("id").asText());
      assertThat(configuration.autoDiscovery().map(AutoDiscovery::value).orElse(""))
          .isEqualTo(expected.at("/properties/autoDiscovery").asText());
      assertThat(configuration.topLevelInventoryList()).containsExactlyElementsOf(
          names(expected.at("/properties/topLevelInventoryList")));
      assertThat(configuration.agentlessConfiguration().isPresent())
          .isEqualTo(expected.at("/properties/agentlessConfiguration").isObject());
      expected.at("/properties/capabilities").forEach(c -> assertThat(configuration.capabilities())
          .containsEntry(c.get("name").asText(), c.get("value").asText()));
      return;
    }
    if (read instanceof String) {
      return;
    }
    assertThat(nameOf(read)).isEqualTo(body.get("name").asText());
  }

  private static String nameOf(Object item) {
    if (item instanceof SecurityConnector) {
      return ((SecurityConnector) item).name();
    }
    if (item instanceof AzureDevOpsOrganizationResource) {
      return ((AzureDevOpsOrganizationResource) item).name();
    }
    if (item instanceof AzureDevOpsProjectResource) {
      return ((AzureDevOpsProjectResource) item).name();
    }
    if (item instanceof AzureDevOpsRepositoryResource) {
      return ((AzureDevOpsRepositoryResource) item).name();
    }
    throw new AssertionError("unexpected " + item);
  }

  private static Map<String, String> headers(JsonNode response) {
    Map<String, String> headers = new java.util.LinkedHashMap<>();
    response.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
    return headers;
  }

  private static List<String> names(JsonNode array) {
    List<String> names = new ArrayList<>();
    array.forEach(n -> names.add(n.asText()));
    return names;
  }

  static AgentlessConfiguration agentless(JsonNode json) {
    AgentlessConfiguration.Builder builder = AgentlessConfiguration.builder()
        .agentlessEnabled(json.get("agentlessEnabled").asText())
        .agentlessAutoDiscovery(AutoDiscovery.fromString(json.get("agentlessAutoDiscovery").asText()))
        .inventoryListType(json.get("inventoryListType").asText());
    json.get("scanners").forEach(s -> builder.addScanners(s.asText()));
    json.get("inventoryList").forEach(i -> builder.addInventoryList(AgentlessInventoryItem.of(
        i.get("inventoryKind").asText(), i.get("value").asText())));
    return builder.build();
  }

  private static Connector connector(ConnectorId id, OrganizationSelection selection) {
    return Connector.restore(id.name(), id.subscription(), id.resourceGroup(), AzureRegion.CENTRAL_US,
        DevOpsPlatform.AZURE_DEVOPS, List.of(Offering.CSPM_MONITOR_AZURE_DEVOPS), selection, Identity.of("alice"),
        TenantId.parse("72f988bf-86f1-41af-91ab-2d7cd011db47"));
  }

  static String path(String template, JsonNode parameters) {
    String path = template;
    for (Iterator<String> names = parameters.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (parameters.get(name).isTextual()) {
        path = path.replace("{" + name + "}", io.github.devopsconnector.http.Urls.segment(
            parameters.get(name).asText()));
      }
    }
    return path;
  }

  // --------------------------------------------------------------------------------------------- the simulator

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void theSimulatorAnswersTheExampleRequestInTheExampleShape(Case example) throws Exception {
    JsonNode spec = fixture(example.file());
    JsonNode p = spec.get("parameters");
    try (ArmSimulator simulator = ArmSimulator.builder().options(ArmSimulatorOptions.builder()
        .addOrganizations(ArmSimulatorOrganization.builder().name("myAzDevOpsOrg")
            .putProjects("myAzDevOpsProject", List.of("myAzDevOpsRepo")).build())
        .addOrganizations(ArmSimulatorOrganization.of("org1"), ArmSimulatorOrganization.of("org2"))
        .build()).build().start()) {
      HttpClient http = HttpClient.newHttpClient();
      String token = ArmSimulator.bearerToken("alice");
      String connectorPath = p.has("securityConnectorName") ? path(CONNECTOR, p) : null;
      String connectorsVersion = "?api-version=2024-08-01-preview";
      String devOpsVersion = "?api-version=2025-03-01";
      String file = example.file();
      // The state the example's response describes.
      String connectorBody = JSON.writeValueAsString(fixture("connector-put-azuredevops.json"));
      if (file.contains("GetSecurityConnector")) {
        JsonNode body = spec.at("/responses/200/body");
        for (JsonNode item : body.has("value") ? body.get("value") : JSON.createArrayNode().add(body)) {
          ObjectNode put = JSON.createObjectNode();
          put.set("location", item.get("location"));
          put.set("tags", item.get("tags"));
          put.set("properties", item.get("properties"));
          send(http, simulator, token, "PUT", item.get("id").asText() + connectorsVersion, put.toString());
        }
      } else if (connectorPath != null && !file.contains("PutSecurityConnector")) {
        send(http, simulator, token, "PUT", connectorPath + connectorsVersion, connectorBody);
        if (file.startsWith("2025") && !file.contains("CreateOrUpdate")) {
          JsonNode inventory = file.contains("Update") ? fixture(file).at("/parameters/devOpsConfiguration") : null;
          send(http, simulator, token, "PUT", connectorPath + "/devops/default" + devOpsVersion,
              "{\"properties\":{\"authorization\":{\"code\":\"setup-code\"},\"autoDiscovery\":\"Disabled\","
                  + "\"topLevelInventoryList\":[\"myAzDevOpsOrg\"]}}");
          send(http, simulator, token, "GET", connectorPath + "/devops/default" + devOpsVersion, null);
          send(http, simulator, token, "GET", connectorPath + "/devops/default" + devOpsVersion, null);
          assertThat(inventory == null || inventory.isObject()).isTrue();
        }
      }
      String path;
      if (file.contains("GetDevOpsOperationResults")) {
        HttpResponse<String> started = send(http, simulator, token, "PATCH", connectorPath + "/devops/default"
            + devOpsVersion, file.contains("Failed")
            ? "{\"properties\":{\"authorization\":{\"code\":\"setup-code\"}}}"
            : "{\"properties\":{\"autoDiscovery\":\"Enabled\"}}");
        String operation = started.headers().firstValue("Azure-AsyncOperation").orElseThrow();
        path = URI.create(operation).getRawPath();
      } else {
        path = path(example.pathTemplate(), p);
      }
      JsonNode request = requestBody(p);
      HttpResponse<String> answer = send(http, simulator, token, example.method(), path + "?api-version="
          + p.get("api-version").asText(), request == null ? null : request.toString());

      Set<String> statuses = new java.util.HashSet<>();
      spec.get("responses").fieldNames().forEachRemaining(statuses::add);
      assertThat(statuses).as("%s answered %s", file, answer.body()).contains(Integer.toString(answer.statusCode()));
      JsonNode expected = spec.at("/responses/" + answer.statusCode() + "/body");
      if (expected.isMissingNode() || expected.isEmpty()) {
        return;
      }
      JsonNode actual = JSON.readTree(answer.body());
      List<String> missing = new ArrayList<>();
      missingPaths("", expected, actual, missing);
      assertThat(missing).as("members of the example's %s response missing from the simulator's: %s",
          answer.statusCode(), answer.body()).isEmpty();
    }
  }

  private static HttpResponse<String> send(HttpClient http, ArmSimulator simulator, String token, String method,
      String pathAndQuery, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(simulator.endpoint() + pathAndQuery))
        .timeout(Duration.ofSeconds(10))
        .header("Authorization", "Bearer " + token)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The member paths of {@code expected} (arrays by their first element) that {@code actual} lacks. */
  static void missingPaths(String at, JsonNode expected, JsonNode actual, List<String> missing) {
    if (expected.isObject()) {
      if (!actual.isObject()) {
        missing.add(at + " (an object)");
        return;
      }
      expected.fields().forEachRemaining(e -> {
        if (!actual.has(e.getKey())) {
          missing.add(at + "/" + e.getKey());
        } else {
          missingPaths(at + "/" + e.getKey(), e.getValue(), actual.get(e.getKey()), missing);
        }
      });
    } else if (expected.isArray() && expected.size() > 0) {
      if (!actual.isArray() || actual.size() == 0) {
        missing.add(at + " (a non-empty array)");
        return;
      }
      missingPaths(at + "/0", expected.get(0), actual.get(0), missing);
    }
  }
}
