package io.github.devopsconnector.arm;

import io.github.devopsconnector.arm.models.ArmError;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpResponse;

/**
 * Defender for Cloud could not exchange the one-time Azure DevOps authorization code ({@code TokenExchangeFailed}):
 * the code expired or was already used. The DevOps configuration was left in the {@code Failed} state. Authorize
 * again in Azure DevOps to get a new code, and send it (create again, or re-authorize the connector).
 */
public final class TokenExchangeFailedException extends HttpResponseException {
  private static final long serialVersionUID = 1L;

  /** The ARM error code of a failed exchange. */
  public static final String ERROR_CODE = "TokenExchangeFailed";

  /** What to do about a failed exchange. */
  public static final String REMEDIATION = "The one-time authorization code expired or was already used: authorize "
      + "again in Azure DevOps to get a new code and send that one (codes work once and only for a few minutes). "
      + "The connector's DevOps configuration is left in the Failed state until then.";

  /**
   * A failed exchange.
   *
   * @param message what happened and what to do (never the code)
   * @param response the response that reported it (an operation poll, or the write itself)
   * @param error the ARM error
   */
  public TokenExchangeFailedException(String message, HttpResponse response, ArmError error) {
    super(message, response, error);
  }

  /** The ARM error ({@code TokenExchangeFailed}). */
  public ArmError error() {
    return (ArmError) getValue();
  }

  /** What to do about it. */
  public String remediation() {
    return REMEDIATION;
  }
}
