package io.github.devopsconnector.core.edit;

import io.github.devopsconnector.core.Connector;
import io.github.devopsconnector.core.Identity;
import org.immutables.value.Value;

/**
 * What an {@link OwnershipPolicy} decides on: the connector (and so its owner), who edits it, whether they
 * re-authorized with a new authorization code, and whether they confirmed that taking the connector over is
 * irreversible.
 */
@Value.Immutable
public abstract class OwnershipRequest {

  OwnershipRequest() {}

  /** The connector as it is stored now; its {@link Connector#owner()} is the current owner. */
  @Value.Parameter
  public abstract Connector connector();

  /** Who makes the edit. */
  @Value.Parameter
  public abstract Identity actor();

  /** Whether the actor re-authorized: gave a new authorization code of their own. */
  @Value.Parameter
  public abstract boolean reauthorized();

  /** Whether the actor confirmed that taking the connector over cannot be undone. */
  @Value.Parameter
  public abstract boolean takeoverConfirmed();

  /** The connector's current owner. */
  public final Identity owner() {
    return connector().owner();
  }

  /** Whether the actor is the current owner (identities compare by id). */
  public final boolean actorIsOwner() {
    return connector().owner().equals(actor());
  }

  /**
   * A request.
   *
   * @throws NullPointerException if the connector or the actor is null
   */
  public static OwnershipRequest of(Connector connector, Identity actor, boolean reauthorized,
      boolean takeoverConfirmed) {
    return ImmutableOwnershipRequest.of(connector, actor, reauthorized, takeoverConfirmed);
  }

  @Override
  public String toString() {
    return "OwnershipRequest{connector " + connector().resourceId() + ", owner " + owner() + ", actor " + actor()
        + ", reauthorized " + reauthorized() + ", takeover confirmed " + takeoverConfirmed() + "}";
  }
}
