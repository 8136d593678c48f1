package io.github.devopsconnector.arm;

import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.arm.models.CreateConnectorOptions;
import static io.github.devopsconnector.arm.ArmTestSupport.RESOURCE_GROUP;
import static io.github.devopsconnector.arm.ArmTestSupport.SUBSCRIPTION;
import static io.github.devopsconnector.arm.ArmTestSupport.client;
import static io.github.devopsconnector.arm.ArmTestSupport.connector;
import static io.github.devopsconnector.arm.ArmTestSupport.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.exception.HttpResponseException;
import io.github.devopsconnector.arm.ArmTestSupport.RecordingSleeper;
import io.github.devopsconnector.core.AuthorizationCode;
import io.github.devopsconnector.core.AzurePermissions;
import io.github.devopsconnector.core.Finding;
import io.github.devopsconnector.core.FindingCode;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.ValidationReport;
import io.github.devopsconnector.testing.ArmSimulator;
import io.github.devopsconnector.testing.ArmSimulatorOptions;
import io.github.devopsconnector.testing.ArmSimulatorOrganization;
import io.github.devopsconnector.testing.ArmSimulatorPermissions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Azure-side preflight: permissions, the resource provider, organizations onboarded elsewhere. */
class PreflightTest {

  private final RecordingSleeper sleeper = new RecordingSleeper();

  @Test
  void aContributorMayWriteConnectors() {
    try (ArmSimulator simulator = ArmSimulator.builder().build().start()) {
      simulator.grant("carol", ArmSimulatorPermissions.contributor());
      DefenderConnectorClient client = client(simulator, "carol", sleeper);
      AzurePermissions permissions = client.getPermissions(SUBSCRIPTION, RESOURCE_GROUP);
      assertThat(permissions.actions()).containsExactly("*");
      assertThat(permissions.notActions()).contains("Microsoft.Authorization/*/Write");
      assertThat(permissions.canWriteSecurityConnectors()).isTrue();
      assertThat(client.checkAzurePrerequisites(SUBSCRIPTION, RESOURCE_GROUP).findings()).isEmpty();
    }
  }

  @Test
  void aSecurityReaderOnlyReadsSoThePermissionIsMissing() {
    try (ArmSimulator simulator = ArmSimulator.builder().build().start()) {
      simulator.grant("rita", ArmSimulatorPermissions.securityReader());
      ValidationReport report = client(simulator, "rita", sleeper).checkAzurePrerequisites(SUBSCRIPTION,
          RESOURCE_GROUP);
      assertThat(report.isValid()).isFalse();
      Finding finding = report.withCode(FindingCode.AZURE_PERMISSION_MISSING).get(0);
      assertThat(finding.subject()).isEqualTo("resourceGroup");
      assertThat(finding.message()).contains("Microsoft.Security/securityConnectors/write").contains("myRg");
      assertThat(finding.remediation()).contains("Contributor or Security Admin").contains("Security Reader");
    }
  }

  @Test
  void permissionsOfEveryEntryAreCombined() {
    try (ArmSimulator simulator = ArmSimulator.builder().build().start()) {
      simulator.grant("sam", ArmSimulatorPermissions.reader(), ArmSimulatorPermissions.securityAdmin());
      DefenderConnectorClient client = client(simulator, "sam", sleeper);
      assertThat(client.getPermissions(SUBSCRIPTION, RESOURCE_GROUP).canWriteSecurityConnectors()).isTrue();
      simulator.grant("sam", ArmSimulatorPermissions.of(List.of("Microsoft.Security/*"),
          List.of("Microsoft.Security/securityConnectors/write")));
      assertThat(client.checkAzurePrerequisites(SUBSCRIPTION, RESOURCE_GROUP)
          .has(FindingCode.AZURE_PERMISSION_MISSING)).isTrue();
    }
  }

  @Test
  void anUnregisteredProviderIsAFindingAndCreationIsRefused() {
    try (ArmSimulator simulator = ArmSimulator.builder().options(ArmSimulatorOptions.builder()
        .putProviderRegistrationStates(SUBSCRIPTION.value(), "NotRegistered").build()).build().start()) {
      DefenderConnectorClient client = client(simulator, "alice", sleeper);
      assertThat(client.getSecurityProviderRegistration(SUBSCRIPTION).isRegistered()).isFalse();
      ValidationReport report = client.checkAzurePrerequisites(SUBSCRIPTION, RESOURCE_GROUP);
      assertThat(report.findings()).extracting(Finding::code)
          .containsExactly(FindingCode.AZURE_RESOURCE_PROVIDER_NOT_REGISTERED);
      assertThat(report.findings().get(0).remediation())
          .contains("az provider register --namespace Microsoft.Security");

      assertThatThrownBy(() -> client.createConnector(CreateConnectorOptions.of(connector("unregistered",
          OrganizationSelection.explicit("org1"), "alice"), AuthorizationCode.of("code"))))
          .isExactlyInstanceOf(ServiceException.class)
        .satisfies(e -> assertThat(e.getCause()).isExactlyInstanceOf(HttpResponseException.class))
          .hasMessageContaining("HTTP 409 (MissingSubscriptionRegistration)")
          .hasMessageContaining("az provider register --namespace Microsoft.Security");

      simulator.providerRegistrationState(SUBSCRIPTION.value(), "Registered");
      assertThat(client.checkAzurePrerequisites(SUBSCRIPTION, RESOURCE_GROUP).findings()).isEmpty();
    }
  }

  @Test
  void organizationsOnboardedByOtherConnectorsAreFindings() {
    try (ArmSimulator simulator = ArmSimulator.builder().options(ArmSimulatorOptions.builder()
        .addOrganizations(ArmSimulatorOrganization.of("mine"), ArmSimulatorOrganization.onboardedElsewhere("theirs"))
        .build()).build().start()) {
      DefenderConnectorClient client = client(simulator, "alice", sleeper);
      client.createConnector(CreateConnectorOptions.of(connector("checked", OrganizationSelection.explicit("mine"),
          "alice"), AuthorizationCode.of("code")));
      List<Finding> findings = client.findOrganizationsOnboardedElsewhere(id("checked"));
      assertThat(findings).singleElement().satisfies(f -> {
        assertThat(f.code()).isEqualTo(FindingCode.ADO_ORGANIZATION_ONBOARDED_ELSEWHERE);
        assertThat(f.subject()).isEqualTo("organization:theirs");
        assertThat(f.message()).contains("already onboarded by another connector");
      });
    }
  }
}
