package io.github.devopsconnector.core.edit;

import io.github.devopsconnector.core.Finding;
import io.github.devopsconnector.core.FindingCode;
import java.util.List;
import java.util.Objects;

/** Only the owner may edit; see {@link OwnershipPolicy#forbidTakeovers()}. */
final class ForbidTakeoversPolicy implements OwnershipPolicy {

  static final ForbidTakeoversPolicy INSTANCE = new ForbidTakeoversPolicy();

  private ForbidTakeoversPolicy() {}

  @Override
  public OwnershipDecision decide(OwnershipRequest request) {
    Objects.requireNonNull(request, "request");
    if (request.actorIsOwner()) {
      return DefaultOwnershipPolicy.INSTANCE.decide(request);
    }
    String connector = request.connector().name().value();
    // Re-authorizing or confirming would not help, so the default findings are left out: they would mislead.
    Finding forbidden = Finding.of(FindingCode.TAKEOVER_FORBIDDEN, "owner",
        request.actor() + " is not the owner of the connector " + connector + " (" + request.owner()
            + " is), and this policy forbids taking connectors over.",
        "Ask " + request.owner() + " to make the change.");
    return OwnershipDecision.refuse(OwnershipConsequence.OWNERSHIP_TRANSFERRED, "Only the owner, "
        + request.owner() + ", may edit the connector " + connector + ": takeovers are forbidden.", List.of(forbidden));
  }

  @Override
  public String toString() {
    return "OwnershipPolicy.forbidTakeovers()";
  }
}
