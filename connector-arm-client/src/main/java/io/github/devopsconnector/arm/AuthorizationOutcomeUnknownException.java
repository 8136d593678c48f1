package io.github.devopsconnector.arm;

import com.azure.core.exception.AzureException;

/**
 * A write carrying a one-time authorization code failed in a way that leaves open whether Azure exchanged the code
 * (a timeout, a broken connection or a gateway error after the request was sent), and reading the configuration
 * back did not settle it. The code is not sent again (it works once). Authorize again in Azure DevOps to get a new
 * code, and repeat the create or re-authorization with it.
 */
public final class AuthorizationOutcomeUnknownException extends AzureException {
  private static final long serialVersionUID = 1L;

  /** What to do about it. */
  public static final String REMEDIATION = "Whether the authorization code was exchanged is unknown, and a one-time "
      + "code is never sent twice: read the connector's DevOps configuration later (provisioningState), or "
      + "authorize again in Azure DevOps to get a new code and repeat the request with it.";

  private final String connectorId;

  /**
   * The failure.
   *
   * @param message what happened and what to do (never the code)
   * @param connectorId the connector's ARM resource id
   * @param cause the failure of the write
   */
  public AuthorizationOutcomeUnknownException(String message, String connectorId, Throwable cause) {
    super(message, cause);
    this.connectorId = connectorId;
  }

  /** The connector's ARM resource id. */
  public String connectorId() {
    return connectorId;
  }

  /** What to do about it. */
  public String remediation() {
    return REMEDIATION;
  }
}
