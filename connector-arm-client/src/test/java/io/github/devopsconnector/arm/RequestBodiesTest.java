package io.github.devopsconnector.arm;

import io.github.devopsconnector.testsupport.CannedHttpClient;
import io.github.devopsconnector.testsupport.RawHttpServer.Request;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.ServiceException.Kind;
import io.github.devopsconnector.arm.models.UpdateDevOpsConfigurationOptions;
import io.github.devopsconnector.arm.models.DevOpsProvisioningState;
import io.github.devopsconnector.arm.models.DevOpsConfiguration;
import io.github.devopsconnector.arm.models.CreateConnectorOptions;
import io.github.devopsconnector.arm.models.AutoDiscovery;
import io.github.devopsconnector.arm.models.ArmError;
import io.github.devopsconnector.arm.models.ArmDevOpsConnector;
import io.github.devopsconnector.arm.models.AgentlessInventoryItem;
import io.github.devopsconnector.arm.models.AgentlessConfiguration;
import static io.github.devopsconnector.arm.ArmTestSupport.JSON;
import static io.github.devopsconnector.arm.ArmTestSupport.fixture;
import static io.github.devopsconnector.arm.ArmTestSupport.identity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.exception.HttpResponseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.devopsconnector.arm.ArmTestSupport.RecordingSleeper;
import io.github.devopsconnector.core.AuthorizationCode;
import io.github.devopsconnector.core.OrganizationSelection;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the client puts on the wire equals the recorded example requests field for field, and URLs, headers and
 * polling follow the API. Responses come from a script, so every byte sent is visible.
 */
class RequestBodiesTest {

  private static final String ENDPOINT = "https://management.azure.com";
  private static final String CONNECTOR_URL = ENDPOINT + "/subscriptions/0806e1cd-cfda-4ff8-b99c-2b0af42cffd3"
      + "/resourceGroups/myRg/providers/Microsoft.Security/securityConnectors/mySecurityConnectorName";
  private static final String DEVOPS_URL = CONNECTOR_URL + "/devops/default";

  private final CannedHttpClient http = new CannedHttpClient();
  private final RecordingSleeper sleeper = new RecordingSleeper();

  private DefenderConnectorClient client() {
    return new DefenderConnectorClientBuilder()
        .credential(identity("alice"))
        .httpClient(http)
        .sleeper(sleeper)
        .pollInterval(Duration.ofSeconds(5))
        .buildClient();
  }

  private static String body(String fixture, String pointer) {
    return fixture(fixture).at(pointer).toString();
  }

  @Test
  void createSendsTheDocumentedConnectorAndTheOnboardSelectedExampleBody() throws IOException {
    http.enqueue(201, Map.of(), body("2024-08-01-preview__PutSecurityConnector_example.json", "/responses/201/body"))
        .enqueue(200, Map.of("ETag", "\"etag-1\""),
            body("2025-03-01__CreateOrUpdateDevOpsConfigurationsOnboardSelected_example.json", "/responses/200/body"));

    ArmDevOpsConnector created = client().createConnector(CreateConnectorOptions.builder()
        .connector(ArmTestSupport.connector("mySecurityConnectorName", OrganizationSelection.explicit("org1", "org2"),
            "alice"))
        .authorization(AuthorizationCode.of("00000000000000000000"))
        .hierarchyIdentifier("8b090c71-cfba-494d-87a6-e10b321a0d98")
        .build());

    assertThat(http.requests()).hasSize(2);
    Request connectorPut = http.requests().get(0);
    assertThat(connectorPut.method()).isEqualTo("PUT");
    assertThat(connectorPut.url()).isEqualTo(CONNECTOR_URL + "?api-version=2024-08-01-preview");
    ObjectNode expectedConnector = (ObjectNode) fixture("connector-put-azuredevops.json");
    expectedConnector.remove("_comment");
    assertThat(JSON.readTree(connectorPut.body())).isEqualTo(expectedConnector);

    Request devOpsPut = http.requests().get(1);
    assertThat(devOpsPut.method()).isEqualTo("PUT");
    assertThat(devOpsPut.url()).isEqualTo(DEVOPS_URL + "?api-version=2025-03-01");
    assertThat(JSON.readTree(devOpsPut.body())).isEqualTo(
        fixture("2025-03-01__CreateOrUpdateDevOpsConfigurationsOnboardSelected_example.json")
            .at("/parameters/devOpsConfiguration"));
    for (Request sent : http.requests()) {
      assertThat(sent.headers()).containsEntry("authorization", "Bearer sim-alice")
          .containsEntry("content-type", "application/json").containsEntry("accept", "application/json");
    }
    assertThat(created.devOps().etag()).contains("etag-1");
    assertThat(created.devOps().topLevelInventoryList()).containsExactly("org1", "org2");
  }

  @Test
  void createMakesANewHierarchyGuidAndAutoDiscoveryForAllExistingAndFuture() throws IOException {
    http.enqueue(201, Map.of(), body("2024-08-01-preview__PutSecurityConnector_example.json", "/responses/201/body"))
        .enqueue(200, Map.of("ETag", "\"e\""), body("2025-03-01__GetDevOpsConfigurations_example.json",
            "/responses/200/body"));
    client().createConnector(CreateConnectorOptions.of(ArmTestSupport.connector("mySecurityConnectorName",
        OrganizationSelection.allExistingAndFuture(), "alice"), AuthorizationCode.of("00000000000000000000")));

    JsonNode connector = JSON.readTree(http.requests().get(0).body());
    String guid = connector.at("/properties/hierarchyIdentifier").asText();
    assertThat(guid).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    ObjectNode expected = (ObjectNode) fixture("connector-put-azuredevops.json");
    expected.remove("_comment");
    ((ObjectNode) expected.get("properties")).put("hierarchyIdentifier", guid);
    assertThat(connector).isEqualTo(expected);

    ObjectNode expectedDevOps = (ObjectNode) fixture(
        "2025-03-01__CreateOrUpdateDevOpsConfigurationsOnboardSelected_example.json")
        .at("/parameters/devOpsConfiguration").deepCopy();
    ((ObjectNode) expectedDevOps.get("properties")).put("autoDiscovery", "Enabled").remove("topLevelInventoryList");
    assertThat(JSON.readTree(http.requests().get(1).body())).isEqualTo(expectedDevOps);
  }

  @Test
  void updateSendsTheUpdateExampleBodyAndIfMatch() throws IOException {
    http.enqueue(200, Map.of("ETag", "\"etag-2\""),
        body("2025-03-01__UpdateDevOpsConfigurations_example.json", "/responses/200/body"));
    DevOpsConfiguration updated = client().updateDevOpsConfiguration(ArmTestSupport.id("mySecurityConnectorName"),
        UpdateDevOpsConfigurationOptions.builder()
            .autoDiscovery(AutoDiscovery.ENABLED)
            .agentlessConfiguration(AgentlessConfiguration.builder()
                .agentlessEnabled("Enabled")
                .agentlessAutoDiscovery(AutoDiscovery.DISABLED)
                .addScanners("scanner1", "scanner2")
                .inventoryListType("Inclusion")
                .addInventoryList(AgentlessInventoryItem.of("AzureDevOpsOrganization", "org1"))
                .build())
            .ifMatch("etag-1")
            .build());

    Request patch = http.requests().get(0);
    assertThat(patch.method()).isEqualTo("PATCH");
    assertThat(patch.url()).isEqualTo(DEVOPS_URL + "?api-version=2025-03-01");
    assertThat(patch.headers()).containsEntry("if-match", "\"etag-1\"");
    assertThat(JSON.readTree(patch.body())).isEqualTo(
        fixture("2025-03-01__UpdateDevOpsConfigurations_example.json").at("/parameters/devOpsConfiguration"));
    assertThat(updated.etag()).contains("etag-2");
  }

  @Test
  void serviceVersion20240401UsesItsApiVersion() {
    http.enqueue(200, Map.of("ETag", "\"e\""), body("2025-03-01__GetDevOpsConfigurations_example.json",
        "/responses/200/body"));
    new DefenderConnectorClientBuilder().credential(identity("alice")).httpClient(http)
        .serviceVersion(DefenderConnectorServiceVersion.V2024_04_01).buildClient()
        .getDevOpsConfiguration(ArmTestSupport.id("mySecurityConnectorName"));
    assertThat(http.requests().get(0).url()).isEqualTo(DEVOPS_URL + "?api-version=2024-04-01");
  }

  @Test
  void serviceVersion20240401NeverSendsAgentlessSettingsItDoesNotHave() {
    DefenderConnectorClient client = new DefenderConnectorClientBuilder().credential(identity("alice"))
        .httpClient(http).serviceVersion(DefenderConnectorServiceVersion.V2024_04_01).buildClient();
    assertThatThrownBy(() -> client.updateDevOpsConfiguration(
        ArmTestSupport.id("mySecurityConnectorName"), UpdateDevOpsConfigurationOptions.builder()
            .agentlessConfiguration(AgentlessConfiguration.builder().agentlessEnabled("Enabled").build()).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2024-04-01")
        .hasMessageContaining("Nothing was sent");
    assertThat(http.requests()).isEmpty();
    assertThat(DefenderConnectorServiceVersion.V2025_03_01.hasAgentlessConfiguration()).isTrue();
  }

  @Test
  void pollingHonoursRetryAfterAndTreatsUnknownStatesAsInProgress() {
    String operation = DEVOPS_URL + "/operationResults/4e826cf1-5c36-4808-a7d2-fb4f5170978b?api-version=2025-03-01";
    http.enqueue(201, Map.of(), body("2024-08-01-preview__PutSecurityConnector_example.json", "/responses/201/body"))
        .enqueue(201, Map.of("Azure-AsyncOperation", operation, "Retry-After", "2"),
            body("2025-03-01__CreateOrUpdateDevOpsConfigurationsOnboardSelected_example.json", "/responses/201/body"))
        .enqueue(200, Map.of("Retry-After", "1"), "{\"status\":\"Provisioning\"}")
        .enqueue(200, Map.of(), "{\"status\":\"Accepted\"}")
        .enqueue(200, Map.of(), body("2025-03-01__GetDevOpsOperationResultsSucceeded_example.json",
            "/responses/200/body"))
        .enqueue(200, Map.of("ETag", "\"e\""), body(
            "2025-03-01__CreateOrUpdateDevOpsConfigurationsOnboardSelected_example.json", "/responses/200/body"));

    ArmDevOpsConnector created = client().createConnector(CreateConnectorOptions.of(
        ArmTestSupport.connector("mySecurityConnectorName", OrganizationSelection.explicit("org1", "org2"), "alice"),
        AuthorizationCode.of("00000000000000000000")));

    assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(5));
    assertThat(http.requests()).extracting(Request::method)
        .containsExactly("PUT", "PUT", "GET", "GET", "GET", "GET");
    assertThat(http.requests().get(2).url()).isEqualTo(operation);
    assertThat(http.requests().get(5).url()).isEqualTo(DEVOPS_URL + "?api-version=2025-03-01");
    assertThat(created.devOps().provisioningState()).contains(DevOpsProvisioningState.SUCCEEDED);
  }

  @Test
  void aFailedOperationWithTokenExchangeFailedIsATypedError() {
    String operation = DEVOPS_URL + "/operationResults/8d4caace-e7b3-4b3e-af99-73f76829ebcf?api-version=2025-03-01";
    http.enqueue(201, Map.of(), body("2024-08-01-preview__PutSecurityConnector_example.json", "/responses/201/body"))
        .enqueue(202, Map.of("Azure-AsyncOperation", operation), body(
            "2025-03-01__CreateOrUpdateDevOpsConfigurationsOnboardSelected_example.json", "/responses/202/body"))
        .enqueue(200, Map.of(), body("2025-03-01__GetDevOpsOperationResultsFailed_example.json",
            "/responses/200/body"));

    assertThatThrownBy(() -> client().createConnector(CreateConnectorOptions.of(
        ArmTestSupport.connector("mySecurityConnectorName", OrganizationSelection.explicit("org1"), "alice"),
        AuthorizationCode.of("00000000000000000000"))))
        .satisfies(Failures.kind(Kind.NOT_AUTHORIZED, "TokenExchangeFailed"))
        .hasMessageContaining("TokenExchangeFailed")
        .hasMessageContaining("expired or was already used")
        .hasMessageContaining("authorize again")
        .satisfies(e -> assertThat(Failures.error(e).code()).isEqualTo("TokenExchangeFailed"));
  }

  @Test
  void anOperationUrlOnAnotherHostIsNeverCalled() {
    http.enqueue(201, Map.of(), body("2024-08-01-preview__PutSecurityConnector_example.json", "/responses/201/body"))
        .enqueue(201, Map.of("Azure-AsyncOperation", "https://attacker.example/operationResults/1"), body(
            "2025-03-01__CreateOrUpdateDevOpsConfigurationsOnboardSelected_example.json", "/responses/201/body"));
    assertThatThrownBy(() -> client().createConnector(CreateConnectorOptions.of(
        ArmTestSupport.connector("mySecurityConnectorName", OrganizationSelection.explicit("org1"), "alice"),
        AuthorizationCode.of("00000000000000000000"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("another host");
    assertThat(http.requests()).hasSize(2);
    assertThat(http.requests()).noneMatch(s -> s.url().contains("attacker"));
  }

  @Test
  void aNextLinkOnAnotherHostIsNotFollowed() {
    http.enqueue(200, Map.of(), "{\"value\":[],\"nextLink\":\"https://attacker.example/page2\"}");
    assertThatThrownBy(() -> client().listConnectors(ArmTestSupport.SUBSCRIPTION).stream().count())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("another host");
    assertThat(http.requests()).hasSize(1);
  }

  @Test
  void aRepeatingNextLinkStopsTheIteration() {
    String first = ENDPOINT + "/subscriptions/0806e1cd-cfda-4ff8-b99c-2b0af42cffd3/providers/Microsoft.Security/"
        + "securityConnectors?api-version=2024-08-01-preview";
    http.enqueue(200, Map.of(), "{\"value\":[],\"nextLink\":\"" + first + "\"}");
    assertThatThrownBy(() -> client().listConnectors(ArmTestSupport.SUBSCRIPTION).stream().count())
        .isInstanceOf(ServiceException.class).hasCauseInstanceOf(HttpResponseException.class)
        .hasMessageContaining("same nextLink");
  }

  @Test
  void anArmErrorBecomesAnAzureCoreExceptionWithCodeAndRemediation() {
    http.enqueue(403, Map.of(), "{\"error\":{\"code\":\"AuthorizationFailed\",\"message\":\"The client 'bob' does "
        + "not have authorization to perform action 'Microsoft.Security/securityConnectors/read'.\"}}");
    assertThatThrownBy(() -> client().getConnector(ArmTestSupport.id("mySecurityConnectorName")))
        .isExactlyInstanceOf(ServiceException.class)
        .satisfies(e -> assertThat(e.getCause()).isExactlyInstanceOf(HttpResponseException.class))
        .hasMessageContaining("HTTP 403 (AuthorizationFailed)")
        .hasMessageContaining("GET " + CONNECTOR_URL + ":")
        .hasMessageContaining("Contributor or Security Admin")
        .satisfies(e -> {
          ServiceException failure = (ServiceException) e;
          assertThat(failure.kind()).isEqualTo(ServiceException.Kind.NOT_AUTHORIZED);
          assertThat(failure.statusCode()).isEqualTo(403);
          assertThat(failure.serviceErrorCode()).contains("AuthorizationFailed");
          assertThat(failure.remediation()).hasValueSatisfying(r -> assertThat(r).contains("Security Admin"));
          assertThat(Failures.response(e).getResponse().getStatusCode()).isEqualTo(403);
          assertThat(Failures.error(e).code()).isEqualTo("AuthorizationFailed");
        });
  }

  @Test
  void aFailureCarriesArmsRequestIdForASupportCase() {
    http.enqueue(404, Map.of("x-ms-request-id", "req-1", "x-ms-correlation-request-id", "corr-1"),
        "{\"error\":{\"code\":\"ResourceNotFound\",\"message\":\"gone\"}}");
    assertThatThrownBy(() -> client().getConnector(ArmTestSupport.id("mySecurityConnectorName")))
        .satisfies(Failures.kind(ServiceException.Kind.NOT_FOUND, "ResourceNotFound"))
        .satisfies(e -> assertThat(((ServiceException) e).requestId()).contains("req-1"));
    http.enqueue(404, Map.of("x-ms-correlation-request-id", "corr-2"), "{}");
    assertThatThrownBy(() -> client().getConnector(ArmTestSupport.id("mySecurityConnectorName")))
        .satisfies(e -> assertThat(((ServiceException) e).requestId()).contains("corr-2"))
        .satisfies(e -> assertThat(((ServiceException) e).serviceErrorCode()).isEmpty());
  }

  @Test
  void theCodeIsDestroyedAndAFailedSyncWriteIsReported() {
    AuthorizationCode code = AuthorizationCode.of("00000000000000000000");
    http.enqueue(201, Map.of(), body("2024-08-01-preview__PutSecurityConnector_example.json", "/responses/201/body"))
        .enqueue(400, Map.of(), "{\"error\":{\"code\":\"TokenExchangeFailed\",\"message\":\"AzureDevOps OAuth token "
            + "exchange failed\"}}");
    assertThatThrownBy(() -> client().createConnector(CreateConnectorOptions.of(
        ArmTestSupport.connector("mySecurityConnectorName", OrganizationSelection.explicit("org1"), "alice"), code)))
        .satisfies(Failures.kind(Kind.NOT_AUTHORIZED, "TokenExchangeFailed"));
    assertThat(code.isDestroyed()).isTrue();
    assertThatThrownBy(() -> client().createConnector(CreateConnectorOptions.of(
        ArmTestSupport.connector("mySecurityConnectorName", OrganizationSelection.explicit("org1"), "alice"), code)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already used and destroyed");
    assertThat(http.requests()).hasSize(2);
    assertThat(List.of(code.toString())).containsExactly("AuthorizationCode[****]");
  }

  @Test
  void deleteFollowsTheLocationHeaderWhenThereIsNoAsyncOperation() {
    String location = DEVOPS_URL + "/operationResults/d1?api-version=2025-03-01";
    http.enqueue(202, Map.of("Location", location), null)
        .enqueue(202, Map.of("Location", location), null)
        .enqueue(200, Map.of(), null)
        .enqueue(204, Map.of(), null);
    client().deleteConnector(ArmTestSupport.id("mySecurityConnectorName"));
    assertThat(http.requests()).extracting(Request::method)
        .containsExactly("DELETE", "GET", "GET", "DELETE");
    assertThat(http.requests().get(0).url()).isEqualTo(DEVOPS_URL + "?api-version=2025-03-01");
    assertThat(http.requests().get(1).url()).isEqualTo(location);
    assertThat(http.requests().get(3).url()).isEqualTo(CONNECTOR_URL + "?api-version=2024-08-01-preview");
    assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
  }

  @Test
  void anOperationThatNeverEndsTimesOut() {
    String operation = DEVOPS_URL + "/operationResults/slow?api-version=2025-03-01";
    http.enqueue(201, Map.of(), body("2024-08-01-preview__PutSecurityConnector_example.json", "/responses/201/body"))
        .enqueue(201, Map.of("Azure-AsyncOperation", operation, "Retry-After", "4"), body(
            "2025-03-01__CreateOrUpdateDevOpsConfigurationsOnboardSelected_example.json", "/responses/201/body"))
        .enqueue(200, Map.of("Retry-After", "4"), "{\"status\":\"InProgress\"}")
        .enqueue(200, Map.of("Retry-After", "4"), "{\"status\":\"InProgress\"}");
    DefenderConnectorClient client = new DefenderConnectorClientBuilder()
        .credential(identity("alice")).httpClient(http).sleeper(sleeper)
        .pollTimeout(Duration.ofSeconds(10)).buildClient();
    assertThatThrownBy(() -> client.createConnector(CreateConnectorOptions.of(
        ArmTestSupport.connector("mySecurityConnectorName", OrganizationSelection.explicit("org1"), "alice"),
        AuthorizationCode.of("00000000000000000000"))))
        .satisfies(Failures.kind(Kind.OPERATION_FAILED))
        .hasMessageContaining("Gave up waiting")
        .hasMessageContaining("still InProgress")
        .satisfies(e -> assertThat(((ServiceException) e).remediation()).hasValueSatisfying(
            r -> assertThat(r).contains("provisioningState")));
    assertThat(http.requests()).hasSize(4);
    assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(4));
  }

  @Test
  void aRejectedArmTokenOnListAvailableIsAnOrdinaryAuthenticationFailure() {
    http.enqueue(401, Map.of(), "{\"error\":{\"code\":\"ExpiredAuthenticationToken\",\"message\":\"The access "
        + "token expiry UTC time is earlier than current UTC time.\"}}");
    assertThatThrownBy(() -> client().listAvailableAzureDevOpsOrgs(ArmTestSupport.id("mySecurityConnectorName")))
        .isExactlyInstanceOf(ServiceException.class)
        .satisfies(e -> assertThat(e.getCause()).isExactlyInstanceOf(com.azure.core.exception.ClientAuthenticationException.class))
        .hasMessageContaining("ExpiredAuthenticationToken")
        .hasMessageContaining("Check the credential");
    assertThat(http.requests().get(0).method()).isEqualTo("POST");
    assertThat(http.requests().get(0).url()).isEqualTo(DEVOPS_URL + "/listAvailableAzureDevOpsOrgs?api-version=2025-03-01");
  }
}
