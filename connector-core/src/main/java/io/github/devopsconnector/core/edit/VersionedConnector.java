package io.github.devopsconnector.core.edit;

import io.github.devopsconnector.core.Connector;
import org.immutables.value.Value;

/** A stored connector and the version it has in its store (ARM's {@code etag}). */
@Value.Immutable
public abstract class VersionedConnector {

  VersionedConnector() {}

  /** The connector. */
  @Value.Parameter
  public abstract Connector connector();

  /** The store's version of it; opaque. */
  @Value.Parameter
  public abstract String version();

  /** A stored connector. */
  public static VersionedConnector of(Connector connector, String version) {
    return ImmutableVersionedConnector.of(connector, version);
  }
}
