package io.github.devopsconnector.arm;

import io.github.devopsconnector.arm.implementation.ArmDtos.DevOpsConfigurationDto;
import io.github.devopsconnector.arm.implementation.ArmDtos.DevOpsResourceDto;
import io.github.devopsconnector.arm.implementation.ArmDtos.OperationStatusDto;
import io.github.devopsconnector.arm.implementation.ArmDtos.SecurityConnectorDto;
import io.github.devopsconnector.arm.implementation.ArmModels;
import io.github.devopsconnector.core.ConnectorId;
import io.github.devopsconnector.arm.models.SecurityConnector;
import io.github.devopsconnector.arm.models.OnboardingState;
import io.github.devopsconnector.arm.models.DevOpsProvisioningState;
import io.github.devopsconnector.arm.models.DevOpsConfiguration;
import io.github.devopsconnector.arm.models.AzureDevOpsRepositoryResource;
import io.github.devopsconnector.arm.models.AzureDevOpsOrganizationResource;
import io.github.devopsconnector.arm.models.AutoDiscovery;
import io.github.devopsconnector.arm.models.ArmSystemData;
import io.github.devopsconnector.arm.models.ArmError;
import io.github.devopsconnector.arm.models.AgentlessInventoryItem;
import io.github.devopsconnector.arm.models.AgentlessConfiguration;
import static io.github.devopsconnector.arm.ArmTestSupport.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.devopsconnector.arm.implementation.ArmErrors;
import io.github.devopsconnector.core.AzureRegion;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.OrganizationSelection;
import java.io.File;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every recorded ARM example payload parses into the client's models, with the values it holds. */
class FixturePayloadsTest {

  @Test
  void everyCopiedFixtureIsCoveredByThisTest() throws URISyntaxException {
    File folder = new File(ArmTestSupport.class.getResource("/arm").toURI());
    List<String> names = Arrays.stream(folder.list()).filter(n -> n.contains("__")).sorted()
        .collect(Collectors.toList());
    // Each copied example is replayed by the contract test, and each one the contract test names is copied.
    assertThat(names).containsExactlyInAnyOrderElementsOf(java.util.stream.Stream.concat(
        SpecExamplesContractTest.examples().map(SpecExamplesContractTest.Case::file),
        GitLabSpecExamplesContractTest.examples().map(GitLabSpecExamplesContractTest.Case::file))
        .collect(Collectors.toList()));
  }

  @Test
  void securityConnectorGetParsesTheAwsExampleWithItsDisplayNameLocation() {
    JsonNode body = fixture("2024-08-01-preview__GetSecurityConnectorSingleResource_example.json")
        .at("/responses/200/body");
    SecurityConnector connector = connector(body, Optional.empty());
    assertThat(connector.name()).isEqualTo("exampleSecurityConnectorName");
    assertThat(connector.etag()).contains("etag value");
    assertThat(connector.environmentName()).contains("AWS");
    assertThat(connector.environmentType()).contains("AwsAccount");
    assertThat(connector.offeringTypes()).containsExactly("CspmMonitorAws");
    assertThat(connector.offerings()).isEmpty();
    assertThat(connector.platform()).isEmpty();
    assertThat(connector.region()).contains(AzureRegion.CENTRAL_US);
    assertThat(connector.hierarchyIdentifier()).contains("exampleHierarchyId");
    assertThat(connector.connectorId().name().value()).isEqualTo("exampleSecurityConnectorName");
    assertThat(connector.systemData().flatMap(ArmSystemData::createdBy)).contains("user@contoso.com");
    assertThat(connector.systemData().flatMap(ArmSystemData::lastModifiedAt).map(Object::toString))
        .contains("2021-08-31T13:47:50.328Z");
  }

  @Test
  void securityConnectorPutResponsesParseAndAnEmptyEtagCountsAsNone() {
    JsonNode example = fixture("2024-08-01-preview__PutSecurityConnector_example.json");
    for (String status : List.of("200", "201")) {
      SecurityConnector connector = connector(example.at("/responses/" + status + "/body"),
          Optional.empty());
      assertThat(connector.id()).endsWith("/securityConnectors/exampleSecurityConnectorName");
      assertThat(connector.etag()).isEmpty();
      assertThat(connector.tags()).isEmpty();
    }
    SecurityConnector withHeader = connector(example.at("/responses/200/body"),
        Optional.of("\"abc\""));
    assertThat(withHeader.etag()).contains("abc");
  }

  @Test
  void securityConnectorDeleteHasNoBodies() {
    JsonNode example = fixture("2024-08-01-preview__DeleteSecurityConnector_example.json");
    assertThat(example.at("/responses/200").size()).isZero();
    assertThat(example.at("/responses/204").size()).isZero();
    assertThat(ConnectorId.of(ArmTestSupport.SUBSCRIPTION, ArmTestSupport.RESOURCE_GROUP,
        io.github.devopsconnector.core.ConnectorName.parse(example.at("/parameters/securityConnectorName").asText()))
        .resourceId()).endsWith("/securityConnectors/mySecurityConnectorName");
  }

  @Test
  void devOpsConfigurationResponsesParseIncludingTheUndocumentedAcceptedState() {
    JsonNode example = fixture("2025-03-01__CreateOrUpdateDevOpsConfigurationsOnboardSelected_example.json");
    DevOpsConfiguration done = configuration(example.at("/responses/200/body"), Optional.empty());
    assertThat(done.provisioningState()).contains(DevOpsProvisioningState.SUCCEEDED);
    assertThat(done.autoDiscovery()).contains(AutoDiscovery.DISABLED);
    assertThat(done.topLevelInventoryList()).containsExactly("org1", "org2");
    assertThat(done.organizationSelection()).isEqualTo(OrganizationSelection.explicit("org1", "org2"));
    for (String status : List.of("201", "202")) {
      DevOpsConfiguration accepted = configuration(example.at("/responses/" + status + "/body"),
          Optional.of("W/\"e1\""));
      assertThat(accepted.provisioningState()).contains(DevOpsProvisioningState.ACCEPTED);
      assertThat(accepted.provisioningState().get().isTerminal()).isFalse();
      assertThat(accepted.etag()).contains("e1");
      assertThat(example.at("/responses/" + status + "/headers/Azure-AsyncOperation").asText())
          .contains("/devops/default/operationResults/");
    }
  }

  @Test
  void devOpsConfigurationGetIsAutoDiscovery() {
    DevOpsConfiguration configuration = configuration(
        fixture("2025-03-01__GetDevOpsConfigurations_example.json").at("/responses/200/body"), Optional.empty());
    assertThat(configuration.autoDiscovery()).contains(AutoDiscovery.ENABLED);
    assertThat(configuration.organizationSelection()).isEqualTo(OrganizationSelection.allExistingAndFuture());
    assertThat(configuration.id()).endsWith("/mySecurityConnectorName/devops/default");
  }

  @Test
  void devOpsConfigurationUpdateResponsesParseTheAgentlessSettings() {
    JsonNode example = fixture("2025-03-01__UpdateDevOpsConfigurations_example.json");
    DevOpsConfiguration done = configuration(example.at("/responses/200/body"), Optional.empty());
    AgentlessConfiguration agentless = done.agentlessConfiguration().orElseThrow();
    assertThat(agentless.agentlessEnabled()).contains("Enabled");
    assertThat(agentless.agentlessAutoDiscovery()).contains(AutoDiscovery.DISABLED);
    assertThat(agentless.scanners()).containsExactly("scanner1", "scanner2");
    assertThat(agentless.inventoryListType()).contains("Inclusion");
    assertThat(agentless.inventoryList()).containsExactly(AgentlessInventoryItem.of("AzureDevOpsOrganization", "org1"));
    DevOpsConfiguration accepted = configuration(example.at("/responses/202/body"), Optional.empty());
    assertThat(accepted.autoDiscovery()).isEmpty();
    assertThat(accepted.provisioningState()).contains(DevOpsProvisioningState.ACCEPTED);
  }

  @Test
  void operationResultsParseTheirStatusAndTheTokenExchangeError() {
    JsonNode succeeded = fixture("2025-03-01__GetDevOpsOperationResultsSucceeded_example.json")
        .at("/responses/200/body");
    assertThat(succeeded.path("status").asText()).isEqualTo("Succeeded");
    assertThat(ArmErrors.parse(bind(succeeded, OperationStatusDto.class).error())).isEmpty();
    JsonNode failed = fixture("2025-03-01__GetDevOpsOperationResultsFailed_example.json").at("/responses/200/body");
    assertThat(failed.path("status").asText()).isEqualTo("Failed");
    assertThat(ArmErrors.parse(bind(failed, OperationStatusDto.class).error())).contains(ArmError.of("TokenExchangeFailed",
        "AzureDevOps OAuth token exchange failed"));
  }

  @Test
  void organizationPayloadsParseWithTheirOnboardingStates() {
    AzureDevOpsOrganizationResource single = org(fixture("2025-03-01__GetAzureDevOpsOrgs_example.json")
        .at("/responses/200/body"));
    assertThat(single.name()).isEqualTo("myAzDevOpsOrg");
    assertThat(single.onboardingState()).contains(OnboardingState.ONBOARDED);
    assertThat(single.actionableRemediationState()).contains("Enabled");

    JsonNode list = fixture("2025-03-01__ListAzureDevOpsOrgs_example.json").at("/responses/200/body");
    assertThat(list.path("nextLink").isMissingNode()).isTrue();
    assertThat(org(list.at("/value/0")).provisioningState()).contains(DevOpsProvisioningState.SUCCEEDED);

    JsonNode available = fixture("2025-03-01__ListAvailableAzureDevOpsOrgs_example.json").at("/responses/200/body/value");
    assertThat(available).hasSize(3);
    assertThat(org(available.get(1)).onboardingState()).contains(OnboardingState.ONBOARDED_BY_OTHER_CONNECTOR);
    AzureDevOpsOrganizationResource notOnboarded = org(available.get(2));
    assertThat(notOnboarded.onboardingState()).contains(OnboardingState.NOT_ONBOARDED);
    assertThat(notOnboarded.provisioningState()).isEmpty();
    assertThat(notOnboarded.actionableRemediationState()).contains("None");
  }

  @Test
  void repositoryPayloadsParseWithoutUrlOrVisibility() {
    AzureDevOpsRepositoryResource single = repository(fixture("2025-03-01__GetAzureDevOpsRepos_example.json")
        .at("/responses/200/body"));
    assertThat(single.name()).isEqualTo("myAzDevOpsRepo");
    assertThat(single.parentOrgName()).contains("myAzDevOpsOrg");
    assertThat(single.parentProjectName()).contains("myAzDevOpsProject");
    assertThat(single.repoId()).contains("cb64ab91-c9ba-46df-b44c-c769358bccdf");
    assertThat(single.repoUrl()).isEmpty();
    assertThat(single.visibility()).isEmpty();
    JsonNode list = fixture("2025-03-01__ListAzureDevOpsRepos_example.json").at("/responses/200/body/value");
    assertThat(repository(list.get(0))).isEqualTo(single);
  }

  @Test
  void unknownEnumValuesAreKeptAsTheyCame() {
    ObjectNode body = (ObjectNode) fixture("2025-03-01__GetAzureDevOpsOrgs_example.json").at("/responses/200/body")
        .deepCopy();
    ((ObjectNode) body.get("properties")).put("onboardingState", "PartiallyOnboarded")
        .put("provisioningState", "Reticulating");
    AzureDevOpsOrganizationResource org = org(body);
    assertThat(org.onboardingState().map(OnboardingState::value)).contains("PartiallyOnboarded");
    assertThat(OnboardingState.values()).doesNotContain(org.onboardingState().get());
    assertThat(org.provisioningState().get().isTerminal()).isFalse();
    assertThat(OnboardingState.fromString("onboarded")).isSameAs(OnboardingState.ONBOARDED);
    assertThat(AutoDiscovery.fromString("Sometimes")).isEqualTo(AutoDiscovery.fromString("SOMETIMES"));
  }

  @Test
  void anEmptyDisabledListReadsAsAllExisting() {
    ObjectNode body = (ObjectNode) fixture("2025-03-01__GetDevOpsConfigurations_example.json")
        .at("/responses/200/body").deepCopy();
    ((ObjectNode) body.get("properties")).put("autoDiscovery", "Disabled");
    assertThat(configuration(body, Optional.empty()).organizationSelection())
        .isEqualTo(OrganizationSelection.allExisting());
    assertThat(OrganizationSelection.explicit(List.of(OrganizationName.parse("org1"))).kind())
        .isEqualTo(OrganizationSelection.Kind.EXPLICIT);
  }

  /** A payload bound as the client binds it: strictly, through connector-http's JSON mapper. */
  private static <T> T bind(JsonNode json, Class<T> type) {
    return io.github.devopsconnector.http.Json.decode(json.toString().getBytes(StandardCharsets.UTF_8), type);
  }

  private static SecurityConnector connector(JsonNode json, Optional<String> etag) {
    return ArmModels.securityConnector(bind(json, SecurityConnectorDto.class), etag);
  }

  private static DevOpsConfiguration configuration(JsonNode json, Optional<String> etag) {
    return ArmModels.devOpsConfiguration(bind(json, DevOpsConfigurationDto.class), etag);
  }

  private static AzureDevOpsOrganizationResource org(JsonNode json) {
    return ArmModels.org(bind(json, DevOpsResourceDto.class));
  }

  private static AzureDevOpsRepositoryResource repository(JsonNode json) {
    return ArmModels.repository(bind(json, DevOpsResourceDto.class));
  }
}
