package io.github.devopsconnector.core.azuredevops;

import io.github.devopsconnector.core.ServiceException;

import io.github.devopsconnector.core.AccessLevel;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.TenantId;
import java.util.List;
import java.util.Optional;

/**
 * What the library needs from Azure DevOps, as the signed-in user sees it. Each paged method makes one request
 * and returns one page with the token for the next, so callers (and {@code InventoryDiscovery}) see every page
 * and can count requests. Implementations must be thread-safe.
 *
 * <p>Every method fails with {@link ServiceException}, whose {@link ServiceException#kind()} tells
 * not-found, not-authorized, throttled, transient and protocol failures apart.
 */
public interface AzureDevOpsClient {

  /** The signed-in user's profile ({@code GET _apis/profile/profiles/me}). */
  AzureDevOpsUser signedInUser();

  /** The organizations the user is a member of ({@code GET _apis/accounts?memberId=}). */
  List<AzureDevOpsOrganization> organizations(AzureDevOpsUser user);

  /**
   * One page of the organization's projects ({@code GET {org}/_apis/projects}); the next page's token comes from
   * the {@code X-MS-ContinuationToken} header.
   *
   * @param continuationToken empty for the first page
   */
  ResultPage<AzureDevOpsProject> projects(OrganizationName organization, Optional<String> continuationToken);

  /** Every Git repository of the organization, in one request ({@code GET {org}/_apis/git/repositories}). */
  List<AzureDevOpsRepository> repositories(OrganizationName organization);

  /** Every Git repository of one project ({@code GET {org}/{project}/_apis/git/repositories}). */
  List<AzureDevOpsRepository> repositories(OrganizationName organization, String project);

  /**
   * One page of a project's pipelines ({@code GET {org}/{project}/_apis/pipelines}).
   *
   * @param continuationToken empty for the first page
   */
  ResultPage<AzureDevOpsPipeline> pipelines(OrganizationName organization, String project, Optional<String> continuationToken);

  /** The signed-in user's access level in the organization, from the user entitlement. */
  AccessLevel accessLevel(OrganizationName organization);

  /**
   * Whether the signed-in user is a Project Collection Administrator of the organization, directly or through
   * nested groups.
   */
  boolean isProjectCollectionAdministrator(OrganizationName organization);

  /**
   * The "Third-party application access via OAuth" policy of the organization, best effort: there is no
   * documented API for it, so implementations answer {@code UNKNOWN} with the reason rather than fail.
   */
  OAuthAppAccessStatus oauthAppAccess(OrganizationName organization);

  /** The Microsoft Entra tenant the organization is connected to, when it is connected to one. */
  Optional<TenantId> organizationTenant(OrganizationName organization);

  /**
   * This client, reporting every HTTP request it sends through the returned view (retries included) and every
   * throttled response to the observer; the view shares this client's connections and pacing. Empty when the client
   * does not see HTTP requests (an in-memory client, a wrapper): then callers count calls of this interface instead.
   * By default empty.
   *
   * @param observer hears about the requests of the returned view only
   */
  default Optional<AzureDevOpsClient> withRequestObserver(RequestObserver observer) {
    return Optional.empty();
  }
}
