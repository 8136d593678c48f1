package io.github.devopsconnector.core.edit;

import io.github.devopsconnector.core.Connector;
import io.github.devopsconnector.core.Identity;
import java.util.Objects;

/**
 * A stored connector and the version it has in its store (ARM's {@code etag}).
 *
 * @param connector the connector
 * @param version the store's version of it; opaque, never blank
 */
public record VersionedConnector(Connector connector, String version) {

  /**
   * Checks the parts.
   *
   * @throws NullPointerException if a part is null
   * @throws IllegalArgumentException if the version is blank
   */
  public VersionedConnector {
    Objects.requireNonNull(connector, "connector");
    Objects.requireNonNull(version, "version");
    if (version.isBlank()) {
      throw new IllegalArgumentException("A stored connector's version must not be blank.");
    }
  }

  /**
   * A stored connector.
   *
   * @param connector the connector
   * @param version the store's version of it
   * @return the stored connector
   */
  public static VersionedConnector of(Connector connector, String version) {
    return new VersionedConnector(connector, version);
  }

  /**
   * Opens an edit session on this version; the same as {@link EditSession#open(VersionedConnector, Identity,
   * EditContext)}.
   *
   * @param actor who edits
   * @param context what the session needs to know
   * @return the session
   * @throws NullPointerException if an argument is null
   */
  public EditSession edit(Identity actor, EditContext context) {
    return EditSession.open(this, actor, context);
  }

  @Override
  public String toString() {
    return "VersionedConnector{" + connector.resourceId() + ", version " + version + "}";
  }
}
