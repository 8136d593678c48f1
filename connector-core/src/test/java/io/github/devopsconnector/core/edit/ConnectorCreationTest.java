package io.github.devopsconnector.core.edit;

import static io.github.devopsconnector.core.edit.EditFixtures.ALICE;
import static io.github.devopsconnector.core.edit.EditFixtures.BOB;
import static io.github.devopsconnector.core.edit.EditFixtures.OTHER_TENANT;
import static io.github.devopsconnector.core.edit.EditFixtures.TENANT;
import static io.github.devopsconnector.core.edit.EditFixtures.allowed;
import static io.github.devopsconnector.core.edit.EditFixtures.connector;
import static io.github.devopsconnector.core.edit.EditFixtures.org;
import static io.github.devopsconnector.core.edit.EditFixtures.orgs;
import static io.github.devopsconnector.core.edit.EditFixtures.stakeholder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devopsconnector.core.AuthorizationCode;
import io.github.devopsconnector.core.Connector;
import io.github.devopsconnector.core.Finding;
import io.github.devopsconnector.core.FindingCode;
import io.github.devopsconnector.core.OrganizationSelection;
import org.junit.jupiter.api.Test;

class ConnectorCreationTest {

  private final EditFixtures.World world = new EditFixtures.World();
  private final Connector first = connector("devops-first", ALICE, OrganizationSelection.explicit("contoso"));

  @Test
  void theStoreAloneClaimsNothing() {
    world.store.create(first, AuthorizationCode.of("code"));

    assertThat(world.registry.onboardedBy(TENANT, org("contoso"))).isEmpty();
  }

  @Test
  void creationClaimsTheConnectorsOrganizations() {
    AuthorizationCode code = AuthorizationCode.of("code");

    VersionedConnector created = ConnectorCreation.create(first, code, world.context());

    assertThat(world.stored(first)).isEqualTo(created);
    assertThat(world.claims(first)).isEqualTo(orgs("contoso"));
    assertThat(code.isDestroyed()).isTrue();
  }

  @Test
  void anOrganizationOnboardedByAnotherConnectorOfTheTenantIsRefused() {
    world.create(first);
    Connector second = connector("devops-second", BOB, OrganizationSelection.explicit("fabrikam", "contoso"));

    assertThat(ConnectorCreation.check(second, world.context()).errors()).extracting(Finding::code)
        .containsExactly(FindingCode.ADO_ORGANIZATION_ONBOARDED_ELSEWHERE);
    assertThatThrownBy(() -> ConnectorCreation.create(second, AuthorizationCode.of("code"), world.context()))
        .isInstanceOfSatisfying(OrganizationNotSelectableException.class, e -> {
          assertThat(e.organizations()).containsExactly(org("contoso"));
          assertThat(e.findings()).extracting(Finding::code)
              .containsExactly(FindingCode.ADO_ORGANIZATION_ONBOARDED_ELSEWHERE);
          assertThat(e.findings().get(0).message()).contains(first.resourceId());
        });
    assertThat(world.store.find(second.id())).isEmpty();
    assertThat(world.registry.onboardedBy(TENANT, org("fabrikam"))).isEmpty();
  }

  @Test
  void theSameOrganizationInAnotherTenantIsFine() {
    world.create(first);
    Connector elsewhere = connector("devops-elsewhere", BOB, OrganizationSelection.explicit("contoso"), OTHER_TENANT);

    assertThat(ConnectorCreation.check(elsewhere, world.context()).findings()).isEmpty();
    ConnectorCreation.create(elsewhere, AuthorizationCode.of("code"), world.context());

    assertThat(world.registry.onboardedBy(OTHER_TENANT, org("contoso"))).contains(elsewhere.id());
    assertThat(world.registry.onboardedBy(TENANT, org("contoso"))).contains(first.id());
  }

  @Test
  void aFailedCreationLeavesNoClaimBehind() {
    world.create(first);
    Connector sameId = connector("devops-first", BOB, OrganizationSelection.explicit("contoso", "fabrikam"));

    assertThatThrownBy(() -> ConnectorCreation.create(sameId, AuthorizationCode.of("code"), world.context()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("already exists");

    assertThat(world.registry.onboardedBy(TENANT, org("fabrikam"))).isEmpty();
    assertThat(world.claims(first)).as("the existing connector keeps its claim").isEqualTo(orgs("contoso"));
  }

  @Test
  void anAllExistingConnectorClaimsTheEligibleOrganizationsAndSkipsTheOthers() {
    world.create(first);
    Connector all = connector("devops-all", BOB, OrganizationSelection.allExistingAndFuture());
    EditContext context = world.context(allowed("contoso"), allowed("fabrikam"), stakeholder("wingtip"));

    assertThat(ConnectorCreation.check(all, context).findings()).isEmpty();
    ConnectorCreation.create(all, AuthorizationCode.of("code"), context);

    assertThat(world.claims(all)).isEqualTo(orgs("fabrikam"));
  }
}
