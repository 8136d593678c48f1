package io.github.devopsconnector.core.edit;

import static io.github.devopsconnector.core.edit.EditFixtures.ALICE;
import static io.github.devopsconnector.core.edit.EditFixtures.BOB;
import static io.github.devopsconnector.core.edit.EditFixtures.CAROL;
import static io.github.devopsconnector.core.edit.EditFixtures.allowed;
import static io.github.devopsconnector.core.edit.EditFixtures.connector;
import static io.github.devopsconnector.core.edit.EditFixtures.org;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devopsconnector.core.AuthorizationCode;
import io.github.devopsconnector.core.Connector;
import io.github.devopsconnector.core.Finding;
import io.github.devopsconnector.core.FindingCode;
import io.github.devopsconnector.core.Identity;
import io.github.devopsconnector.core.OrganizationSelection;
import java.util.List;
import org.junit.jupiter.api.Test;

class EditSessionOwnershipTest {

  private final EditFixtures.World world = new EditFixtures.World();
  private final Connector original = connector("devops-main", ALICE, OrganizationSelection.explicit("contoso"));
  private final VersionedConnector stored = world.create(original);
  private final EditContext context = world.context(allowed("fabrikam"), allowed("contoso"));

  private EditSession open(Identity actor) {
    return EditSession.open(world.stored(original), actor, context);
  }

  @Test
  void ownerEditsWithoutReauthorizing() {
    EditSession draft = open(ALICE).addOrganization(org("fabrikam"));

    ChangeSet review = draft.review();
    VersionedConnector saved = draft.update();

    assertThat(review.ownership()).isEqualTo(OwnershipConsequence.UNCHANGED);
    assertThat(review.authorizationExchanged()).isFalse();
    assertThat(review.changes()).extracting(Change::field).containsExactly("organization:fabrikam");
    assertThat(saved.connector().owner()).isEqualTo(ALICE);
    assertThat(saved.connector().organizations().organizations()).containsExactly(org("contoso"), org("fabrikam"));
    assertThat(saved.version()).isNotEqualTo(stored.version());
    assertThat(world.stored(original)).isEqualTo(saved);
  }

  @Test
  void ownerReauthorizesToExchangeTheToken() {
    AuthorizationCode code = AuthorizationCode.of("fresh-owner-code");
    EditSession draft = open(ALICE).reauthorize(code);

    ChangeSet review = draft.review();
    VersionedConnector saved = draft.update();

    assertThat(review.ownership()).isEqualTo(OwnershipConsequence.TOKEN_EXCHANGED);
    assertThat(review.changes()).containsExactly(Change.of("authorization", "current token", "exchanged"));
    assertThat(saved.connector().owner()).isEqualTo(ALICE);
    assertThat(code.isDestroyed()).as("the store exchanged the one-time code and destroyed it").isTrue();
  }

  @Test
  void nonOwnerWithoutReauthorizationCannotReviewOrUpdate() {
    EditSession draft = open(BOB).confirmTakeover().addOrganization(org("fabrikam"));

    assertThatThrownBy(draft::review).isInstanceOfSatisfying(EditNotAllowedException.class, e -> {
      assertThat(e.findings()).extracting(Finding::code).containsExactly(FindingCode.REAUTHORIZATION_REQUIRED);
      assertThat(e.decision().consequence()).isEqualTo(OwnershipConsequence.OWNERSHIP_TRANSFERRED);
      assertThat(e.actor()).isEqualTo(BOB);
      assertThat(e.getMessage()).contains("not allowed").contains("REAUTHORIZATION_REQUIRED");
    });
    assertThatThrownBy(draft::update).isInstanceOf(EditNotAllowedException.class);
    assertThat(world.stored(original)).isEqualTo(stored);
    assertThat(world.claims(original)).containsExactly(org("contoso"));
  }

  @Test
  void nonOwnerWithoutConfirmationCannotUpdate() {
    AuthorizationCode code = AuthorizationCode.of("bob-code");
    EditSession draft = open(BOB).reauthorize(code);

    assertThat(draft.ownershipDecision().findings()).extracting(Finding::code)
        .containsExactly(FindingCode.TAKEOVER_NOT_CONFIRMED);
    assertThatThrownBy(draft::update).isInstanceOfSatisfying(EditNotAllowedException.class,
        e -> assertThat(e.findings()).extracting(Finding::code).containsExactly(FindingCode.TAKEOVER_NOT_CONFIRMED));
    assertThat(world.stored(original)).isEqualTo(stored);
    assertThat(code.isDestroyed()).as("nothing was exchanged").isFalse();
  }

  @Test
  void requirementsCanBeMetAfterARefusalInTheSameSession() {
    EditSession draft = open(BOB);
    assertThatThrownBy(draft::review).isInstanceOf(EditNotAllowedException.class);

    VersionedConnector saved = draft.reauthorize(AuthorizationCode.of("bob-code")).confirmTakeover().update();

    assertThat(saved.connector().owner()).isEqualTo(BOB);
  }

  @Test
  void confirmedTakeoverMakesTheActorOwnerAndCannotBeReverted() {
    EditSession takeover = open(BOB).reauthorize(AuthorizationCode.of("bob-code")).confirmTakeover();

    ChangeSet review = takeover.review();
    VersionedConnector saved = takeover.update();

    assertThat(review.ownership()).isEqualTo(OwnershipConsequence.OWNERSHIP_TRANSFERRED);
    assertThat(review.changes()).contains(Change.of("owner", ALICE.toString(), BOB.toString()));
    assertThat(review.after().owner()).isEqualTo(BOB);
    assertThat(saved.connector().owner()).isEqualTo(BOB);
    assertThat(world.stored(original).connector().owner()).as("the store has the new owner").isEqualTo(BOB);

    // Alice is now just another non-owner: no way back without taking the connector over herself.
    EditSession aliceAgain = open(ALICE);
    assertThat(aliceAgain.ownershipDecision().allowed()).isFalse();
    assertThatThrownBy(aliceAgain::update).isInstanceOfSatisfying(EditNotAllowedException.class,
        e -> assertThat(e.findings()).extracting(Finding::code).contains(FindingCode.REAUTHORIZATION_REQUIRED));
    aliceAgain.reauthorize(AuthorizationCode.of("alice-code"));
    assertThat(aliceAgain.ownershipDecision().findings()).extracting(Finding::code)
        .containsExactly(FindingCode.TAKEOVER_NOT_CONFIRMED);
    assertThat(world.stored(original).connector().owner()).isEqualTo(BOB);

    // Bob edits as the owner from now on, without re-authorizing.
    assertThat(open(BOB).review().ownership()).isEqualTo(OwnershipConsequence.UNCHANGED);
  }

  @Test
  void forbidTakeoversPolicyRefusesNonOwnersButNotTheOwner() {
    EditContext strict = world.context(OwnershipPolicy.forbidTakeovers(), allowed("fabrikam"));
    EditSession bob = EditSession.open(world.stored(original), BOB, strict)
        .reauthorize(AuthorizationCode.of("bob-code")).confirmTakeover();

    assertThatThrownBy(bob::update).isInstanceOfSatisfying(EditNotAllowedException.class,
        e -> assertThat(e.findings()).extracting(Finding::code).containsExactly(FindingCode.TAKEOVER_FORBIDDEN));
    assertThat(world.stored(original)).isEqualTo(stored);

    VersionedConnector saved = EditSession.open(world.stored(original), ALICE, strict)
        .addOrganization(org("fabrikam")).update();
    assertThat(saved.connector().owner()).isEqualTo(ALICE);
  }

  @Test
  void aPolicyCannotLoosenTheDefaultRules() {
    OwnershipPolicy lax = request -> OwnershipDecision.allow(OwnershipConsequence.UNCHANGED, "anything goes");
    EditSession carol = EditSession.open(world.stored(original), CAROL, world.context(lax));

    assertThatThrownBy(carol::update).isInstanceOfSatisfying(EditNotAllowedException.class,
        e -> assertThat(e.findings()).extracting(Finding::code)
            .containsExactly(FindingCode.REAUTHORIZATION_REQUIRED, FindingCode.TAKEOVER_NOT_CONFIRMED));
    assertThat(world.stored(original)).isEqualTo(stored);
  }

  @Test
  void aPolicyCannotChangeWhatAnEditDoesToOwnership() {
    OwnershipPolicy confused = request -> OwnershipDecision.allow(OwnershipConsequence.UNCHANGED, "keep the owner");
    EditSession carol = EditSession.open(world.stored(original), CAROL, world.context(confused))
        .reauthorize(AuthorizationCode.of("carol-code")).confirmTakeover();

    assertThatThrownBy(carol::review).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("may refuse an edit, but not change what it does to ownership");
  }

  @Test
  void aCustomPolicyMayRefuseWithItsOwnFindings() {
    Finding frozen = Finding.of(FindingCode.TAKEOVER_FORBIDDEN, "connector", "The connector is frozen.",
        "Wait until the change freeze ends.");
    OwnershipPolicy freeze = request -> OwnershipDecision.refuse(
        OwnershipPolicy.defaultPolicy().decide(request).consequence(), "Change freeze.", List.of(frozen));

    EditSession alice = EditSession.open(world.stored(original), ALICE, world.context(freeze));

    assertThat(alice.ownershipDecision().reason()).isEqualTo("Change freeze.");
    assertThatThrownBy(alice::update).isInstanceOfSatisfying(EditNotAllowedException.class,
        e -> assertThat(e.findings()).containsExactly(frozen));
  }
}
