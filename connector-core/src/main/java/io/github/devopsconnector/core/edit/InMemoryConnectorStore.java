package io.github.devopsconnector.core.edit;

import io.github.devopsconnector.core.ConnectorId;
import io.github.devopsconnector.core.AuthorizationCode;
import io.github.devopsconnector.core.Connector;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link ConnectorStore} in memory, for tests and single-process tools. Thread-safe, with optimistic
 * concurrency: each connector's version is a counter ({@code "1"} when created, one more per update; treat it as
 * opaque), and an update from any other version than the current one fails with {@link EditConflictException} and
 * saves nothing. Updates never get lost.
 *
 * <p>It keeps connectors only: an authorization code it is given is destroyed once the create or update succeeded,
 * and never stored. It claims nothing in a {@link TenantRegistry}.
 */
public final class InMemoryConnectorStore implements ConnectorStore {

  private final ConcurrentMap<ConnectorId, VersionedConnector> connectors = new ConcurrentHashMap<>();

  /** An empty store. */
  public InMemoryConnectorStore() {}

  @Override
  public Optional<VersionedConnector> find(ConnectorId connectorId) {
    Objects.requireNonNull(connectorId, "connectorId");
    return Optional.ofNullable(connectors.get(connectorId));
  }

  @Override
  public VersionedConnector create(Connector connector, AuthorizationCode authorization) {
    Objects.requireNonNull(connector, "connector");
    requireUsable(authorization);
    VersionedConnector created = VersionedConnector.of(connector, "1");
    if (connectors.putIfAbsent(connector.id(), created) != null) {
      throw new IllegalStateException("A connector " + connector.resourceId() + " already exists.");
    }
    authorization.destroy();
    return created;
  }

  @Override
  public VersionedConnector update(ChangeSet changes) {
    Objects.requireNonNull(changes, "changes");
    changes.reauthorization().ifPresent(InMemoryConnectorStore::requireUsable);
    ConnectorId id = changes.connectorId();
    VersionedConnector saved = connectors.compute(id, (key, current) -> {
      if (current == null) {
        throw new EditConflictException(id, changes.baseVersion(), null);
      }
      if (!current.version().equals(changes.baseVersion())) {
        throw new EditConflictException(id, changes.baseVersion(), current.version());
      }
      return VersionedConnector.of(changes.after(), next(current.version()));
    });
    changes.reauthorization().ifPresent(AuthorizationCode::destroy);
    return saved;
  }

  /** How many connectors the store holds. */
  public int size() {
    return connectors.size();
  }

  @Override
  public String toString() {
    return "InMemoryConnectorStore{" + connectors.size() + " connectors}";
  }

  private static String next(String version) {
    return Long.toString(Long.parseLong(version) + 1);
  }

  private static void requireUsable(AuthorizationCode authorization) {
    Objects.requireNonNull(authorization, "authorization");
    if (authorization.isDestroyed()) {
      throw new IllegalArgumentException("The authorization code was already used; authorize again to get a new one.");
    }
  }
}
