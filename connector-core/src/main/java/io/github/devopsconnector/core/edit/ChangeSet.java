package io.github.devopsconnector.core.edit;

import io.github.devopsconnector.core.AuthorizationCode;
import io.github.devopsconnector.core.Connector;
import io.github.devopsconnector.core.Identity;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What an edit session will save, made by its review: the connector before and after, every change from old to
 * new, and what happens to ownership. Saving it is the {@link ConnectorStore}'s job; a change set nobody applies
 * changes nothing.
 */
@Value.Immutable
public abstract class ChangeSet {

  ChangeSet() {}

  /** The connector's resource id. */
  public abstract String connectorId();

  /** The store version the edit started from. */
  public abstract String baseVersion();

  /** Who makes the edit. */
  public abstract Identity actor();

  /** The connector as it was when the edit began. */
  public abstract Connector before();

  /** The connector as it will be. */
  public abstract Connector after();

  /** Every change, in a stable order. */
  public abstract List<Change> changes();

  /** What the update does to ownership. */
  public abstract OwnershipConsequence ownership();

  /** The new authorization, when the actor re-authorized. Never shown by {@link #toString()}. */
  @Value.Redacted
  public abstract Optional<AuthorizationCode> reauthorization();

  /** Whether applying it would change nothing. */
  public final boolean isEmpty() {
    return changes().isEmpty();
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ChangeSet}. */
  public static final class Builder extends ImmutableChangeSet.Builder {
    Builder() {}
  }
}
