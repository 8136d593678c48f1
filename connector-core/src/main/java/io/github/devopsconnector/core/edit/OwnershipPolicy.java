package io.github.devopsconnector.core.edit;

/**
 * Decides who may edit a connector and what the edit does to its ownership.
 *
 * <p>The rules of Defender for Cloud ({@link #defaultPolicy()}): the owner may edit without re-authorizing, and
 * may re-authorize to exchange the token. Anyone else must re-authorize with their own authorization <em>and</em>
 * confirm that the takeover is irreversible; only then may they edit, and they become the owner. Nothing offers
 * a way back: after a takeover the previous owner is just another non-owner.
 *
 * <p>Integrators may supply a stricter policy (for example {@link #forbidTakeovers()}). A policy can only add
 * restrictions: {@link EditSession} applies the default rules as well, so a policy that allows what they refuse
 * does not loosen them, and a policy may not change the {@link OwnershipConsequence} they determine.
 * Implementations must be thread-safe and side-effect free.
 */
public interface OwnershipPolicy {

  /**
   * Decides on an edit.
   *
   * @param request the connector, the actor, and what the actor has done so far
   * @return the decision, never null
   */
  OwnershipDecision decide(OwnershipRequest request);

  /** The rules of Defender for Cloud, as described on {@link OwnershipPolicy}. */
  static OwnershipPolicy defaultPolicy() {
    return DefaultOwnershipPolicy.INSTANCE;
  }

  /**
   * A stricter policy: only the owner may edit, with or without re-authorizing; anyone else is refused with
   * {@link io.github.devopsconnector.core.FindingCode#TAKEOVER_FORBIDDEN}, whether or not they re-authorized and
   * confirmed. Useful where connectors must never change hands through an edit.
   */
  static OwnershipPolicy forbidTakeovers() {
    return ForbidTakeoversPolicy.INSTANCE;
  }
}
