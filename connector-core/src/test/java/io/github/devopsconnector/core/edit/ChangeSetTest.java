package io.github.devopsconnector.core.edit;

import static io.github.devopsconnector.core.edit.EditFixtures.ALICE;
import static io.github.devopsconnector.core.edit.EditFixtures.BOB;
import static io.github.devopsconnector.core.edit.EditFixtures.connector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devopsconnector.core.AuthorizationCode;
import io.github.devopsconnector.core.Connector;
import io.github.devopsconnector.core.Identity;
import io.github.devopsconnector.core.OrganizationSelection;
import org.junit.jupiter.api.Test;

/** A change set cannot describe an edit the ownership rules do not produce, so no store saves one. */
class ChangeSetTest {

  private final Connector before = connector("devops-main", ALICE, OrganizationSelection.explicit("contoso"));

  private ChangeSet.Builder base(Identity actor) {
    ChangeSet.Builder builder = ChangeSet.builder();
    builder.connectorId(before.id()).baseVersion("1").actor(actor).before(before);
    return builder;
  }

  @Test
  void ownerChangesOnlyThroughATransferToTheActor() {
    assertThatThrownBy(() -> base(BOB).after(before.withOwner(BOB)).ownership(OwnershipConsequence.UNCHANGED).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Only a change set that transfers");
    assertThatThrownBy(() -> base(BOB).after(before.withOwner(EditFixtures.CAROL))
        .ownership(OwnershipConsequence.OWNERSHIP_TRANSFERRED).reauthorization(AuthorizationCode.of("c")).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("makes the actor the owner");

    ChangeSet transfer = base(BOB).after(before.withOwner(BOB)).ownership(OwnershipConsequence.OWNERSHIP_TRANSFERRED)
        .reauthorization(AuthorizationCode.of("c")).build();
    assertThat(transfer.after().owner()).isEqualTo(BOB);
  }

  @Test
  void anExchangeCarriesTheNewAuthorizationAndNothingElseDoes() {
    assertThatThrownBy(() -> base(ALICE).after(before).ownership(OwnershipConsequence.TOKEN_EXCHANGED).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs the new authorization");
    assertThatThrownBy(() -> base(ALICE).after(before).ownership(OwnershipConsequence.UNCHANGED)
        .reauthorization(AuthorizationCode.of("c")).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("carries no new authorization");
  }

  @Test
  void aChangeSetEditsOneConnector() {
    Connector other = connector("devops-other", ALICE, OrganizationSelection.explicit("contoso"));

    assertThatThrownBy(() -> base(ALICE).after(other).ownership(OwnershipConsequence.UNCHANGED).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("edits one connector");
  }
}
