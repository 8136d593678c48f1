package io.github.devopsconnector.core.edit;

import io.github.devopsconnector.core.Finding;
import io.github.devopsconnector.core.FindingCode;
import io.github.devopsconnector.core.Identity;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The ownership rules of Defender for Cloud; see {@link OwnershipPolicy}. */
final class DefaultOwnershipPolicy implements OwnershipPolicy {

  static final DefaultOwnershipPolicy INSTANCE = new DefaultOwnershipPolicy();

  private DefaultOwnershipPolicy() {}

  @Override
  public OwnershipDecision decide(OwnershipRequest request) {
    Objects.requireNonNull(request, "request");
    String connector = request.connector().name().value();
    Identity owner = request.owner();
    Identity actor = request.actor();
    if (request.actorIsOwner()) {
      return request.reauthorized()
          ? OwnershipDecision.allow(OwnershipConsequence.TOKEN_EXCHANGED, actor + " owns the connector " + connector
              + " and re-authorized: the token is exchanged and the owner stays the same.")
          : OwnershipDecision.allow(OwnershipConsequence.UNCHANGED, actor + " owns the connector " + connector
              + " and may edit it without re-authorizing: the stored authorization stays.");
    }
    if (request.reauthorized() && request.takeoverConfirmed()) {
      return OwnershipDecision.allow(OwnershipConsequence.OWNERSHIP_TRANSFERRED, actor
          + " re-authorized and confirmed the takeover, and becomes the owner of the connector "
          + connector + " instead of " + owner + ". This cannot be undone.");
    }
    List<Finding> missing = new ArrayList<>();
    if (!request.reauthorized()) {
      missing.add(reauthorizationRequired(connector, owner, actor));
    }
    if (!request.takeoverConfirmed()) {
      missing.add(takeoverNotConfirmed(connector, owner, actor));
    }
    return OwnershipDecision.refuse(OwnershipConsequence.OWNERSHIP_TRANSFERRED, actor + " is not the owner of the "
        + "connector " + connector + " (" + owner + " is): editing it takes it over, which needs " + actor
        + "'s own authorization and a confirmation that the takeover is irreversible.", missing);
  }

  static Finding reauthorizationRequired(String connector, Identity owner, Identity actor) {
    return Finding.of(FindingCode.REAUTHORIZATION_REQUIRED, "authorization",
        actor + " is not the owner of the connector " + connector + " (" + owner + " is) and has not "
            + "re-authorized; only the owner may edit with the stored authorization.",
        "Re-authorize with your own Azure DevOps account, which makes you the owner of the connector "
            + "irreversibly, or ask " + owner + " to make the change.");
  }

  static Finding takeoverNotConfirmed(String connector, Identity owner, Identity actor) {
    return Finding.of(FindingCode.TAKEOVER_NOT_CONFIRMED, "owner",
        actor + " has not confirmed taking over the connector " + connector + " from " + owner
            + "; the takeover cannot be undone.",
        "Confirm the takeover if you mean to become the owner for good, or ask " + owner
            + " to make the change.");
  }

  @Override
  public String toString() {
    return "OwnershipPolicy.defaultPolicy()";
  }
}
