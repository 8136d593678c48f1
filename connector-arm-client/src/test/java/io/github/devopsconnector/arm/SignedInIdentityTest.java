package io.github.devopsconnector.arm;

import io.github.devopsconnector.arm.models.CreateConnectorOptions;
import io.github.devopsconnector.arm.models.ArmSystemData;
import static io.github.devopsconnector.arm.ArmTestSupport.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import io.github.devopsconnector.arm.ArmTestSupport.RecordingSleeper;
import io.github.devopsconnector.core.AuthorizationCode;
import io.github.devopsconnector.core.Connector;
import io.github.devopsconnector.core.FindingCode;
import io.github.devopsconnector.core.Identity;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.edit.EditContext;
import io.github.devopsconnector.core.edit.EditNotAllowedException;
import io.github.devopsconnector.core.edit.EditSession;
import io.github.devopsconnector.core.edit.VersionedConnector;
import io.github.devopsconnector.testing.ArmSimulator;
import io.github.devopsconnector.testing.ArmSimulatorOptions;
import io.github.devopsconnector.testing.ArmSimulatorOrganization;
import io.github.devopsconnector.testing.ArmSimulatorPrincipal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * ARM names owners by user principal name (or application id), the SDK by object id: the signed-in identity read
 * from the token carries both, and the store recognises the owner by either.
 */
class SignedInIdentityTest {

  private static final String OBJECT_ID = "0b6f0f6e-3f4a-4f57-9d0a-2b5a6a2f1c11";
  private static final ArmSimulatorPrincipal ALICE = ArmSimulatorPrincipal.user(OBJECT_ID, "alice@contoso.com");

  private static TokenCredential signedInAs(ArmSimulatorPrincipal principal) {
    return request -> Mono.just(new AccessToken(ArmSimulator.bearerToken(principal),
        OffsetDateTime.now().plusHours(1)));
  }

  private static ArmSimulator simulator() {
    return ArmSimulator.builder().options(ArmSimulatorOptions.builder().addPrincipals(ALICE)
        .addOrganizations(ArmSimulatorOrganization.of("org1"), ArmSimulatorOrganization.of("org2")).build()).build().start();
  }

  private static DefenderConnectorClient client(ArmSimulator simulator) {
    return new DefenderConnectorClientBuilder().endpoint(simulator.endpoint()).credential(signedInAs(ALICE))
        .sleeper(new RecordingSleeper()).pollTimeout(Duration.ofSeconds(30)).buildClient();
  }

  @Test
  void theSignedInIdentityCarriesTheObjectIdAndTheNameArmReports() {
    try (ArmSimulator simulator = simulator(); DefenderConnectorClient client = client(simulator)) {
      Identity me = client.getSignedInIdentity();
      assertThat(me.id()).isEqualTo(OBJECT_ID);
      assertThat(me.userPrincipalName()).contains("alice@contoso.com");
      assertThat(me.applicationId()).isEmpty();

      client.createConnector(CreateConnectorOptions.of(ArmTestSupport.connector("named",
          OrganizationSelection.explicit("org1"), OBJECT_ID), AuthorizationCode.of("code-named")));
      // As ARM does: systemData names the user by user principal name, never by object id.
      ArmSystemData data = client.getDevOpsConfiguration(ArmTestSupport.id("named")).systemData().orElseThrow();
      assertThat(data.lastModifiedBy()).contains("alice@contoso.com");
      assertThat(data.lastModifiedByType()).contains("User");
      Identity owner = client.getDevOpsConnector(ArmTestSupport.id("named")).ownerFromSystemData().orElseThrow();
      assertThat(owner).isNotEqualTo(me);
      assertThat(owner.matches(me)).isTrue();
    }
  }

  @Test
  void theStoreRecognisesTheOwnerByAnyOfItsNamesSoTheOwnerNeedsNoReauthorization() {
    try (ArmSimulator simulator = simulator(); DefenderConnectorClient client = client(simulator)) {
      Identity me = client.getSignedInIdentity();
      ArmConnectorStore store = ArmConnectorStore.builder(client, TENANT).knownIdentities(me).build();
      Connector connector = ArmTestSupport.connector("owned", OrganizationSelection.explicit("org1"), OBJECT_ID);
      store.create(connector, AuthorizationCode.of("code-owned"));

      VersionedConnector found = store.find(connector.id()).orElseThrow();
      assertThat(found.connector().owner()).isEqualTo(me);
      EditContext context = EditContext.builder().store(store).tenantRegistry(ArmTenantRegistry.create(client, TENANT))
          .addOrganizationFacts(io.github.devopsconnector.core.OrganizationFacts.builder()
              .organization(OrganizationName.parse("org2")).build())
          .build();
      VersionedConnector saved = EditSession.open(found, me, context).addOrganization(OrganizationName.parse("org2"))
          .update();
      assertThat(saved.connector().organizations().organizations()).extracting(OrganizationName::value)
          .containsExactlyInAnyOrder("org1", "org2");

      // Without the signed-in identity the store sees a stranger named alice@contoso.com, and the owner would be
      // asked to re-authorize: the mismatch the simulator exists to show.
      ArmConnectorStore naive = ArmConnectorStore.create(client, TENANT);
      VersionedConnector seen = naive.find(connector.id()).orElseThrow();
      assertThat(seen.connector().owner().id()).isEqualTo("alice@contoso.com");
      assertThatThrownBy(() -> EditSession.open(seen, Identity.of(OBJECT_ID), context)
          .removeOrganization(OrganizationName.parse("org2")).update())
          .isInstanceOf(EditNotAllowedException.class)
          .satisfies(e -> assertThat(((EditNotAllowedException) e).findings()).extracting(f -> f.code())
              .contains(FindingCode.REAUTHORIZATION_REQUIRED));
    }
  }

  @Test
  void aTokenThatIsNotAJwtGivesAClearErrorWithoutShowingIt() {
    try (ArmSimulator simulator = simulator()) {
      DefenderConnectorClient client = ArmTestSupport.client(simulator, "plain", new RecordingSleeper());
      assertThatThrownBy(client::getSignedInIdentity).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("oid").hasMessageNotContaining("sim-plain");
    }
  }

  @Test
  void anApplicationIsNamedByItsApplicationId() {
    ArmSimulatorPrincipal app = ArmSimulatorPrincipal.application("5e7d1b8a-0000-4000-8000-000000000001",
        "11111111-2222-3333-4444-555555555555");
    try (ArmSimulator simulator = ArmSimulator.builder().options(ArmSimulatorOptions.builder().addPrincipals(app).build()).build().start();
        DefenderConnectorClient client = new DefenderConnectorClientBuilder().endpoint(simulator.endpoint())
            .credential(signedInAs(app)).sleeper(new RecordingSleeper()).buildClient()) {
      Identity me = client.getSignedInIdentity();
      assertThat(me.applicationId()).contains("11111111-2222-3333-4444-555555555555");
      client.createConnector(CreateConnectorOptions.of(ArmTestSupport.connector("by-app",
          OrganizationSelection.explicit(List.of(OrganizationName.parse("orgx"))), me.id()),
          AuthorizationCode.of("code-app")));
      Identity owner = client.getDevOpsConnector(ArmTestSupport.id("by-app")).ownerFromSystemData().orElseThrow();
      assertThat(owner.applicationId()).contains("11111111-2222-3333-4444-555555555555");
      assertThat(owner.matches(me)).isTrue();
    }
  }
}
