package io.github.devopsconnector.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.devopsconnector.core.AccessLevel;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.TenantId;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The ARM simulator's contract at the HTTP level: who may call, api-versions, etags, paging and its options. */
class ArmSimulatorTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONNECTORS = "/subscriptions/0806e1cd-cfda-4ff8-b99c-2b0af42cffd3/resourceGroups/rg"
      + "/providers/Microsoft.Security/securityConnectors";
  private static final String CONNECTOR_BODY = "{\"location\":\"centralus\",\"properties\":{\"hierarchyIdentifier\":"
      + "\"8b090c71-cfba-494d-87a6-e10b321a0d98\",\"environmentName\":\"AzureDevOps\",\"environmentData\":"
      + "{\"environmentType\":\"AzureDevOpsScope\"},\"offerings\":[{\"offeringType\":\"CspmMonitorAzureDevOps\"}]}}";

  private record Answer(int status, Map<String, List<String>> headers, JsonNode body) {
    String code() {
      return body.path("error").path("code").asText();
    }

    String header(String name) {
      return headers.entrySet().stream().filter(e -> name.equalsIgnoreCase(String.valueOf(e.getKey())))
          .findFirst().map(e -> e.getValue().get(0)).orElse(null);
    }
  }

  private static Answer call(ArmSimulator simulator, String method, String pathAndQuery, String token, String body,
      Map<String, String> headers) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) new URL(simulator.endpoint() + pathAndQuery).openConnection();
    connection.setRequestMethod(method);
    if (token != null) {
      connection.setRequestProperty("Authorization", "Bearer " + token);
    }
    headers.forEach(connection::setRequestProperty);
    if (body != null) {
      connection.setDoOutput(true);
      connection.setRequestProperty("Content-Type", "application/json");
      try (OutputStream out = connection.getOutputStream()) {
        out.write(body.getBytes(StandardCharsets.UTF_8));
      }
    }
    int status = connection.getResponseCode();
    InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
    byte[] bytes = stream == null ? new byte[0] : stream.readAllBytes();
    connection.disconnect();
    return new Answer(status, connection.getHeaderFields(), bytes.length == 0 ? JSON.createObjectNode()
        : JSON.readTree(bytes));
  }

  @Test
  void callersNeedASimulatorBearerToken() throws IOException {
    try (ArmSimulator simulator = ArmSimulator.builder().build().start()) {
      String list = CONNECTORS + "?api-version=2024-08-01-preview";
      assertThat(call(simulator, "GET", list, null, null, Map.of()))
          .satisfies(a -> assertThat(a.status()).isEqualTo(401))
          .satisfies(a -> assertThat(a.code()).isEqualTo("AuthenticationFailed"));
      assertThat(call(simulator, "GET", list, "eyJ.real.jwt", null, Map.of()).code())
          .isEqualTo("InvalidAuthenticationToken");
      assertThat(call(simulator, "GET", list, ArmSimulator.bearerToken("alice"), null, Map.of()).status())
          .isEqualTo(200);
      assertThat(simulator.counters().requests(ArmSimulator.Route.CONNECTORS_BY_RESOURCE_GROUP)).isEqualTo(3);
      assertThatThrownBy(() -> ArmSimulator.bearerToken("no spaces"))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void apiVersionsAreCheckedPerResourceType() throws IOException {
    try (ArmSimulator simulator = ArmSimulator.builder().build().start()) {
      String token = ArmSimulator.bearerToken("alice");
      assertThat(call(simulator, "GET", CONNECTORS, token, null, Map.of()).code())
          .isEqualTo("MissingApiVersionParameter");
      assertThat(call(simulator, "GET", CONNECTORS + "?api-version=2025-03-01", token, null, Map.of()).code())
          .isEqualTo("InvalidApiVersionParameter");
      assertThat(call(simulator, "GET", "/subscriptions/x/nothing?api-version=1", token, null, Map.of()).status())
          .isEqualTo(404);
      assertThat(simulator.counters().requests(ArmSimulator.Route.UNKNOWN)).isEqualTo(1);
    }
  }

  @Test
  void connectorWritesChangeTheEtagAndHonourIfMatch() throws IOException {
    try (ArmSimulator simulator = ArmSimulator.builder().build().start()) {
      String token = ArmSimulator.bearerToken("alice");
      String url = CONNECTORS + "/c1?api-version=2024-08-01-preview";
      Answer created = call(simulator, "PUT", url, token, CONNECTOR_BODY, Map.of());
      assertThat(created.status()).isEqualTo(201);
      String etag = created.body().path("etag").asText();
      assertThat(created.body().at("/systemData/createdBy").asText()).isEqualTo("alice");

      Answer stale = call(simulator, "PUT", url, token, CONNECTOR_BODY, Map.of("If-Match", "\"not-" + etag + "\""));
      assertThat(stale.status()).isEqualTo(412);
      assertThat(stale.code()).isEqualTo("PreconditionFailed");

      Answer replaced = call(simulator, "PUT", url, ArmSimulator.bearerToken("bob"), CONNECTOR_BODY,
          Map.of("If-Match", "\"" + etag + "\""));
      assertThat(replaced.status()).isEqualTo(200);
      assertThat(replaced.body().path("etag").asText()).isNotEqualTo(etag);
      assertThat(replaced.body().at("/systemData/createdBy").asText()).isEqualTo("alice");
      assertThat(replaced.body().at("/systemData/lastModifiedBy").asText()).isEqualTo("bob");

      assertThat(call(simulator, "DELETE", url, token, null, Map.of()).status()).isEqualTo(200);
      assertThat(call(simulator, "DELETE", url, token, null, Map.of()).status()).isEqualTo(204);
      assertThat(call(simulator, "GET", url, token, null, Map.of()).code()).isEqualTo("ResourceNotFound");
    }
  }

  @Test
  void listsArePagedAndForeignSkipTokensRefused() throws IOException {
    try (ArmSimulator simulator = ArmSimulator.builder().options(ArmSimulatorOptions.builder().pageSize(2).build()).build().start()) {
      String token = ArmSimulator.bearerToken("alice");
      for (int i = 0; i < 3; i++) {
        call(simulator, "PUT", CONNECTORS + "/c" + i + "?api-version=2024-08-01-preview", token, CONNECTOR_BODY,
            Map.of());
      }
      Answer first = call(simulator, "GET", CONNECTORS + "?api-version=2024-08-01-preview", token, null, Map.of());
      assertThat(first.body().path("value")).hasSize(2);
      String next = first.body().path("nextLink").asText();
      assertThat(next).startsWith(simulator.endpoint() + CONNECTORS);
      Answer second = call(simulator, "GET", next.substring(simulator.endpoint().length()), token, null, Map.of());
      assertThat(second.body().path("value")).hasSize(1);
      assertThat(second.body().has("nextLink")).isFalse();
      assertThat(call(simulator, "GET", CONNECTORS + "?api-version=2024-08-01-preview&$skipToken=abc", token, null,
          Map.of()).code()).isEqualTo("InvalidSkipToken");
    }
  }

  @Test
  void devOpsWritesAreLongRunningAndCodesWorkOnce() throws IOException {
    try (ArmSimulator simulator = ArmSimulator.builder().options(ArmSimulatorOptions.builder().pollsBeforeCompletion(1)
        .retryAfterSeconds(1).build()).build().start()) {
      String token = ArmSimulator.bearerToken("alice");
      call(simulator, "PUT", CONNECTORS + "/c1?api-version=2024-08-01-preview", token, CONNECTOR_BODY, Map.of());
      String devOps = CONNECTORS + "/c1/devops/default?api-version=2025-03-01";
      Answer accepted = call(simulator, "PUT", devOps, token,
          "{\"properties\":{\"authorization\":{\"code\":\"secret-code\"},\"autoDiscovery\":\"Enabled\"}}", Map.of());
      assertThat(accepted.status()).isEqualTo(201);
      assertThat(accepted.body().at("/properties/provisioningState").asText()).isEqualTo("Accepted");
      assertThat(accepted.body().toString()).doesNotContain("secret-code");
      assertThat(accepted.header("Retry-After")).isEqualTo("1");
      // As in the specification: devops/default has no etag.
      assertThat(accepted.header("ETag")).isNull();
      String operation = accepted.header("Azure-AsyncOperation");
      String operationPath = operation.substring(simulator.endpoint().length());
      assertThat(call(simulator, "GET", operationPath, token, null, Map.of()).body().path("status").asText())
          .isEqualTo("InProgress");
      assertThat(call(simulator, "GET", operationPath, token, null, Map.of()).body().path("status").asText())
          .isEqualTo("Succeeded");
      assertThat(simulator.authorizingIdentity(CONNECTORS + "/c1")).contains("alice");

      call(simulator, "PUT", CONNECTORS + "/c2?api-version=2024-08-01-preview", token, CONNECTOR_BODY, Map.of());
      Answer reused = call(simulator, "PUT", CONNECTORS + "/c2/devops/default?api-version=2025-03-01", token,
          "{\"properties\":{\"authorization\":{\"code\":\"secret-code\"}}}", Map.of());
      String reusedOperation = reused.header("Azure-AsyncOperation").substring(simulator.endpoint().length());
      call(simulator, "GET", reusedOperation, token, null, Map.of());
      JsonNode failed = call(simulator, "GET", reusedOperation, token, null, Map.of()).body();
      assertThat(failed.path("status").asText()).isEqualTo("Failed");
      assertThat(failed.at("/error/code").asText()).isEqualTo("TokenExchangeFailed");
      assertThat(simulator.authorizingIdentity(CONNECTORS + "/c2")).isEmpty();
    }
  }

  @Test
  void devOpsEtagsAreOffByDefaultAndIfMatchIgnoredUnlessTurnedOn() throws IOException {
    String body = "{\"properties\":{\"authorization\":{\"code\":\"c-1\"},\"autoDiscovery\":\"Enabled\"}}";
    String patch = "{\"properties\":{\"autoDiscovery\":\"Disabled\",\"topLevelInventoryList\":[\"a\"]}}";
    try (ArmSimulator simulator = ArmSimulator.builder().build().start()) {
      String token = ArmSimulator.bearerToken("alice");
      call(simulator, "PUT", CONNECTORS + "/c1?api-version=2024-08-01-preview", token, CONNECTOR_BODY, Map.of());
      String devOps = CONNECTORS + "/c1/devops/default?api-version=2025-03-01";
      call(simulator, "PUT", devOps, token, body, Map.of());
      Answer read = call(simulator, "GET", devOps, token, null, Map.of());
      assertThat(read.header("ETag")).isNull();
      assertThat(read.body().has("etag")).isFalse();
      Answer stale = call(simulator, "PUT", devOps, token, patch, Map.of("If-Match", "\"whatever\""));
      assertThat(stale.status()).isEqualTo(202);
    }
    try (ArmSimulator simulator = ArmSimulator.builder().options(ArmSimulatorOptions.builder().devOpsEtags(true).build()).build().start()) {
      String token = ArmSimulator.bearerToken("alice");
      call(simulator, "PUT", CONNECTORS + "/c1?api-version=2024-08-01-preview", token, CONNECTOR_BODY, Map.of());
      String devOps = CONNECTORS + "/c1/devops/default?api-version=2025-03-01";
      call(simulator, "PUT", devOps, token, body, Map.of());
      assertThat(call(simulator, "GET", devOps, token, null, Map.of()).header("ETag")).isNotBlank();
      assertThat(call(simulator, "PUT", devOps, token, patch, Map.of("If-Match", "\"whatever\"")).status())
          .isEqualTo(412);
    }
  }

  @Test
  void aLostResponseStillTookEffectAndReadingCompletesTheOperation() throws IOException {
    try (ArmSimulator simulator = ArmSimulator.builder().options(ArmSimulatorOptions.builder().pollsBeforeCompletion(1).build()).build().start()) {
      String token = ArmSimulator.bearerToken("alice");
      call(simulator, "PUT", CONNECTORS + "/c1?api-version=2024-08-01-preview", token, CONNECTOR_BODY, Map.of());
      simulator.loseResponses(ArmSimulator.Route.DEVOPS_CONFIGURATION, "PUT", 1,
          ArmSimulator.LostResponse.GATEWAY_TIMEOUT);
      String devOps = CONNECTORS + "/c1/devops/default?api-version=2025-03-01";
      Answer lost = call(simulator, "PUT", devOps, token,
          "{\"properties\":{\"authorization\":{\"code\":\"c-2\"},\"autoDiscovery\":\"Enabled\"}}", Map.of());
      assertThat(lost.status()).isEqualTo(504);
      assertThat(simulator.authorizingIdentity(CONNECTORS + "/c1")).contains("alice");
      assertThat(call(simulator, "GET", devOps, token, null, Map.of()).body().at("/properties/provisioningState")
          .asText()).isEqualTo("Accepted");
      assertThat(call(simulator, "GET", devOps, token, null, Map.of()).body().at("/properties/provisioningState")
          .asText()).isEqualTo("Succeeded");
    }
  }

  @Test
  void subscriptionBudgetsAreReportedAndEnforcedWith429() throws IOException {
    try (ArmSimulator simulator = ArmSimulator.builder().options(ArmSimulatorOptions.builder().readBudget(3)
        .readRefillPerSecond(1).clock(java.time.Clock.fixed(java.time.Instant.parse("2025-01-01T00:00:00Z"),
            java.time.ZoneOffset.UTC)).build()).build().start()) {
      String token = ArmSimulator.bearerToken("alice");
      String url = CONNECTORS + "?api-version=2024-08-01-preview";
      assertThat(call(simulator, "GET", url, token, null, Map.of())
          .header("x-ms-ratelimit-remaining-subscription-reads")).isEqualTo("2");
      call(simulator, "GET", url, token, null, Map.of());
      assertThat(call(simulator, "GET", url, token, null, Map.of())
          .header("x-ms-ratelimit-remaining-subscription-reads")).isEqualTo("0");
      Answer throttled = call(simulator, "GET", url, token, null, Map.of());
      assertThat(throttled.status()).isEqualTo(429);
      assertThat(throttled.code()).isEqualTo("SubscriptionRequestsThrottled");
      assertThat(throttled.header("Retry-After")).isEqualTo("1");
      assertThat(simulator.counters().throttledResponses()).isEqualTo(1);
      assertThat(call(simulator, "PUT", CONNECTORS + "/c1?api-version=2024-08-01-preview", token, CONNECTOR_BODY,
          Map.of()).header("x-ms-ratelimit-remaining-subscription-writes")).isEqualTo("199");
    }
  }

  @Test
  void optionsAreValidatedAndNeverShowExpiredCodes() {
    ArmSimulatorOptions options = ArmSimulatorOptions.builder().addExpiredCodes("hidden-code").build();
    assertThat(options.toString()).doesNotContain("hidden-code");
    assertThatThrownBy(() -> ArmSimulatorOptions.builder().pageSize(0).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ArmSimulator.builder().faultRate(1.5).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("fault rate");
    assertThatThrownBy(() -> ArmSimulator.builder().faultRate(0.5).faults(java.util.EnumSet.noneOf(
        ArmSimulator.Fault.class)).build()).isInstanceOf(IllegalStateException.class).hasMessageContaining("faults");
    assertThatThrownBy(() -> ArmSimulator.builder().latency(java.time.Duration.ofMillis(-1)).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("latency");
    assertThatThrownBy(() -> ArmSimulatorOptions.builder().inProgressStatus("Running").build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void organizationsCanComeFromAnEstate() {
    Estate estate = ImmutableEstate.builder()
        .tenantId(TenantId.parse("72f988bf-86f1-41af-91ab-2d7cd011db47"))
        .user(EstateUser.of("0b6f0f6e-3f4a-4f57-9d0a-2b5a6a2f1c11", "Alice", "alice@contoso.com"))
        .addOnboardedElsewhere(OrganizationName.parse("taken"))
        .addOrganizations(EstateOrganization.builder().name(OrganizationName.parse("mine"))
            .accessLevel(AccessLevel.BASIC)
            .addProjects(EstateProject.builder().id("p1").name("web")
                .addRepositories(EstateRepository.of("r1", "site", Optional.of("refs/heads/main"))).build())
            .build())
        .addOrganizations(EstateOrganization.builder().name(OrganizationName.parse("taken")).build())
        .build();
    List<ArmSimulatorOrganization> organizations = ArmSimulatorOrganization.fromEstate(estate);
    assertThat(organizations).extracting(ArmSimulatorOrganization::name).containsExactly("mine", "taken");
    assertThat(organizations.get(0).projects()).containsEntry("web", List.of("site"));
    assertThat(organizations.get(1).onboardedByOtherConnector()).isTrue();
  }

  @Test
  void builtInRolesGrantWhatAzureGrants() {
    String write = "Microsoft.Security/securityConnectors/write";
    assertThat(ArmSimulatorPermissions.owner().grants(write)).isTrue();
    assertThat(ArmSimulatorPermissions.contributor().grants(write)).isTrue();
    assertThat(ArmSimulatorPermissions.contributor().grants("Microsoft.Authorization/roleAssignments/write")).isFalse();
    assertThat(ArmSimulatorPermissions.securityAdmin().grants(write)).isTrue();
    assertThat(ArmSimulatorPermissions.securityReader().grants(write)).isFalse();
    assertThat(ArmSimulatorPermissions.securityReader().grants("Microsoft.Security/securityConnectors/read")).isTrue();
    assertThat(ArmSimulatorPermissions.reader().grants(write)).isFalse();
  }
}
