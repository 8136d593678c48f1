package io.github.devopsconnector.core.edit;

import io.github.devopsconnector.core.AuthorizationCode;
import io.github.devopsconnector.core.Connector;
import java.util.Optional;

/**
 * Where connectors live: an in-memory map in tests, Azure Resource Manager in production. Every stored connector
 * has a version (ARM's {@code etag}); {@link #update(ChangeSet)} saves only when the change set was made from the
 * current version, so concurrent edits never lose an update. Implementations must be thread-safe.
 */
public interface ConnectorStore {

  /** The connector with this ARM resource id ({@link Connector#resourceId()}), with its current version. */
  Optional<VersionedConnector> find(String connectorId);

  /**
   * Creates a connector, exchanging the authorization code. The code is used for this call only.
   *
   * @throws IllegalStateException if a connector with the same resource id exists
   */
  VersionedConnector create(Connector connector, AuthorizationCode authorization);

  /**
   * Applies a reviewed change set, atomically: all of it or nothing.
   *
   * @return the connector as saved, with its new version
   * @throws EditConflictException if the connector changed since {@link ChangeSet#baseVersion()}, or is gone;
   *     nothing was saved
   */
  VersionedConnector update(ChangeSet changes);
}
