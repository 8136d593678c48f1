package io.github.devopsconnector.core.edit;

import io.github.devopsconnector.core.ConnectorId;
import io.github.devopsconnector.core.AuthorizationCode;
import io.github.devopsconnector.core.Connector;
import io.github.devopsconnector.core.Finding;
import io.github.devopsconnector.core.Identity;
import io.github.devopsconnector.core.OrganizationName;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * What an edit session will save, made by its {@link EditSession#review() review}: the connector before and after,
 * every change from old to new, and what happens to ownership. Saving it is the {@link ConnectorStore}'s job; a
 * change set nobody applies changes nothing.
 *
 * <p>The re-authorization code it may carry is never shown: not by {@link #toString()}, not by {@link #changes()},
 * which only say that the authorization is {@code exchanged}.
 */
@Value.Immutable
public abstract class ChangeSet {

  ChangeSet() {}

  /** The connector's resource id. */
  public abstract ConnectorId connectorId();

  /** The store version the edit started from. */
  public abstract String baseVersion();

  /** Who makes the edit. */
  public abstract Identity actor();

  /** The connector as it was when the edit began. */
  public abstract Connector before();

  /** The connector as it will be. */
  public abstract Connector after();

  /**
   * Every change, in a stable order: {@code authorization} ({@code unchanged -> exchanged}), {@code owner},
   * {@code selection}, {@code autoDiscovery}, then one {@code organization:<name>} per organization added
   * ({@code - -> onboarded}) or removed ({@code onboarded -> -}), by name.
   */
  public abstract List<Change> changes();

  /** What the update does to ownership. */
  public abstract OwnershipConsequence ownership();

  /** The new authorization, when the actor re-authorized. Never shown by {@link #toString()}. */
  @Value.Redacted
  public abstract Optional<AuthorizationCode> reauthorization();

  /** The organizations the connector onboards after the update and did not before, by name. */
  public abstract List<OrganizationName> addedOrganizations();

  /** The organizations the connector no longer onboards after the update, by name. */
  public abstract List<OrganizationName> removedOrganizations();

  /** Findings that do not block but are worth showing on review, such as an unreadable OAuth policy. */
  public abstract List<Finding> warnings();

  /** Whether applying it would change nothing. */
  public final boolean isEmpty() {
    return changes().isEmpty();
  }

  /** Whether the update exchanges the authorization token. */
  public final boolean authorizationExchanged() {
    return reauthorization().isPresent();
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ChangeSet}. */
  public static final class Builder extends ImmutableChangeSet.Builder {
    Builder() {}
  }

  @Value.Check
  final void check() {
    if (!before().id().equals(connectorId()) || !after().id().equals(connectorId())) {
      throw new IllegalArgumentException("A change set edits one connector: " + connectorId()
          + " does not match the connector before (" + before().resourceId() + ") or after ("
          + after().resourceId() + ").");
    }
    boolean exchange = ownership() != OwnershipConsequence.UNCHANGED;
    if (exchange != reauthorization().isPresent()) {
      throw new IllegalArgumentException(exchange
          ? "A change set with ownership " + ownership() + " needs the new authorization."
          : "A change set that leaves ownership unchanged carries no new authorization.");
    }
    if (ownership() == OwnershipConsequence.OWNERSHIP_TRANSFERRED) {
      if (!after().owner().equals(actor())) {
        throw new IllegalArgumentException("A change set that transfers ownership makes the actor the owner.");
      }
    } else if (!after().owner().equals(before().owner())) {
      throw new IllegalArgumentException("Only a change set that transfers ownership changes the owner.");
    }
  }

  /** A summary for logs and reviews; never contains the authorization code. */
  @Override
  public String toString() {
    return "ChangeSet{connector " + connectorId() + ", from version " + baseVersion() + ", by " + actor()
        + ", ownership " + ownership() + ", authorization " + (authorizationExchanged() ? "exchanged" : "unchanged")
        + ", changes [" + changes().stream().map(Change::toString).collect(Collectors.joining("; ")) + "]}";
  }
}
