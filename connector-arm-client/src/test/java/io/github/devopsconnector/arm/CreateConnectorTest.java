package io.github.devopsconnector.arm;

import com.azure.core.exception.HttpResponseException;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.ServiceException.Kind;
import io.github.devopsconnector.arm.models.DevOpsProvisioningState;
import io.github.devopsconnector.arm.models.DevOpsConfiguration;
import io.github.devopsconnector.arm.models.CreateConnectorOptions;
import io.github.devopsconnector.arm.models.AzureDevOpsOrganizationResource;
import io.github.devopsconnector.arm.models.AutoDiscovery;
import io.github.devopsconnector.arm.models.ArmDevOpsConnector;
import static io.github.devopsconnector.arm.ArmTestSupport.client;
import static io.github.devopsconnector.arm.ArmTestSupport.connector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devopsconnector.arm.ArmTestSupport.RecordingSleeper;
import io.github.devopsconnector.core.AuthorizationCode;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.testing.ArmSimulator;
import io.github.devopsconnector.testing.ArmSimulator.Route;
import io.github.devopsconnector.testing.ArmSimulatorOptions;
import io.github.devopsconnector.testing.ArmSimulatorOrganization;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Creating connectors against the ARM simulator: synchronous and long-running writes, and failed exchanges. */
class CreateConnectorTest {

  private final RecordingSleeper sleeper = new RecordingSleeper();

  private static ArmSimulatorOptions.Builder options() {
    return ArmSimulatorOptions.builder()
        .addOrganizations(ArmSimulatorOrganization.builder().name("org1").putProjects("web", List.of("site")).build())
        .addOrganizations(ArmSimulatorOrganization.of("org2"))
        .addOrganizations(ArmSimulatorOrganization.onboardedElsewhere("taken"));
  }

  @Test
  void aSynchronousWriteIsDoneWithTheFirstResponse() {
    try (ArmSimulator simulator = ArmSimulator.builder().options(options().asyncOperations(false).build()).build().start()) {
      AuthorizationCode code = AuthorizationCode.of("code-sync");
      ArmDevOpsConnector created = client(simulator, "alice", sleeper).createConnector(CreateConnectorOptions.of(
          connector("sync-connector", OrganizationSelection.explicit("org1", "org2"), "alice"), code));

      assertThat(created.connector().name()).isEqualTo("sync-connector");
      assertThat(created.connector().environmentName()).contains("AzureDevOps");
      assertThat(created.connector().offeringTypes()).containsExactly("CspmMonitorAzureDevOps");
      assertThat(created.devOps().provisioningState()).contains(DevOpsProvisioningState.SUCCEEDED);
      assertThat(created.devOps().topLevelInventoryList()).containsExactly("org1", "org2");
      assertThat(created.devOps().etag()).isEmpty();
      assertThat(simulator.counters().requests(Route.OPERATION_RESULT)).isZero();
      assertThat(simulator.counters().requests(Route.DEVOPS_CONFIGURATION)).isEqualTo(1);
      assertThat(code.isDestroyed()).isTrue();
      assertThat(simulator.authorizingIdentity(created.connector().id())).contains("alice");
    }
  }

  @Test
  void aLongRunningWriteIsPolledUntilItSucceeds() {
    try (ArmSimulator simulator = ArmSimulator.builder().options(options().pollsBeforeCompletion(3).retryAfterSeconds(1).build()).build().start()) {
      ArmDevOpsConnector created = client(simulator, "alice", sleeper).createConnector(CreateConnectorOptions.of(
          connector("lro-connector", OrganizationSelection.allExistingAndFuture(), "alice"),
          AuthorizationCode.of("code-lro")));

      assertThat(simulator.counters().requests(Route.OPERATION_RESULT)).isEqualTo(4);
      assertThat(sleeper.sleeps).hasSize(4).allMatch(Duration.ofSeconds(1)::equals);
      assertThat(created.devOps().provisioningState()).contains(DevOpsProvisioningState.SUCCEEDED);
      assertThat(created.devOps().autoDiscovery()).contains(AutoDiscovery.ENABLED);
      assertThat(created.devOps().organizationSelection()).isEqualTo(OrganizationSelection.allExistingAndFuture());
    }
  }

  @Test
  void acceptedIsAnInProgressStatusToo() {
    try (ArmSimulator simulator = ArmSimulator.builder().options(options().pollsBeforeCompletion(2).inProgressStatus("Accepted")
        .build()).build().start()) {
      ArmDevOpsConnector created = client(simulator, "alice", sleeper).createConnector(CreateConnectorOptions.of(
          connector("accepted", OrganizationSelection.explicit("org1"), "alice"), AuthorizationCode.of("code-acc")));
      assertThat(simulator.counters().requests(Route.OPERATION_RESULT)).isEqualTo(3);
      assertThat(created.devOps().provisioningState()).contains(DevOpsProvisioningState.SUCCEEDED);
    }
  }

  @Test
  void allExistingWithTheGivenOrganizationsIsOneWrite() {
    try (ArmSimulator simulator = ArmSimulator.builder().options(options().build()).build().start()) {
      ArmDevOpsConnector created = client(simulator, "alice", sleeper).createConnector(CreateConnectorOptions.builder()
          .connector(connector("all-given", OrganizationSelection.allExisting(), "alice"))
          .authorization(AuthorizationCode.of("code-all-given"))
          .addExistingOrganizations(OrganizationName.parse("org2"))
          .build());
      assertThat(created.devOps().autoDiscovery()).contains(AutoDiscovery.DISABLED);
      assertThat(created.devOps().topLevelInventoryList()).containsExactly("org2");
      assertThat(simulator.counters().requests(Route.LIST_AVAILABLE_ORGS)).isZero();
      assertThat(simulator.counters().requests(Route.DEVOPS_CONFIGURATION)).isEqualTo(2);
    }
  }

  @Test
  void allExistingWithoutOrganizationsIsOneWriteAsInTheOnboardCurrentOnlyExample() {
    try (ArmSimulator simulator = ArmSimulator.builder().options(options().build()).build().start()) {
      DefenderConnectorClient client = client(simulator, "alice", sleeper);
      ArmDevOpsConnector created = client.createConnector(CreateConnectorOptions.of(
          connector("all-resolved", OrganizationSelection.allExisting(), "alice"), AuthorizationCode.of("code-all")));
      assertThat(simulator.counters().requests(Route.LIST_AVAILABLE_ORGS)).isZero();
      assertThat(created.devOps().autoDiscovery()).contains(AutoDiscovery.DISABLED);
      assertThat(created.devOps().topLevelInventoryList()).isEmpty();
      assertThat(created.devOps().organizationSelection()).isEqualTo(OrganizationSelection.allExisting());
      assertThat(client.listAzureDevOpsOrgs(ArmTestSupport.id("all-resolved")).stream().map(AzureDevOpsOrganizationResource::name))
          .containsExactly("org1", "org2");
    }
  }

  @Test
  void anExpiredCodeIsAClearErrorAndLeavesTheConfigurationFailed() {
    try (ArmSimulator simulator = ArmSimulator.builder().options(options().addExpiredCodes("expired-code").build()).build().start()) {
      DefenderConnectorClient client = client(simulator, "alice", sleeper);
      assertThatThrownBy(() -> client.createConnector(CreateConnectorOptions.of(
          connector("expired", OrganizationSelection.explicit("org1"), "alice"), AuthorizationCode.of("expired-code"))))
          .satisfies(Failures.kind(Kind.NOT_AUTHORIZED, "TokenExchangeFailed"))
          .hasMessageContaining("TokenExchangeFailed")
          .hasMessageContaining("expired or was already used")
          .hasMessageContaining("authorize again in Azure DevOps");

      DevOpsConfiguration left = client.getDevOpsConfiguration(ArmTestSupport.id("expired"));
      assertThat(left.provisioningState()).contains(DevOpsProvisioningState.FAILED);
      assertThat(simulator.authorizingIdentity(ArmTestSupport.id("expired").resourceId())).isEmpty();
    }
  }

  @Test
  void aCodeWorksOnlyOnce() {
    try (ArmSimulator simulator = ArmSimulator.builder().options(options().build()).build().start()) {
      DefenderConnectorClient client = client(simulator, "alice", sleeper);
      client.createConnector(CreateConnectorOptions.of(connector("first", OrganizationSelection.explicit("org1"),
          "alice"), AuthorizationCode.of("one-time")));
      assertThatThrownBy(() -> client.createConnector(CreateConnectorOptions.of(
          connector("second", OrganizationSelection.explicit("org2"), "alice"), AuthorizationCode.of("one-time"))))
          .satisfies(Failures.kind(Kind.NOT_AUTHORIZED, "TokenExchangeFailed"))
          .satisfies(e -> assertThat(Failures.error(e).code())
              .isEqualTo("TokenExchangeFailed"));
      assertThat(client.getDevOpsConfiguration(ArmTestSupport.id("second")).provisioningState())
          .contains(DevOpsProvisioningState.FAILED);
    }
  }

  @Test
  void aSecurityReaderCannotCreate() {
    try (ArmSimulator simulator = ArmSimulator.builder().options(options().build()).build().start()) {
      simulator.grant("reader", io.github.devopsconnector.testing.ArmSimulatorPermissions.securityReader());
      assertThatThrownBy(() -> client(simulator, "reader", sleeper).createConnector(CreateConnectorOptions.of(
          connector("denied", OrganizationSelection.explicit("org1"), "reader"), AuthorizationCode.of("c"))))
          .isInstanceOf(ServiceException.class).hasCauseInstanceOf(HttpResponseException.class)
          .hasMessageContaining("HTTP 403 (AuthorizationFailed)")
          .hasMessageContaining("Contributor or Security Admin");
      assertThat(simulator.connectorCount()).isZero();
    }
  }
}
