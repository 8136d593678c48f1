package io.github.devopsconnector.arm;

import static io.github.devopsconnector.arm.ArmTestSupport.TENANT;
import static io.github.devopsconnector.arm.ArmTestSupport.client;
import static io.github.devopsconnector.arm.ArmTestSupport.connector;
import static io.github.devopsconnector.arm.ArmTestSupport.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devopsconnector.arm.ArmTestSupport.RecordingSleeper;
import io.github.devopsconnector.core.AuthorizationCode;
import io.github.devopsconnector.core.FindingCode;
import io.github.devopsconnector.core.Identity;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.edit.EditContext;
import io.github.devopsconnector.core.edit.EditSession;
import io.github.devopsconnector.core.edit.OrganizationOnboardedElsewhereException;
import io.github.devopsconnector.core.edit.VersionedConnector;
import io.github.devopsconnector.core.OrganizationFacts;
import io.github.devopsconnector.testing.ArmSimulator;
import io.github.devopsconnector.testing.ArmSimulator.Route;
import io.github.devopsconnector.testing.ArmSimulatorOptions;
import io.github.devopsconnector.testing.ArmSimulatorOrganization;
import org.junit.jupiter.api.Test;

/** One organization per tenant where the SDK writes: the ARM-backed registry, and the store refusing before writing. */
class TenantRegistryTest {

  private final RecordingSleeper sleeper = new RecordingSleeper();

  private static ArmSimulator simulator() {
    return ArmSimulator.builder().options(ArmSimulatorOptions.builder()
        .addOrganizations(ArmSimulatorOrganization.of("org1"), ArmSimulatorOrganization.of("org2"),
            ArmSimulatorOrganization.onboardedElsewhere("taken"))
        .build()).build().start();
  }

  @Test
  void anEditAddingAnOrganizationAnotherConnectorHoldsIsRefusedBeforeAnyWrite() {
    try (ArmSimulator simulator = simulator()) {
      DefenderConnectorClient alice = client(simulator, "alice", sleeper);
      ArmConnectorStore store = ArmConnectorStore.create(alice, TENANT);
      VersionedConnector base = store.create(connector("mine", OrganizationSelection.explicit("org1"), "alice"),
          AuthorizationCode.of("code-mine"));
      String before = ArmConnectorStore.version(alice.getDevOpsConfiguration(id("mine")));

      EditContext context = EditContext.builder().store(store).tenantRegistry(ArmTenantRegistry.create(alice, TENANT))
          .addOrganizationFacts(OrganizationFacts.builder().organization(OrganizationName.parse("taken")).build())
          .build();
      EditSession session = EditSession.open(base, Identity.of("alice"), context)
          .addOrganization(OrganizationName.parse("taken"));

      assertThatThrownBy(session::update)
          .isInstanceOf(OrganizationOnboardedElsewhereException.class)
          .satisfies(e -> {
            OrganizationOnboardedElsewhereException refused = (OrganizationOnboardedElsewhereException) e;
            assertThat(refused.finding().orElseThrow().code()).isEqualTo(FindingCode.ADO_ORGANIZATION_ONBOARDED_ELSEWHERE);
            assertThat(refused.holderConnectorId()).isEmpty();
            assertThat(refused.getMessage()).contains("a connector the caller cannot see");
            assertThat(refused.finding().orElseThrow().remediation()).isNotBlank();
          });
      // The store itself refuses too, when called without the session's registry.
      assertThatThrownBy(() -> store.update(io.github.devopsconnector.core.edit.ChangeSet.builder()
          .connectorId(base.connector().id()).baseVersion(base.version()).actor(Identity.of("alice"))
          .before(base.connector())
          .after(base.connector().withOrganizations(OrganizationSelection.explicit("org1", "taken")))
          .addChanges(io.github.devopsconnector.core.edit.Change.of("organization:taken", "-", "added"))
          .ownership(io.github.devopsconnector.core.edit.OwnershipConsequence.UNCHANGED)
          .build())).isInstanceOf(OrganizationOnboardedElsewhereException.class);

      // Nothing was written: the configuration is as it was.
      assertThat(ArmConnectorStore.version(alice.getDevOpsConfiguration(id("mine")))).isEqualTo(before);
      assertThat(alice.getDevOpsConfiguration(id("mine")).topLevelInventoryList()).containsExactly("org1");
    }
  }

  @Test
  void aVisibleHolderIsNamedAndACreateIsRefusedBeforeAnyWrite() {
    try (ArmSimulator simulator = simulator()) {
      DefenderConnectorClient alice = client(simulator, "alice", sleeper);
      ArmConnectorStore store = ArmConnectorStore.create(alice, TENANT);
      store.create(connector("holder", OrganizationSelection.explicit("org2"), "alice"), AuthorizationCode.of("c-1"));
      int connectors = simulator.connectorCount();
      AuthorizationCode code = AuthorizationCode.of("c-2");

      assertThatThrownBy(() -> store.create(connector("second", OrganizationSelection.explicit("org1", "org2"),
          "alice"), code))
          .isInstanceOf(OrganizationOnboardedElsewhereException.class)
          .hasMessageContaining("org2")
          .satisfies(e -> assertThat(((OrganizationOnboardedElsewhereException) e).holderConnectorId())
              .contains(id("holder")));
      assertThat(simulator.connectorCount()).isEqualTo(connectors);
      assertThat(code.isDestroyed()).isTrue();

      ArmTenantRegistry registry = ArmTenantRegistry.create(alice, TENANT, java.util.List.of(ArmTestSupport.SUBSCRIPTION));
      assertThat(registry.onboardedBy(TENANT, OrganizationName.parse("org2"))).contains(id("holder"));
      assertThat(registry.onboardedBy(TENANT, OrganizationName.parse("org1"))).isEmpty();
      assertThat(registry.organizationsOf(TENANT, id("holder")))
          .containsExactly(OrganizationName.parse("org2"));
      assertThat(registry.claim(TENANT, OrganizationName.parse("org2"), id("holder"))).isFalse();
      assertThatThrownBy(() -> registry.claim(TENANT, OrganizationName.parse("org2"), id("second")))
          .isInstanceOf(OrganizationOnboardedElsewhereException.class);
    }
  }
}
