package io.github.devopsconnector.core.edit;

import static io.github.devopsconnector.core.edit.EditFixtures.ALICE;
import static io.github.devopsconnector.core.edit.EditFixtures.allowed;
import static io.github.devopsconnector.core.edit.EditFixtures.connector;
import static io.github.devopsconnector.core.edit.EditFixtures.notAdministrator;
import static io.github.devopsconnector.core.edit.EditFixtures.org;
import static io.github.devopsconnector.core.edit.EditFixtures.orgs;
import static io.github.devopsconnector.core.edit.EditFixtures.policyUnknown;
import static io.github.devopsconnector.core.edit.EditFixtures.stakeholder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devopsconnector.core.AuthorizationCode;
import io.github.devopsconnector.core.Connector;
import io.github.devopsconnector.core.Finding;
import io.github.devopsconnector.core.FindingCode;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.ValidationReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class EditSessionDraftTest {

  private final EditFixtures.World world = new EditFixtures.World();
  private final Connector main =
      connector("devops-main", ALICE, OrganizationSelection.explicit("contoso", "northwind"));
  private final Connector other = connector("devops-other", EditFixtures.BOB, OrganizationSelection.explicit("tailspin"));
  private final VersionedConnector stored = world.create(main);
  private final EditContext context = world.context(allowed("fabrikam"), allowed("contoso"), allowed("northwind"),
      stakeholder("wingtip"), notAdministrator("adventure"), allowed("tailspin"), policyUnknown("litware"));

  {
    world.create(other);
  }

  private EditSession open() {
    return EditSession.open(world.stored(main), ALICE, context);
  }

  @Test
  void anAbandonedDraftSavesNothing() {
    EditSession draft = open().reauthorize(AuthorizationCode.of("alice-code")).addOrganization(org("fabrikam"))
        .removeOrganization(org("northwind"));
    assertThat(draft.selection().organizations()).containsExactly(org("contoso"), org("fabrikam"));

    // The draft is dropped without Update.

    assertThat(world.stored(main)).isEqualTo(stored);
    assertThat(world.claims(main)).isEqualTo(orgs("contoso", "northwind"));
    assertThat(world.registry.onboardedBy(EditFixtures.TENANT, org("fabrikam"))).isEmpty();
  }

  @Test
  void aReviewAloneSavesNothing() {
    EditSession draft = open().addOrganization(org("fabrikam")).removeOrganization(org("northwind"))
        .reauthorize(AuthorizationCode.of("alice-code"));

    ChangeSet review = draft.review();
    draft.review();

    assertThat(review.isEmpty()).isFalse();
    assertThat(world.stored(main).version()).isEqualTo(stored.version());
    assertThat(world.stored(main).connector()).isEqualTo(stored.connector());
    assertThat(world.claims(main)).isEqualTo(orgs("contoso", "northwind"));
  }

  @Test
  void reviewListsEveryChangeInAStableOrder() {
    ChangeSet review = open().reauthorize(AuthorizationCode.of("alice-code")).addOrganization(org("fabrikam"))
        .removeOrganization(org("contoso")).review();

    assertThat(review.changes()).containsExactly(
        Change.of("authorization", "current token", "exchanged"),
        Change.of("organization:contoso", "onboarded", "-"),
        Change.of("organization:fabrikam", "-", "onboarded"));
    assertThat(review.addedOrganizations()).containsExactly(org("fabrikam"));
    assertThat(review.removedOrganizations()).containsExactly(org("contoso"));
    assertThat(review.before()).isEqualTo(stored.connector());
    assertThat(review.after().organizations()).isEqualTo(OrganizationSelection.explicit("northwind", "fabrikam"));
    assertThat(review.baseVersion()).isEqualTo(stored.version());
    assertThat(review.connectorId()).isEqualTo(main.id());
    assertThat(review.toString()).contains("authorization exchanged")
        .contains("organization:fabrikam: - -> onboarded");
  }

  @Test
  void anEditThatChangesNothingHasAnEmptyChangeSet() {
    ChangeSet review = open().addOrganization(org("fabrikam")).removeOrganization(org("fabrikam")).review();

    assertThat(review.isEmpty()).isTrue();
    assertThat(review.toString()).contains("authorization unchanged");
  }

  @Test
  void updateSavesAndClaimsAddedAndReleasesRemovedOrganizations() {
    VersionedConnector saved = open().addOrganization(org("fabrikam")).removeOrganization(org("contoso")).update();

    assertThat(saved.connector().organizations().organizations()).containsExactly(org("northwind"), org("fabrikam"));
    assertThat(world.stored(main)).isEqualTo(saved);
    assertThat(world.claims(main)).isEqualTo(orgs("northwind", "fabrikam"));
    assertThat(world.registry.onboardedBy(EditFixtures.TENANT, org("contoso"))).isEmpty();
  }

  @Test
  void aStakeholderOrganizationIsGreyedOutForMissingPermissions() {
    EditSession draft = open();

    assertThat(draft.checkOrganization(org("wingtip")).errors()).extracting(Finding::code)
        .containsExactly(FindingCode.ADO_ACCESS_LEVEL_INSUFFICIENT);
    assertThatThrownBy(() -> draft.addOrganization(org("wingtip")))
        .isInstanceOfSatisfying(OrganizationNotSelectableException.class, e -> {
          assertThat(e.organizations()).containsExactly(org("wingtip"));
          assertThat(e.findings()).extracting(Finding::code).containsExactly(FindingCode.ADO_ACCESS_LEVEL_INSUFFICIENT);
          assertThat(e.findings().get(0).message()).contains("Stakeholder");
          assertThat(e.findings().get(0).remediation()).contains("Basic");
          assertThat(e.getMessage()).contains("wingtip cannot be added");
        });
    assertThat(draft.selection()).isEqualTo(stored.connector().organizations());
  }

  @Test
  void anOrganizationWhereTheActorIsNoAdministratorIsGreyedOut() {
    assertThatThrownBy(() -> open().addOrganization(org("adventure")))
        .isInstanceOfSatisfying(OrganizationNotSelectableException.class, e -> assertThat(e.findings())
            .extracting(Finding::code).containsExactly(FindingCode.ADO_NOT_PROJECT_COLLECTION_ADMINISTRATOR));
  }

  @Test
  void anOrganizationOnboardedByAnotherConnectorOfTheTenantIsGreyedOut() {
    EditSession draft = open();

    assertThatThrownBy(() -> draft.addOrganization(org("tailspin")))
        .isInstanceOfSatisfying(OrganizationNotSelectableException.class, e -> {
          assertThat(e.findings()).extracting(Finding::code)
              .containsExactly(FindingCode.ADO_ORGANIZATION_ONBOARDED_ELSEWHERE);
          assertThat(e.findings().get(0).subject()).isEqualTo("organization:tailspin");
          assertThat(e.findings().get(0).message()).contains(other.resourceId());
        });
    assertThat(draft.selection().organizations()).doesNotContain(org("tailspin"));
  }

  @Test
  void selectingSeveralOrganizationsRefusesAllOrNothingAndSaysWhyForEach() {
    EditSession draft = open();

    assertThatThrownBy(() -> draft.selectOrganizations(List.of(org("fabrikam"), org("wingtip"), org("tailspin"))))
        .isInstanceOfSatisfying(OrganizationNotSelectableException.class, e -> {
          assertThat(e.organizations()).containsExactly(org("wingtip"), org("tailspin"));
          assertThat(e.findings()).extracting(Finding::code).containsExactly(
              FindingCode.ADO_ACCESS_LEVEL_INSUFFICIENT, FindingCode.ADO_ORGANIZATION_ONBOARDED_ELSEWHERE);
        });
    assertThat(draft.selection()).isEqualTo(stored.connector().organizations());

    draft.selectOrganizations(List.of(org("northwind"), org("fabrikam")));
    assertThat(draft.review().changes()).containsExactly(Change.of("organization:contoso", "onboarded", "-"),
        Change.of("organization:fabrikam", "-", "onboarded"));
  }

  @Test
  void organizationsTheConnectorAlreadyOnboardsAreNotCheckedAgain() {
    EditContext noFacts = world.context();
    EditSession draft = EditSession.open(world.stored(main), ALICE, noFacts).removeOrganization(org("contoso"));

    assertThat(draft.checkOrganization(org("contoso")).findings()).isEmpty();
    draft.addOrganization(org("contoso"));
    assertThat(draft.review().isEmpty()).isTrue();
  }

  @Test
  void anOrganizationWithoutFactsCannotBeJudgedAndIsRefusedClearly() {
    assertThatThrownBy(() -> open().addOrganization(org("unknown-org")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no facts about the organization unknown-org")
        .hasMessageContaining("preflight");
  }

  @Test
  void warningsDoNotBlockAndAreShownOnReview() {
    ValidationReport check = open().checkOrganization(org("litware"));
    assertThat(check.isValid()).isTrue();
    assertThat(check.warnings()).extracting(Finding::code).containsExactly(FindingCode.ADO_OAUTH_APP_ACCESS_UNKNOWN);

    ChangeSet review = open().addOrganization(org("litware")).review();

    assertThat(review.addedOrganizations()).containsExactly(org("litware"));
    assertThat(review.warnings()).extracting(Finding::code).containsExactly(FindingCode.ADO_OAUTH_APP_ACCESS_UNKNOWN);
  }

  @Test
  void anExplicitSelectionKeepsAtLeastOneOrganization() {
    EditSession draft = open().removeOrganization(org("contoso"));

    assertThatThrownBy(() -> draft.removeOrganization(org("northwind"))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("only one selected");
    assertThat(draft.selection().organizations()).containsExactly(org("northwind"));
  }

  @Test
  void switchingToAllExistingAndFutureTurnsAutoDiscoveryOnAndBringsInEveryEligibleOrganization() {
    EditSession draft = open().selectAllExistingAndFuture();

    assertThatThrownBy(() -> draft.addOrganization(org("fabrikam"))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("selectOrganizations");
    ChangeSet review = draft.review();

    assertThat(review.changes()).containsExactly(
        Change.of("selection", "explicit", "all existing and future"),
        Change.of("autoDiscovery", "Disabled", "Enabled"),
        Change.of("organization:fabrikam", "-", "onboarded"),
        Change.of("organization:litware", "-", "onboarded"));
    assertThat(review.warnings()).extracting(Finding::code).containsExactly(FindingCode.ADO_OAUTH_APP_ACCESS_UNKNOWN);
    assertThat(review.after().organizations().autoDiscovery()).isTrue();

    draft.update();
    assertThat(world.claims(main)).isEqualTo(orgs("contoso", "northwind", "fabrikam", "litware"));
    assertThat(world.registry.onboardedBy(EditFixtures.TENANT, org("tailspin"))).contains(other.id());
  }

  @Test
  void switchingBackToAnExplicitSelectionReleasesTheOrganizationsLeftOut() {
    open().selectAllExisting().update();
    assertThat(world.claims(main)).isEqualTo(orgs("contoso", "northwind", "fabrikam", "litware"));

    EditSession draft = open();
    ChangeSet review = draft.selectOrganizations(List.of(org("fabrikam"))).review();

    assertThat(review.changes()).containsExactly(
        Change.of("selection", "all existing", "explicit"),
        Change.of("organization:contoso", "onboarded", "-"),
        Change.of("organization:litware", "onboarded", "-"),
        Change.of("organization:northwind", "onboarded", "-"));
    draft.update();
    assertThat(world.claims(main)).isEqualTo(orgs("fabrikam"));
  }

  @Test
  void aSessionIsFinishedOnceUpdated() {
    EditSession draft = open().addOrganization(org("fabrikam"));
    draft.update();

    assertThatThrownBy(draft::update).isInstanceOf(IllegalStateException.class).hasMessageContaining("already updated");
    assertThatThrownBy(() -> draft.addOrganization(org("litware"))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aConflictingUpdateSavesNothingAndLeavesNoClaimBehind() {
    EditSession first = open().addOrganization(org("fabrikam"));
    EditSession second = open().addOrganization(org("litware")).removeOrganization(org("contoso"));
    VersionedConnector saved = first.update();

    assertThatThrownBy(second::update).isInstanceOfSatisfying(EditConflictException.class, e -> {
      assertThat(e.finding().orElseThrow().code()).isEqualTo(FindingCode.EDIT_CONFLICT);
      assertThat(e.expectedVersion()).isEqualTo(stored.version());
      assertThat(e.actualVersion()).contains(saved.version());
    });
    assertThat(world.stored(main)).isEqualTo(saved);
    assertThat(world.claims(main)).isEqualTo(orgs("contoso", "northwind", "fabrikam"));
    assertThat(world.registry.onboardedBy(EditFixtures.TENANT, org("litware"))).isEmpty();
    assertThatThrownBy(second::review).isInstanceOf(IllegalStateException.class).hasMessageContaining("conflicted");
  }

  @Test
  void aConflictingUpdateKeepsClaimsThatTheWinningEditSaved() {
    EditSession first = open().addOrganization(org("fabrikam"));
    EditSession second = open().addOrganization(org("fabrikam")).addOrganization(org("litware"));
    first.update();
    // As a concurrent, failed edit of the same connector may have done: the loser below then claims anew.
    world.registry.release(EditFixtures.TENANT, org("fabrikam"), main.id());

    assertThatThrownBy(second::update).isInstanceOf(EditConflictException.class);

    assertThat(world.claims(main)).as("fabrikam is saved in the current version, so its claim stays")
        .isEqualTo(orgs("contoso", "northwind", "fabrikam"));
    assertThat(world.registry.onboardedBy(EditFixtures.TENANT, org("litware"))).isEmpty();
  }

  @Test
  void anOrganizationClaimedElsewhereAfterItWasAddedStopsTheUpdate() {
    EditSession draft = open().addOrganization(org("litware")).addOrganization(org("fabrikam"));
    world.registry.claim(EditFixtures.TENANT, org("litware"), other.id());

    assertThatThrownBy(draft::update).isInstanceOfSatisfying(OrganizationOnboardedElsewhereException.class, e -> {
      assertThat(e.finding().orElseThrow().code()).isEqualTo(FindingCode.ADO_ORGANIZATION_ONBOARDED_ELSEWHERE);
      assertThat(e.holderConnectorId()).contains(other.id());
    });
    assertThat(world.stored(main)).isEqualTo(stored);
    assertThat(world.claims(main)).isEqualTo(orgs("contoso", "northwind"));

    // The session stays open: leave the organization out and update.
    VersionedConnector saved = draft.removeOrganization(org("litware")).update();
    assertThat(saved.connector().organizations().organizations()).contains(org("fabrikam"));
  }

  @Test
  void aStoreFailureAfterClaimingReleasesTheClaims() {
    ConnectorStore failing = new ConnectorStore() {
      @Override
      public java.util.Optional<VersionedConnector> find(io.github.devopsconnector.core.ConnectorId connectorId) {
        return world.store.find(connectorId);
      }

      @Override
      public VersionedConnector create(Connector connector, AuthorizationCode authorization) {
        throw new UnsupportedOperationException();
      }

      @Override
      public VersionedConnector update(ChangeSet changes) {
        throw new IllegalStateException("ARM answered 500");
      }
    };
    EditContext broken = EditContext.builder().from(context).store(failing).build();
    EditSession draft = EditSession.open(world.stored(main), ALICE, broken).addOrganization(org("fabrikam"));

    assertThatThrownBy(draft::update).hasMessageContaining("ARM answered 500");
    assertThat(world.registry.onboardedBy(EditFixtures.TENANT, org("fabrikam"))).isEmpty();
    assertThat(world.stored(main)).isEqualTo(stored);
  }

  @Test
  void versionedConnectorOpensASessionToo() {
    EditSession draft = world.stored(main).edit(ALICE, context);

    assertThat(draft.base()).isEqualTo(stored);
    assertThat(draft.actor()).isEqualTo(ALICE);
  }
}
