package io.github.devopsconnector.core.edit;

import static io.github.devopsconnector.core.edit.EditFixtures.ALICE;
import static io.github.devopsconnector.core.edit.EditFixtures.BOB;
import static io.github.devopsconnector.core.edit.EditFixtures.connector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devopsconnector.core.Connector;
import io.github.devopsconnector.core.Finding;
import io.github.devopsconnector.core.FindingCode;
import io.github.devopsconnector.core.Identity;
import io.github.devopsconnector.core.OrganizationSelection;
import java.util.List;
import org.junit.jupiter.api.Test;

class OwnershipPolicyTest {

  private final Connector owned = connector("devops-main", ALICE, OrganizationSelection.explicit("contoso"));
  private final OwnershipPolicy policy = OwnershipPolicy.defaultPolicy();

  private OwnershipDecision decide(OwnershipPolicy policy, Identity actor, boolean reauthorized, boolean confirmed) {
    return policy.decide(OwnershipRequest.of(owned, actor, reauthorized, confirmed));
  }

  @Test
  void ownerMayEditWithoutReauthorizingAndOwnershipStays() {
    OwnershipDecision decision = decide(policy, ALICE, false, false);

    assertThat(decision.allowed()).isTrue();
    assertThat(decision.consequence()).isEqualTo(OwnershipConsequence.UNCHANGED);
    assertThat(decision.findings()).isEmpty();
    assertThat(decision.reason()).contains("Alice").contains("without re-authorizing");
  }

  @Test
  void ownerWhoReauthorizesExchangesTheToken() {
    OwnershipDecision decision = decide(policy, ALICE, true, false);

    assertThat(decision.allowed()).isTrue();
    assertThat(decision.consequence()).isEqualTo(OwnershipConsequence.TOKEN_EXCHANGED);
    assertThat(decision.transfersOwnership()).isFalse();
  }

  @Test
  void ownerIsRecognisedByIdWhateverTheDisplayName() {
    OwnershipDecision decision = decide(policy, Identity.of(ALICE.id(), "alice@contoso.com"), false, false);

    assertThat(decision.allowed()).isTrue();
    assertThat(decision.consequence()).isEqualTo(OwnershipConsequence.UNCHANGED);
  }

  @Test
  void nonOwnerWithoutReauthorizationIsRefusedWithReauthorizationRequired() {
    OwnershipDecision decision = decide(policy, BOB, false, true);

    assertThat(decision.allowed()).isFalse();
    assertThat(decision.consequence()).isEqualTo(OwnershipConsequence.OWNERSHIP_TRANSFERRED);
    assertThat(decision.findings()).extracting(Finding::code).containsExactly(FindingCode.REAUTHORIZATION_REQUIRED);
    Finding finding = decision.findings().get(0);
    assertThat(finding.isError()).isTrue();
    assertThat(finding.message()).contains("Bob").contains("Alice").contains("not the owner");
    assertThat(finding.remediation()).contains("Re-authorize").contains("irreversibly");
  }

  @Test
  void nonOwnerWithoutConfirmationIsRefusedWithTakeoverNotConfirmed() {
    OwnershipDecision decision = decide(policy, BOB, true, false);

    assertThat(decision.allowed()).isFalse();
    assertThat(decision.findings()).extracting(Finding::code).containsExactly(FindingCode.TAKEOVER_NOT_CONFIRMED);
    assertThat(decision.findings().get(0).message()).contains("cannot be undone");
    assertThat(decision.findings().get(0).remediation()).contains("Confirm the takeover");
  }

  @Test
  void nonOwnerWhoDidNeitherIsToldEveryMissingRequirement() {
    OwnershipDecision decision = decide(policy, BOB, false, false);

    assertThat(decision.allowed()).isFalse();
    assertThat(decision.findings()).extracting(Finding::code)
        .containsExactly(FindingCode.REAUTHORIZATION_REQUIRED, FindingCode.TAKEOVER_NOT_CONFIRMED);
    assertThat(decision.toString()).contains("refused").contains("REAUTHORIZATION_REQUIRED");
  }

  @Test
  void nonOwnerWhoReauthorizedAndConfirmedTakesTheConnectorOver() {
    OwnershipDecision decision = decide(policy, BOB, true, true);

    assertThat(decision.allowed()).isTrue();
    assertThat(decision.consequence()).isEqualTo(OwnershipConsequence.OWNERSHIP_TRANSFERRED);
    assertThat(decision.reason()).contains("becomes the owner").contains("instead of Alice").contains("cannot be undone");
  }

  @Test
  void forbidTakeoversLetsTheOwnerEditAsUsual() {
    OwnershipPolicy strict = OwnershipPolicy.forbidTakeovers();

    assertThat(decide(strict, ALICE, false, false).consequence()).isEqualTo(OwnershipConsequence.UNCHANGED);
    assertThat(decide(strict, ALICE, true, false).consequence()).isEqualTo(OwnershipConsequence.TOKEN_EXCHANGED);
  }

  @Test
  void forbidTakeoversRefusesEveryoneElseEvenWhenTheyReauthorizedAndConfirmed() {
    OwnershipDecision decision = decide(OwnershipPolicy.forbidTakeovers(), BOB, true, true);

    assertThat(decision.allowed()).isFalse();
    assertThat(decision.findings()).extracting(Finding::code).containsExactly(FindingCode.TAKEOVER_FORBIDDEN);
    assertThat(decision.findings().get(0).remediation()).contains("Ask Alice");
  }

  @Test
  void decisionsAreConsistentValues() {
    Finding missing = decide(policy, BOB, false, false).findings().get(0);

    assertThatThrownBy(() -> OwnershipDecision.refuse(OwnershipConsequence.OWNERSHIP_TRANSFERRED, "no", List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one blocking finding");
    assertThatThrownBy(() -> OwnershipDecision.allow(OwnershipConsequence.UNCHANGED, " "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason");
    assertThat(OwnershipDecision.refuse(OwnershipConsequence.OWNERSHIP_TRANSFERRED, "why", List.of(missing)))
        .isEqualTo(OwnershipDecision.refuse(OwnershipConsequence.OWNERSHIP_TRANSFERRED, "why", List.of(missing)));
  }
}
