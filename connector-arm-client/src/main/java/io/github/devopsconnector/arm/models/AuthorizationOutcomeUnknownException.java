package io.github.devopsconnector.arm.models;

import io.github.devopsconnector.core.ConnectorId;
import io.github.devopsconnector.core.ServiceException;
import java.util.Objects;

/**
 * A write carrying a one-time authorization code failed in a way that leaves open whether Azure exchanged the code
 * (a timeout, a broken connection or a gateway error after the request was sent), and reading the configuration
 * back did not settle it. The code is not sent again (it works once): unlike other failures, repeating the call
 * with the same code cannot help. Authorize again in Azure DevOps to get a new code, and repeat the create or
 * re-authorization with it. The cause is the failure of the write.
 */
public final class AuthorizationOutcomeUnknownException extends ServiceException {
  private static final long serialVersionUID = 1L;

  /** What to do about it. */
  public static final String REMEDIATION = "Whether the authorization code was exchanged is unknown, and a one-time "
      + "code is never sent twice: read the connector's DevOps configuration later (provisioningState), or "
      + "authorize again in Azure DevOps to get a new code and repeat the request with it.";

  private final transient ConnectorId connectorId;

  private AuthorizationOutcomeUnknownException(Builder builder) {
    super(builder);
    this.connectorId = builder.connectorId;
  }

  /**
   * The connector whose configuration was written.
   *
   * @return the connector's id
   */
  public ConnectorId connectorId() {
    return connectorId;
  }

  /**
   * Starts a builder; the kind is that of the write's failure ({@code TRANSIENT} for a timeout or broken
   * connection), and the remediation is {@link #REMEDIATION}.
   *
   * @param kind the kind of the write's failure
   * @param message what happened, without the code
   * @param connectorId the connector whose configuration was written
   * @return the builder
   */
  public static Builder builder(Kind kind, String message, ConnectorId connectorId) {
    return new Builder(kind, message, connectorId);
  }

  /** Builds an {@link AuthorizationOutcomeUnknownException}. */
  public static final class Builder extends ServiceException.Builder {
    private final ConnectorId connectorId;

    private Builder(Kind kind, String message, ConnectorId connectorId) {
      super(kind, message);
      this.connectorId = Objects.requireNonNull(connectorId, "connectorId");
      remediation(REMEDIATION);
    }

    /**
     * Builds the exception.
     *
     * @return the exception
     */
    @Override
    public AuthorizationOutcomeUnknownException build() {
      return new AuthorizationOutcomeUnknownException(this);
    }
  }
}
