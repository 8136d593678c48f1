package io.github.devopsconnector.core.edit;

import static io.github.devopsconnector.core.edit.EditFixtures.ALICE;
import static io.github.devopsconnector.core.edit.EditFixtures.BOB;
import static io.github.devopsconnector.core.edit.EditFixtures.SECRET;
import static io.github.devopsconnector.core.edit.EditFixtures.allowed;
import static io.github.devopsconnector.core.edit.EditFixtures.code;
import static io.github.devopsconnector.core.edit.EditFixtures.connector;
import static io.github.devopsconnector.core.edit.EditFixtures.org;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.devopsconnector.core.AuthorizationCode;
import io.github.devopsconnector.core.Connector;
import io.github.devopsconnector.core.OrganizationSelection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The authorization code never shows: not in change sets, sessions, decisions or exception messages. */
class SecretsTest {

  private final EditFixtures.World world = new EditFixtures.World();
  private final Connector main = connector("devops-main", ALICE, OrganizationSelection.explicit("contoso"));
  private final EditContext context = world.context(allowed("fabrikam"));

  {
    world.create(main);
  }

  @Test
  void noTextTheEditProducesContainsTheAuthorizationCode() {
    AuthorizationCode code = code();
    EditSession takeover = EditSession.open(world.stored(main), BOB, context).reauthorize(code)
        .addOrganization(org("fabrikam"));
    List<String> texts = new ArrayList<>();

    texts.add(takeover.toString());
    texts.add(takeover.ownershipDecision().toString());
    texts.add(catchThrowable(takeover::review).getMessage());
    takeover.confirmTakeover();
    ChangeSet review = takeover.review();
    texts.add(review.toString());
    review.changes().forEach(c -> texts.add(c.toString() + c.field() + c.oldValue() + c.newValue()));
    texts.add(review.after().toString());
    texts.add(context.toString());

    EditSession stale = EditSession.open(world.stored(main), BOB, context).reauthorize(AuthorizationCode.of(SECRET))
        .confirmTakeover();
    takeover.update();
    texts.add(catchThrowable(stale::update).getMessage());
    texts.add(stale.toString());
    texts.add(world.store.toString());
    texts.add(world.registry.toString());

    assertThat(review.reauthorization()).containsSame(code);
    assertThat(review.toString()).contains("authorization exchanged");
    assertThat(texts).hasSizeGreaterThan(10).allSatisfy(text -> assertThat(text).doesNotContain(SECRET));
  }
}
