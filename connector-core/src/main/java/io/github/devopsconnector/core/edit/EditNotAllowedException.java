package io.github.devopsconnector.core.edit;

import io.github.devopsconnector.core.ConnectorId;
import io.github.devopsconnector.core.DevOpsConnectorException;

import io.github.devopsconnector.core.Finding;
import io.github.devopsconnector.core.Identity;
import java.util.List;

/**
 * The ownership policy does not allow the edit as it stands, so it cannot be reviewed or saved. Carries the
 * {@link OwnershipDecision} with the missing requirements, such as
 * {@link io.github.devopsconnector.core.FindingCode#REAUTHORIZATION_REQUIRED} or
 * {@link io.github.devopsconnector.core.FindingCode#TAKEOVER_NOT_CONFIRMED}. Nothing was saved; the session stays
 * open, so the actor can meet the requirements and review again.
 */
public final class EditNotAllowedException extends DevOpsConnectorException {
  private static final long serialVersionUID = 1L;

  private final transient ConnectorId connectorId;
  private final transient Identity actor;
  private final transient OwnershipDecision decision;

  EditNotAllowedException(ConnectorId connectorId, Identity actor, OwnershipDecision decision) {
    super(message(connectorId, decision), null, decision.findings(), null);
    this.connectorId = connectorId;
    this.actor = actor;
    this.decision = decision;
  }

  /** The connector's resource id. */
  public ConnectorId connectorId() {
    return connectorId;
  }

  /** Who tried to edit. */
  public Identity actor() {
    return actor;
  }

  /** The policy's decision. */
  public OwnershipDecision decision() {
    return decision;
  }


  private static String message(ConnectorId connectorId, OwnershipDecision decision) {
    StringBuilder text = new StringBuilder("The edit of the connector ").append(connectorId)
        .append(" is not allowed: ").append(decision.reason());
    decision.findings().forEach(f -> text.append("\n- ").append(f));
    return text.toString();
  }
}
