package io.github.devopsconnector.arm;

import io.github.devopsconnector.core.ServiceException.Kind;
import io.github.devopsconnector.arm.models.SecurityConnector;
import io.github.devopsconnector.arm.models.OnboardingState;
import io.github.devopsconnector.arm.models.DevOpsConfiguration;
import io.github.devopsconnector.arm.models.CreateConnectorOptions;
import io.github.devopsconnector.arm.models.AzureDevOpsRepositoryResource;
import io.github.devopsconnector.arm.models.AzureDevOpsProjectResource;
import io.github.devopsconnector.arm.models.AzureDevOpsOrganizationResource;
import io.github.devopsconnector.arm.models.ArmSystemData;
import io.github.devopsconnector.arm.models.ArmDevOpsConnector;
import static io.github.devopsconnector.arm.ArmTestSupport.RESOURCE_GROUP;
import static io.github.devopsconnector.arm.ArmTestSupport.SUBSCRIPTION;
import static io.github.devopsconnector.arm.ArmTestSupport.client;
import static io.github.devopsconnector.arm.ArmTestSupport.connector;
import static io.github.devopsconnector.arm.ArmTestSupport.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.azure.core.exception.ResourceNotFoundException;
import com.azure.core.http.rest.PagedResponse;
import io.github.devopsconnector.arm.ArmTestSupport.RecordingSleeper;
import io.github.devopsconnector.core.AuthorizationCode;
import io.github.devopsconnector.core.Connector;
import io.github.devopsconnector.core.ConnectorName;
import io.github.devopsconnector.core.Identity;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.ResourceGroupName;
import io.github.devopsconnector.testing.ArmSimulator;
import io.github.devopsconnector.testing.ArmSimulator.Route;
import io.github.devopsconnector.testing.ArmSimulatorOptions;
import io.github.devopsconnector.testing.ArmSimulatorOrganization;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Reading connectors, their configuration and inventory from the ARM simulator. */
class ReadConnectorTest {

  private final RecordingSleeper sleeper = new RecordingSleeper();

  private static ArmSimulatorOptions.Builder options() {
    return ArmSimulatorOptions.builder()
        .addOrganizations(ArmSimulatorOrganization.builder().name("org1")
            .putProjects("web", List.of("site", "api"))
            .putProjects("My Project", List.of("infra"))
            .build())
        .addOrganizations(ArmSimulatorOrganization.of("org2"))
        .addOrganizations(ArmSimulatorOrganization.onboardedElsewhere("taken"));
  }

  @Test
  void listsFollowEveryNextLink() {
    try (ArmSimulator simulator = ArmSimulator.builder().options(options().pageSize(3).asyncOperations(false).build()).build().start()) {
      DefenderConnectorClient client = client(simulator, "alice", sleeper);
      for (int i = 1; i <= 7; i++) {
        client.createConnector(CreateConnectorOptions.of(connector("connector-" + i,
            OrganizationSelection.explicit("org2"), "alice"), AuthorizationCode.of("code-" + i)));
      }
      Connector elsewhere = Connector.restore(ConnectorName.parse("other-group"), SUBSCRIPTION,
          ResourceGroupName.parse("otherRg"), io.github.devopsconnector.core.AzureRegion.EAST_US,
          io.github.devopsconnector.core.DevOpsPlatform.AZURE_DEVOPS,
          List.of(io.github.devopsconnector.core.Offering.CSPM_MONITOR_AZURE_DEVOPS),
          OrganizationSelection.explicit("org1"), Identity.of("alice"), ArmTestSupport.TENANT);
      client.createConnector(CreateConnectorOptions.of(elsewhere, AuthorizationCode.of("code-other")));
      simulator.counters().reset();

      List<String> inGroup = client.listConnectors(SUBSCRIPTION, RESOURCE_GROUP).stream()
          .map(SecurityConnector::name).collect(Collectors.toList());
      assertThat(inGroup).containsExactly("connector-1", "connector-2", "connector-3", "connector-4", "connector-5",
          "connector-6", "connector-7");
      assertThat(simulator.counters().requests(Route.CONNECTORS_BY_RESOURCE_GROUP)).isEqualTo(3);

      List<PagedResponse<SecurityConnector>> pages = client.listConnectors(SUBSCRIPTION).streamByPage()
          .collect(Collectors.toList());
      assertThat(pages).extracting(p -> p.getValue().size()).containsExactly(3, 3, 2);
      assertThat(pages.get(2).getContinuationToken()).isNull();
      assertThat(pages.stream().flatMap(p -> p.getValue().stream()).map(SecurityConnector::name))
          .contains("other-group").hasSize(8);
      assertThat(simulator.counters().requests(Route.CONNECTORS_BY_SUBSCRIPTION)).isEqualTo(3);
    }
  }

  @Test
  void getReadsTheConnectorTheConfigurationAndItsEtag() {
    try (ArmSimulator simulator = ArmSimulator.builder().options(options().build()).build().start()) {
      DefenderConnectorClient client = client(simulator, "alice", sleeper);
      client.createConnector(CreateConnectorOptions.of(connector("read-me", OrganizationSelection.explicit("org1"),
          "alice"), AuthorizationCode.of("code")));

      SecurityConnector resource = client.getConnector(id("read-me"));
      assertThat(resource.connectorId()).isEqualTo(id("read-me"));
      assertThat(resource.etag()).isPresent();
      assertThat(resource.region()).contains(io.github.devopsconnector.core.AzureRegion.CENTRAL_US);
      assertThat(resource.systemData().flatMap(ArmSystemData::createdBy)).contains("alice");

      DevOpsConfiguration devOps = client.getDevOpsConfiguration(id("read-me"));
      // As in the specification, the configuration has no etag.
      assertThat(devOps.etag()).isEmpty();
      assertThat(devOps.provisioningStatusMessage()).contains("OK");
      assertThat(devOps.provisioningStatusUpdateTime()).isPresent();

      ArmDevOpsConnector both = client.getDevOpsConnector(id("read-me"));
      assertThat(both.ownerFromSystemData()).contains(Identity.of("alice"));
      Connector model = both.toConnector(Identity.of("alice"), ArmTestSupport.TENANT);
      assertThat(model).isEqualTo(connector("read-me", OrganizationSelection.explicit("org1"), "alice"));
    }
  }

  @Test
  void aMissingConnectorIsResourceNotFoundWithCodeAndRemedy() {
    try (ArmSimulator simulator = ArmSimulator.builder().build().start()) {
      assertThatThrownBy(() -> client(simulator, "alice", sleeper).getConnector(id("nowhere")))
          .satisfies(Failures.kind(Kind.NOT_FOUND))
          .hasMessageContaining("HTTP 404 (ResourceNotFound)")
          .hasMessageContaining("Check the subscription, resource group and names");
    }
  }

  @Test
  void inventoryChildrenHaveTheirOnboardingState() {
    try (ArmSimulator simulator = ArmSimulator.builder().options(options().pageSize(1).build()).build().start()) {
      DefenderConnectorClient client = client(simulator, "alice", sleeper);
      client.createConnector(CreateConnectorOptions.of(connector("inventory",
          OrganizationSelection.explicit("org1", "taken"), "alice"), AuthorizationCode.of("code")));

      assertThat(client.listAzureDevOpsOrgs(id("inventory")).stream().map(AzureDevOpsOrganizationResource::name))
          .containsExactly("org1");
      AzureDevOpsOrganizationResource org = client.getAzureDevOpsOrg(id("inventory"), "org1");
      assertThat(org.onboardingState()).contains(OnboardingState.ONBOARDED);

      List<AzureDevOpsProjectResource> projects = client.listAzureDevOpsProjects(id("inventory"), "org1").stream()
          .collect(Collectors.toList());
      assertThat(projects).extracting(AzureDevOpsProjectResource::name).containsExactly("web", "My Project");
      assertThat(simulator.counters().requests(Route.AZURE_DEVOPS_PROJECTS)).isEqualTo(2);
      AzureDevOpsProjectResource spaced = client.getAzureDevOpsProject(id("inventory"), "org1", "My Project");
      assertThat(spaced.parentOrgName()).contains("org1");
      assertThat(spaced.projectId()).isPresent();

      List<AzureDevOpsRepositoryResource> repos = client.listAzureDevOpsRepos(id("inventory"), "org1", "web").stream()
          .collect(Collectors.toList());
      assertThat(repos).extracting(AzureDevOpsRepositoryResource::name).containsExactly("site", "api");
      AzureDevOpsRepositoryResource repo = client.getAzureDevOpsRepo(id("inventory"), "org1", "My Project", "infra");
      assertThat(repo.repoUrl()).contains("https://dev.azure.com/org1/My%20Project/_git/infra");
      assertThat(repo.onboardingState()).contains(OnboardingState.ONBOARDED);

      assertThatThrownBy(() -> client.getAzureDevOpsOrg(id("inventory"), "taken"))
          .satisfies(Failures.kind(Kind.NOT_FOUND));

      List<AzureDevOpsOrganizationResource> available = client.listAvailableAzureDevOpsOrgs(id("inventory"));
      assertThat(available).extracting(AzureDevOpsOrganizationResource::name, o -> o.onboardingState().orElseThrow())
          .containsExactly(
              tuple("org1", OnboardingState.ONBOARDED),
              tuple("org2", OnboardingState.NOT_ONBOARDED),
              tuple("taken", OnboardingState.ONBOARDED_BY_OTHER_CONNECTOR));
    }
  }

  @Test
  void anOrganizationBelongsToTheConnectorThatOnboardedItFirst() {
    try (ArmSimulator simulator = ArmSimulator.builder().options(options().build()).build().start()) {
      DefenderConnectorClient client = client(simulator, "alice", sleeper);
      client.createConnector(CreateConnectorOptions.of(connector("first", OrganizationSelection.explicit("org1"),
          "alice"), AuthorizationCode.of("code-1")));
      client.createConnector(CreateConnectorOptions.of(connector("second",
          OrganizationSelection.allExistingAndFuture(), "alice"), AuthorizationCode.of("code-2")));
      assertThat(client.listAvailableAzureDevOpsOrgs(id("second")))
          .filteredOn(o -> o.name().equals("org1")).singleElement()
          .satisfies(o -> assertThat(o.onboardingState()).contains(OnboardingState.ONBOARDED_BY_OTHER_CONNECTOR));
      assertThat(client.listAzureDevOpsOrgs(id("second")).stream().map(AzureDevOpsOrganizationResource::name))
          .containsExactly("org2");
    }
  }

  @Test
  void listAvailableIsRefusedToAnyoneButTheAuthorizingIdentity() {
    try (ArmSimulator simulator = ArmSimulator.builder().options(options().build()).build().start()) {
      client(simulator, "alice", sleeper).createConnector(CreateConnectorOptions.of(connector("owned",
          OrganizationSelection.explicit("org1"), "alice"), AuthorizationCode.of("code")));
      DefenderConnectorClient bob = client(simulator, "bob", sleeper);
      assertThat(bob.getConnector(id("owned")).name()).isEqualTo("owned");
      assertThatThrownBy(() -> bob.listAvailableAzureDevOpsOrgs(id("owned")))
          .satisfies(Failures.notAuthorizingIdentity())
          .hasMessageContaining("HTTP 401")
          .hasMessageContaining("not the identity that authorized the connector")
          .hasMessageContaining("Re-authorize")
          .satisfies(e -> assertThat(Failures.response(e).getResponse().getStatusCode()).isEqualTo(401));
      assertThatThrownBy(() -> bob.findOrganizationsOnboardedElsewhere(id("owned")))
          .satisfies(Failures.notAuthorizingIdentity());
    }
  }
}
