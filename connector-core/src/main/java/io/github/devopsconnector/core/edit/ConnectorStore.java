package io.github.devopsconnector.core.edit;

import io.github.devopsconnector.core.ConnectorId;
import io.github.devopsconnector.core.AuthorizationCode;
import io.github.devopsconnector.core.Connector;
import java.util.Optional;

/**
 * Where connectors live: an in-memory map in tests ({@link InMemoryConnectorStore}), Azure Resource Manager in
 * production. Every stored connector has a version (ARM's {@code etag}); {@link #update(ChangeSet)} saves only
 * when the change set was made from the current version, so concurrent edits never lose an update.
 * Implementations must be thread-safe.
 *
 * <p><b>Authorization codes.</b> A store exchanges the code it is given and never keeps it: once the exchange
 * succeeded it {@linkplain AuthorizationCode#destroy() destroys} the code (a one-time code is spent anyway). When
 * the call fails before the exchange, the code is left as it was, so the caller may use it again or destroy it.
 *
 * <p><b>Tenant registry.</b> A store does not claim organizations in a {@link TenantRegistry};
 * {@link ConnectorCreation} and {@link EditSession#update()} do, around the store's calls.
 */
public interface ConnectorStore {

  /** The connector with this id ({@link Connector#id()}), with its current version. */
  Optional<VersionedConnector> find(ConnectorId connectorId);

  /**
   * Creates a connector, exchanging the authorization code. The code is used for this call only and destroyed
   * once exchanged.
   *
   * @return the connector as saved, with its first version
   * @throws IllegalStateException if a connector with the same resource id exists
   * @throws IllegalArgumentException if the code was already destroyed; nothing was saved
   */
  VersionedConnector create(Connector connector, AuthorizationCode authorization);

  /**
   * Applies a reviewed change set, atomically: all of it or nothing. A re-authorization in the change set is
   * exchanged and destroyed once the update succeeded.
   *
   * @return the connector as saved, with its new version
   * @throws EditConflictException if the connector changed since {@link ChangeSet#baseVersion()}, or is gone;
   *     nothing was saved
   * @throws IllegalArgumentException if the re-authorization code was already destroyed; nothing was saved
   */
  VersionedConnector update(ChangeSet changes);
}
