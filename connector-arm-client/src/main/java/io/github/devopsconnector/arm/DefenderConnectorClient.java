package io.github.devopsconnector.arm;

import com.azure.core.annotation.ServiceClient;
import com.azure.core.http.rest.PagedIterable;
import io.github.devopsconnector.arm.implementation.ArmInventory;
import io.github.devopsconnector.arm.implementation.DefenderConnectorOperations;
import io.github.devopsconnector.arm.models.ArmDevOpsConnector;
import io.github.devopsconnector.arm.models.ArmError;
import io.github.devopsconnector.arm.models.AuthorizationOutcomeUnknownException;
import io.github.devopsconnector.arm.models.AzureDevOpsOrganizationResource;
import io.github.devopsconnector.arm.models.GitHubOwnerResource;
import io.github.devopsconnector.arm.models.GitHubRepositoryResource;
import io.github.devopsconnector.arm.models.GitLabGroupResource;
import io.github.devopsconnector.arm.models.GitLabProjectResource;
import io.github.devopsconnector.arm.models.AzureDevOpsProjectResource;
import io.github.devopsconnector.arm.models.AzureDevOpsRepositoryResource;
import io.github.devopsconnector.arm.models.CreateConnectorOptions;
import io.github.devopsconnector.arm.models.DevOpsConfiguration;
import io.github.devopsconnector.arm.models.ResourceProviderRegistration;
import io.github.devopsconnector.arm.models.SecurityConnector;
import io.github.devopsconnector.arm.models.UpdateDevOpsConfigurationOptions;
import io.github.devopsconnector.core.AuthorizationCode;
import io.github.devopsconnector.core.AzurePermissions;
import io.github.devopsconnector.core.AzureRules;
import io.github.devopsconnector.core.ConnectorId;
import io.github.devopsconnector.core.ConnectorValidationException;
import io.github.devopsconnector.core.DevOpsPlatform;
import io.github.devopsconnector.core.Finding;
import io.github.devopsconnector.core.FindingCode;
import io.github.devopsconnector.core.Identity;
import io.github.devopsconnector.core.ResourceGroupName;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.SubscriptionId;
import io.github.devopsconnector.core.ValidationReport;
import java.util.List;

/**
 * Creates, reads, edits and deletes Defender for Cloud DevOps connectors for Azure DevOps, GitHub and GitLab in Azure
 * Resource Manager,
 * and checks the Azure-side prerequisites. Built by {@link DefenderConnectorClientBuilder}; immutable and safe to
 * share between threads.
 *
 * <p>Every method that talks to ARM fails with {@link ServiceException} (service {@code Azure Resource Manager})
 * when ARM refuses or does not answer usably: {@link ServiceException#kind()} says what kind of failure it was
 * ({@code NOT_FOUND} for 404, {@code NOT_AUTHORIZED} for 401/403 and for a one-time code ARM could not exchange,
 * {@code CONFLICT} for 409/412, {@code THROTTLED}, {@code TRANSIENT} for 5xx and transport failures,
 * {@code OPERATION_FAILED} for a long-running write that failed or did not end in time, {@code PROTOCOL} for an
 * answer the API does not promise), {@link ServiceException#serviceErrorCode()} is the ARM error code (such as
 * {@code AuthorizationFailed} or {@code TokenExchangeFailed}), {@link ServiceException#requestId()} ARM's
 * {@code x-ms-request-id}, and {@link ServiceException#remediation()} what to do; the cause is the azure-core
 * exception with the response (its {@code getValue()} is the {@link ArmError}). Idempotent requests are first
 * retried (408, 429, 5xx, transport failures) within the builder's limits; a request carrying an authorization code
 * never is. A wait the client would not make is {@code THROTTLED} with {@link ServiceException#retryAfter()}. An
 * answer that is not what the API promises (not JSON, not an object, a resource without {@code id} or
 * {@code name}, a list without a {@code value} array, a body larger than 64 MiB, which is not read to the end), and
 * a listing whose {@code nextLink}s loop back, whose pages repeat items or that has more than {@code maxPages} pages,
 * fail with {@code PROTOCOL} instead of iterating forever. The client owns the threads of the HTTP client it builds:
 * {@link #close()} it.
 */
@ServiceClient(builder = DefenderConnectorClientBuilder.class)
public final class DefenderConnectorClient implements AutoCloseable {

  private final DefenderConnectorOperations operations;
  private final DefenderConnectorServiceVersion serviceVersion;
  private final String endpoint;

  DefenderConnectorClient(DefenderConnectorOperations operations, DefenderConnectorServiceVersion serviceVersion,
      String endpoint) {
    this.operations = operations;
    this.serviceVersion = serviceVersion;
    this.endpoint = endpoint;
  }

  /** The ARM endpoint this client talks to. */
  public String getEndpoint() {
    return endpoint;
  }

  /** The api-versions this client uses. */
  public DefenderConnectorServiceVersion getServiceVersion() {
    return serviceVersion;
  }

  /**
   * The identity the client signs in as, read from the claims of its Azure Resource Manager token: the object id as
   * {@link Identity#id()}, the user principal name of a user or the application id of an application, and the
   * display name. ARM names a connector's owner by user principal name or application id, so pass this identity to
   * {@link ArmConnectorStore.Builder#knownIdentities(Identity...)} and use it as the actor of edit sessions: the
   * owner check then matches on any of its names.
   *
   * @throws IllegalStateException if the credential's token is not a Microsoft Entra access token (a JWT with an
   *     {@code oid} claim); nothing of the token is shown
   */
  public Identity getSignedInIdentity() {
    return operations.getSignedInIdentity();
  }

  /**
   * Creates a connector: PUTs the {@code securityConnectors} resource (a new hierarchy GUID, the platform's
   * environment: {@code AzureDevOps} and {@code AzureDevOpsScope}, {@code Github} and {@code GithubScope}, or
   * {@code GitLab} and {@code GitlabScope}; the connector's offerings), then PUTs its {@code devops/default}
   * configuration with the one-time code and the organization selection (see the package documentation for the
   * mapping), and waits for that long-running write. "All existing organizations" without
   * {@link CreateConnectorOptions#existingOrganizations()} is that one write with {@code autoDiscovery: Disabled}
   * and no list, as in the specification's {@code OnboardCurrentOnly} example.
   *
   * <p>The code is sent once, never retried, and {@linkplain AuthorizationCode#destroy() destroyed} when this
   * method returns, whatever happens. If the configuration write fails ambiguously (a timeout, a broken connection
   * or a 408/5xx after it was sent), the client reads the configuration back: when the write shows, it returns it
   * (or fails with {@code NOT_AUTHORIZED} and the service error code {@code TokenExchangeFailed} when the
   * exchange failed); when it does not, it throws
   * {@link AuthorizationOutcomeUnknownException} (authorize again for a new code). The PUTs create or replace: a connector of the same name is overwritten (use
   * {@link ArmConnectorStore#create} to refuse that). If the configuration write fails, the connector resource
   * stays; call this again with a new code, or {@link #deleteConnector(ConnectorId)}.
   *
   * @return the connector and its configuration as ARM holds them after the write
   * @throws ConnectorValidationException if the connector is not in the commercial cloud ({@code CLOUD_NOT_SUPPORTED};
   *     nothing is sent)
   * @throws IllegalArgumentException if the code was already destroyed (nothing is sent)
   * @throws ServiceException ({@code NOT_AUTHORIZED}, {@code TokenExchangeFailed}) if the code expired or was already used; the configuration is left
   *     {@code Failed}
   * @throws AuthorizationOutcomeUnknownException if the configuration write failed ambiguously and reading back
   *     did not show whether the code was exchanged
   * @throws ServiceException ({@code OPERATION_FAILED}) if the configuration write failed otherwise or did not end in time
   * @throws ServiceException if ARM refused a request (e.g. 403 without write permission, 409 when the
   *     subscription has not registered {@code Microsoft.Security})
   */
  public ArmDevOpsConnector createConnector(CreateConnectorOptions options) {
    return operations.createConnector(options);
  }

  /**
   * The connector resource.
   *
   * @throws ServiceException ({@code NOT_FOUND}) if it does not exist
   */
  public SecurityConnector getConnector(ConnectorId id) {
    return operations.getConnector(id);
  }

  /**
   * The connector resource and its DevOps configuration.
   *
   * @throws ServiceException ({@code NOT_FOUND}) if either does not exist
   */
  public ArmDevOpsConnector getDevOpsConnector(ConnectorId id) {
    return operations.getDevOpsConnector(id);
  }

  /**
   * Every connector of a subscription, all pages ({@code nextLink}) fetched as the iteration reaches them.
   * Connectors of other platforms (GitHub, GitLab, clouds) are included.
   */
  public PagedIterable<SecurityConnector> listConnectors(SubscriptionId subscription) {
    return operations.listConnectors(subscription);
  }

  /** Every connector of a resource group, all pages fetched as the iteration reaches them. */
  public PagedIterable<SecurityConnector> listConnectors(SubscriptionId subscription,
      ResourceGroupName resourceGroup) {
    return operations.listConnectors(subscription, resourceGroup);
  }

  /**
   * The connector's DevOps configuration, with its etag when ARM sends one (the specification has none).
   *
   * @throws ServiceException ({@code NOT_FOUND}) if the connector or its configuration does not exist
   */
  public DevOpsConfiguration getDevOpsConfiguration(ConnectorId id) {
    return operations.getDevOpsConfiguration(id);
  }

  /** The Azure DevOps organizations the connector onboarded, all pages. */
  public PagedIterable<AzureDevOpsOrganizationResource> listAzureDevOpsOrgs(ConnectorId id) {
    return operations.list(id, ArmInventory.AZURE_DEVOPS_ORGS);
  }

  /**
   * One onboarded organization.
   *
   * @throws ServiceException ({@code NOT_FOUND}) if it is not onboarded to this connector
   */
  public AzureDevOpsOrganizationResource getAzureDevOpsOrg(ConnectorId id, String organization) {
    return operations.get(id, ArmInventory.AZURE_DEVOPS_ORGS, organization);
  }

  /** The projects of an onboarded organization, all pages. */
  public PagedIterable<AzureDevOpsProjectResource> listAzureDevOpsProjects(ConnectorId id, String organization) {
    return operations.list(id, ArmInventory.AZURE_DEVOPS_PROJECTS, organization);
  }

  /**
   * One project.
   *
   * @throws ServiceException ({@code NOT_FOUND}) if it is not onboarded to this connector
   */
  public AzureDevOpsProjectResource getAzureDevOpsProject(ConnectorId id, String organization, String project) {
    return operations.get(id, ArmInventory.AZURE_DEVOPS_PROJECTS, organization, project);
  }

  /** The repositories of a project, all pages. */
  public PagedIterable<AzureDevOpsRepositoryResource> listAzureDevOpsRepos(ConnectorId id, String organization,
      String project) {
    return operations.list(id, ArmInventory.AZURE_DEVOPS_REPOS, organization, project);
  }

  /**
   * One repository.
   *
   * @throws ServiceException ({@code NOT_FOUND}) if it is not onboarded to this connector
   */
  public AzureDevOpsRepositoryResource getAzureDevOpsRepo(ConnectorId id, String organization, String project,
      String repository) {
    return operations.get(id, ArmInventory.AZURE_DEVOPS_REPOS, organization, project, repository);
  }

  /**
   * Every Azure DevOps organization the connector's stored authorization reaches, each with its
   * {@code onboardingState}: {@code Onboarded} here, {@code OnboardedByOtherConnector} (greyed out in the portal),
   * or {@code NotOnboarded} ({@code POST listAvailableAzureDevOpsOrgs}).
   *
   * @throws ServiceException ({@code NOT_AUTHORIZED}) if the caller is not the identity that authorized the connector
   *     (re-authorize to take ownership, then list)
   */
  public List<AzureDevOpsOrganizationResource> listAvailableAzureDevOpsOrgs(ConnectorId id) {
    return operations.listByAction(id, ArmInventory.AVAILABLE_AZURE_DEVOPS_ORGS);
  }

  /**
   * Every GitHub owner the connector's stored authorization reaches, each with its {@code onboardingState}:
   * {@code Onboarded} here, {@code OnboardedByOtherConnector} (greyed out in the portal), or {@code NotOnboarded}
   * ({@code POST listAvailableGitHubOwners}).
   *
   * @param id the connector
   * @return the owners
   * @throws ServiceException ({@code NOT_AUTHORIZED}) if the caller is not the identity that authorized the connector
   */
  public List<GitHubOwnerResource> listAvailableGitHubOwners(ConnectorId id) {
    return operations.listByAction(id, ArmInventory.AVAILABLE_GITHUB_OWNERS);
  }

  /**
   * The GitHub owners the connector onboarded, all pages ({@code GET gitHubOwners}).
   *
   * @param id the connector
   * @return the owners
   */
  public PagedIterable<GitHubOwnerResource> listGitHubOwners(ConnectorId id) {
    return operations.list(id, ArmInventory.GITHUB_OWNERS);
  }

  /**
   * One onboarded GitHub owner.
   *
   * @param id the connector
   * @param owner the owner's login
   * @return the owner
   * @throws ServiceException ({@code NOT_FOUND}) if it is not onboarded to this connector
   */
  public GitHubOwnerResource getGitHubOwner(ConnectorId id, String owner) {
    return operations.get(id, ArmInventory.GITHUB_OWNERS, owner);
  }

  /**
   * The repositories of an onboarded GitHub owner, all pages.
   *
   * @param id the connector
   * @param owner the owner's login
   * @return the repositories
   */
  public PagedIterable<GitHubRepositoryResource> listGitHubRepos(ConnectorId id, String owner) {
    return operations.list(id, ArmInventory.GITHUB_REPOS, owner);
  }

  /**
   * One repository of an onboarded GitHub owner.
   *
   * @param id the connector
   * @param owner the owner's login
   * @param repository the repository's name
   * @return the repository
   * @throws ServiceException ({@code NOT_FOUND}) if it is not onboarded to this connector
   */
  public GitHubRepositoryResource getGitHubRepo(ConnectorId id, String owner, String repository) {
    return operations.get(id, ArmInventory.GITHUB_REPOS, owner, repository);
  }

  /**
   * Every GitLab group the connector's stored authorization reaches, top-level groups and subgroups (their names
   * join the namespaces with {@code $}), each with its {@code onboardingState}: {@code Onboarded} here,
   * {@code OnboardedByOtherConnector} (greyed out in the portal), or {@code NotOnboarded}
   * ({@code POST listAvailableGitLabGroups}).
   *
   * @param id the connector
   * @return the groups
   * @throws ServiceException ({@code NOT_AUTHORIZED}) if the caller is not the identity that authorized the connector
   */
  public List<GitLabGroupResource> listAvailableGitLabGroups(ConnectorId id) {
    return operations.listByAction(id, ArmInventory.AVAILABLE_GITLAB_GROUPS);
  }

  /**
   * The GitLab groups the connector onboarded, all pages ({@code GET gitLabGroups}).
   *
   * @param id the connector
   * @return the groups
   */
  public PagedIterable<GitLabGroupResource> listGitLabGroups(ConnectorId id) {
    return operations.list(id, ArmInventory.GITLAB_GROUPS);
  }

  /**
   * One onboarded GitLab group, top-level or subgroup.
   *
   * @param id the connector
   * @param groupFullyQualifiedName the group's fully qualified name ({@code contoso} or {@code contoso$platform})
   * @return the group
   * @throws ServiceException ({@code NOT_FOUND}) if it is not onboarded to this connector
   */
  public GitLabGroupResource getGitLabGroup(ConnectorId id, String groupFullyQualifiedName) {
    return operations.get(id, ArmInventory.GITLAB_GROUPS, groupFullyQualifiedName);
  }

  /**
   * The nested subgroups of an onboarded GitLab group, every page ({@code POST gitLabGroups/{groupFQName}/listSubgroups}).
   *
   * @param id the connector
   * @param groupFullyQualifiedName the group's fully qualified name
   * @return the subgroups
   * @throws ServiceException ({@code NOT_FOUND}) if the group is not onboarded to this connector
   */
  public List<GitLabGroupResource> listGitLabSubgroups(ConnectorId id, String groupFullyQualifiedName) {
    return operations.listByAction(id, ArmInventory.GITLAB_SUBGROUPS, groupFullyQualifiedName);
  }

  /**
   * The projects directly in an onboarded GitLab group (not those of its subgroups), all pages.
   *
   * @param id the connector
   * @param groupFullyQualifiedName the group's fully qualified name
   * @return the projects
   */
  public PagedIterable<GitLabProjectResource> listGitLabProjects(ConnectorId id, String groupFullyQualifiedName) {
    return operations.list(id, ArmInventory.GITLAB_PROJECTS, groupFullyQualifiedName);
  }

  /**
   * One project of an onboarded GitLab group.
   *
   * @param id the connector
   * @param groupFullyQualifiedName the fully qualified name of the group the project is directly in
   * @param project the project's name
   * @return the project
   * @throws ServiceException ({@code NOT_FOUND}) if it is not onboarded to this connector
   */
  public GitLabProjectResource getGitLabProject(ConnectorId id, String groupFullyQualifiedName, String project) {
    return operations.get(id, ArmInventory.GITLAB_PROJECTS, groupFullyQualifiedName, project);
  }

  /**
   * The top-level resources of the platform (organizations, owners, top-level groups), those the connector
   * onboarded or, with {@code available}, those its authorization reaches, with their onboarding state; what the
   * tenant registry and the store read of every platform.
   */
  List<ArmInventory.TopLevel> topLevel(ConnectorId id, DevOpsPlatform platform, boolean available) {
    ArmInventory<?, ArmInventory.TopLevel> inventory = ArmInventory.topLevel(platform, available);
    List<ArmInventory.TopLevel> all = available ? operations.listByAction(id, inventory)
        : operations.list(id, inventory).stream().collect(java.util.stream.Collectors.toList());
    return all.stream().filter(item -> item.name() != null).collect(java.util.stream.Collectors.toList());
  }

  /**
   * PATCHes the connector's DevOps configuration and waits for the long-running write. With an authorization code
   * the service exchanges it, and the caller becomes the connector's authorizing identity (its owner). The code is
   * destroyed when this method returns.
   *
   * @return the configuration after the write, with its new etag
   * @throws ServiceException ({@code CONFLICT}, status 412) if {@link UpdateDevOpsConfigurationOptions#ifMatch()}
   *     is no longer the configuration's etag (412); nothing was saved
   * @throws ServiceException ({@code NOT_AUTHORIZED}, {@code TokenExchangeFailed}) if the code expired or was already used
   * @throws AuthorizationOutcomeUnknownException if a write with a code failed ambiguously and reading back did
   *     not show whether the code was exchanged (the code is never sent twice)
   * @throws IllegalArgumentException if the options set a property the client's service version does not have
   *     (agentless scanning before 2025-03-01); nothing is sent
   * @throws ServiceException ({@code OPERATION_FAILED}) if the write failed otherwise or did not end in time
   */
  public DevOpsConfiguration updateDevOpsConfiguration(ConnectorId id,
      UpdateDevOpsConfigurationOptions options) {
    return operations.updateDevOpsConfiguration(id, options);
  }

  /**
   * Deletes the connector's DevOps configuration and waits for the long-running delete; does nothing if there is
   * none.
   *
   * @throws ServiceException ({@code OPERATION_FAILED}) if the delete failed or did not end in time
   */
  public void deleteDevOpsConfiguration(ConnectorId id) {
    operations.deleteDevOpsConfiguration(id);
  }

  /**
   * Deletes a connector: first its DevOps configuration (long-running), then the connector resource. Does nothing
   * if the connector does not exist.
   *
   * @throws ServiceException ({@code OPERATION_FAILED}) if the configuration delete failed or did not end in time
   */
  public void deleteConnector(ConnectorId id) {
    operations.deleteConnector(id);
  }

  /**
   * What the caller may do in the resource group, from every entry of {@code Microsoft.Authorization/permissions}
   * (all pages), as one set of actions and not-actions.
   */
  public AzurePermissions getPermissions(SubscriptionId subscription, ResourceGroupName resourceGroup) {
    return operations.getPermissions(subscription, resourceGroup);
  }

  /** Whether the subscription registered the {@code Microsoft.Security} resource provider. */
  public ResourceProviderRegistration getSecurityProviderRegistration(SubscriptionId subscription) {
    return operations.getSecurityProviderRegistration(subscription);
  }

  /**
   * Checks the Azure side before creating a connector: {@link FindingCode#AZURE_PERMISSION_MISSING} when the caller
   * cannot write {@code Microsoft.Security/securityConnectors} in the resource group, and
   * {@link FindingCode#AZURE_RESOURCE_PROVIDER_NOT_REGISTERED} when the subscription has not registered
   * {@code Microsoft.Security}.
   */
  public ValidationReport checkAzurePrerequisites(SubscriptionId subscription, ResourceGroupName resourceGroup) {
    return operations.checkAzurePrerequisites(subscription, resourceGroup);
  }

  /**
   * The {@link FindingCode#ADO_ORGANIZATION_ONBOARDED_ELSEWHERE} findings for the organizations the connector's
   * authorization reaches that another connector of the tenant already onboarded (each can be onboarded once per
   * tenant), as {@link AzureRules#onboardedByOtherConnector(String)} states them.
   *
   * @throws ServiceException ({@code NOT_AUTHORIZED}) if the caller is not the identity that authorized the
   *     connector
   */
  public List<Finding> findOrganizationsOnboardedElsewhere(ConnectorId id) {
    return operations.findOrganizationsOnboardedElsewhere(id);
  }

  /**
   * Frees the threads and connections the client owns (those of the default HTTP client; a caller-supplied
   * {@code HttpClient} stays open). Calls made after closing fail with {@link IllegalStateException}.
   */
  @Override
  public void close() {
    operations.close();
  }

  @Override
  public String toString() {
    return "DefenderConnectorClient[" + endpoint + ", " + serviceVersion + "]";
  }
}
