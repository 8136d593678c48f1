package io.github.devopsconnector.core.discovery;

import io.github.devopsconnector.core.azuredevops.AzureDevOpsOrganization;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsUser;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsClient;
import io.github.devopsconnector.core.ServiceException;
import java.util.List;

/**
 * The organizations of the signed-in user, for "all existing organizations". Only this selection needs the
 * profile and accounts APIs, and only a personal access token created for "All accessible organizations" (or a
 * Microsoft Entra token) may call them: a token scoped to organizations, the usual kind, gets 401 there
 * (MicrosoftDocs/vsts-rest-api-specs#166). An explicit list of organizations needs neither call.
 */
final class OrganizationListing {

  private OrganizationListing() {}

  /**
   * The signed-in user's organizations.
   *
   * @throws ServiceException as the client threw it, or, when the profile or accounts API refused the
   *     credential, a NOT_AUTHORIZED failure that says why and how to fix it
   */
  static List<AzureDevOpsOrganization> all(RequestGate gate, AzureDevOpsClient client) {
    AzureDevOpsUser user;
    try {
      user = gate.call(client::signedInUser);
      AzureDevOpsUser signedIn = user;
      return gate.call(() -> client.organizations(signedIn));
    } catch (ServiceException e) {
      if (e.kind() != ServiceException.Kind.NOT_AUTHORIZED) {
        throw e;
      }
      ServiceException.Builder failure = ServiceException.builder(ServiceException.Kind.NOT_AUTHORIZED,
          "Could not list all existing organizations: Azure DevOps refused to show the signed-in user's profile and "
              + "organizations (" + e.getMessage() + "). This is the answer a personal access token scoped to some "
              + "organizations always gets: only a token created for \"All accessible organizations\" or a "
              + "Microsoft Entra sign-in may list organizations. (A token that is wrong, expired or revoked gets it "
              + "too.)")
          .remediation("Use a personal access token created with Organization set to \"All accessible "
              + "organizations\", or sign in with Microsoft Entra, or name the organizations to use instead of all "
              + "existing ones (a token scoped to them is enough).")
          .service(e.service())
          .cause(e);
      if (e.statusCode() > 0) {
        failure.statusCode(e.statusCode());
      }
      e.serviceErrorCode().ifPresent(failure::serviceErrorCode);
      throw failure.build();
    }
  }
}
