package io.github.devopsconnector.core.edit;

import io.github.devopsconnector.core.Connector;
import io.github.devopsconnector.core.Identity;
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

  /**
   * Opens an edit session on this version; the same as {@link EditSession#open(VersionedConnector, Identity,
   * EditContext)}.
   *
   * @throws NullPointerException if an argument is null
   */
  public final EditSession edit(Identity actor, EditContext context) {
    return EditSession.open(this, actor, context);
  }

  @Value.Check
  final void check() {
    if (version().isBlank()) {
      throw new IllegalArgumentException("A stored connector's version must not be blank.");
    }
  }

  @Override
  public String toString() {
    return "VersionedConnector{" + connector().resourceId() + ", version " + version() + "}";
  }
}
