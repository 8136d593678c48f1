package io.github.devopsconnector.arm;

import io.github.devopsconnector.arm.models.ArmError;
import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.http.HttpResponse;

/**
 * {@code listAvailableAzureDevOpsOrgs} answered 401: the caller is not the identity that authorized the connector's
 * access to Azure DevOps, and only that identity's token can list organizations. Re-authorize the connector with
 * your own Azure DevOps sign-in (which makes you its owner, irreversibly) to list them.
 */
public final class NotAuthorizingIdentityException extends ClientAuthenticationException {
  private static final long serialVersionUID = 1L;

  /** What to do about it. */
  public static final String REMEDIATION = "Only the identity that authorized the connector can list its "
      + "available organizations. Re-authorize the connector with your own Azure DevOps sign-in (taking ownership, "
      + "which cannot be undone), or ask its owner to list them.";

  /**
   * The failure.
   *
   * @param message what happened and what to do
   * @param response the 401 response
   * @param error the ARM error, or {@code null}
   */
  public NotAuthorizingIdentityException(String message, HttpResponse response, ArmError error) {
    super(message, response, error);
  }

  /** What to do about it. */
  public String remediation() {
    return REMEDIATION;
  }
}
