package io.github.devopsconnector.core.edit;

import io.github.devopsconnector.core.ConnectorId;
import java.util.List;

import io.github.devopsconnector.core.DevOpsConnectorException;

import io.github.devopsconnector.core.Finding;
import io.github.devopsconnector.core.FindingCode;
import java.util.Optional;

/**
 * The connector changed (or was deleted) after the edit began, so nothing was saved. Carries the
 * {@link FindingCode#EDIT_CONFLICT} finding. Reopen the edit from the current version and apply the changes again.
 */
public final class EditConflictException extends DevOpsConnectorException {
  private static final long serialVersionUID = 1L;

  private final transient ConnectorId connectorId;
  private final String expectedVersion;
  private final String actualVersion;

  /**
   * A conflict.
   *
   * @param actualVersion the current version, or {@code null} when the connector no longer exists
   */
  public EditConflictException(ConnectorId connectorId, String expectedVersion, String actualVersion) {
    this(connectorId, expectedVersion, actualVersion, null);
  }

  /** A conflict detected by a remote store, with the store's exception as the cause. */
  public EditConflictException(ConnectorId connectorId, String expectedVersion, String actualVersion,
      Throwable cause) {
    super(message(connectorId, expectedVersion, actualVersion), cause,
        List.of(conflict(message(connectorId, expectedVersion, actualVersion))), null);
    this.connectorId = connectorId;
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;

  }


  /** The connector. */
  public ConnectorId connectorId() {
    return connectorId;
  }

  /** The version the edit started from. */
  public String expectedVersion() {
    return expectedVersion;
  }

  /** The current version, empty when the connector no longer exists. */
  public Optional<String> actualVersion() {
    return Optional.ofNullable(actualVersion);
  }

  private static Finding conflict(String message) {
    return Finding.of(FindingCode.EDIT_CONFLICT, "connector", message,
        "Open a new edit session from the current connector and make the changes again.");
  }

  private static String message(ConnectorId connectorId, String expected, String actual) {
    return actual == null
        ? "The connector " + connectorId + " no longer exists; nothing was saved."
        : "The connector " + connectorId + " changed since the edit began (version " + expected + ", now " + actual
            + "); nothing was saved.";
  }
}
