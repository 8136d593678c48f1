package io.github.devopsconnector.azuredevops.implementation;

import com.azure.core.http.HttpMethod;
import com.azure.core.util.logging.ClientLogger;
import com.fasterxml.jackson.core.type.TypeReference;
import io.github.devopsconnector.azuredevops.implementation.models.AccessLevelDto;
import io.github.devopsconnector.azuredevops.implementation.models.AccountDto;
import io.github.devopsconnector.azuredevops.implementation.models.ConnectionDataDto;
import io.github.devopsconnector.azuredevops.implementation.models.DescriptorDto;
import io.github.devopsconnector.azuredevops.implementation.models.GraphGroupDto;
import io.github.devopsconnector.azuredevops.implementation.models.IdentityDto;
import io.github.devopsconnector.azuredevops.implementation.models.MembershipDto;
import io.github.devopsconnector.azuredevops.implementation.models.PipelineDto;
import io.github.devopsconnector.azuredevops.implementation.models.PolicyDto;
import io.github.devopsconnector.azuredevops.implementation.models.ProfileDto;
import io.github.devopsconnector.azuredevops.implementation.models.ProjectDto;
import io.github.devopsconnector.azuredevops.implementation.models.RepositoryDto;
import io.github.devopsconnector.azuredevops.implementation.models.UserEntitlementDto;
import io.github.devopsconnector.azuredevops.implementation.models.ValueList;
import io.github.devopsconnector.core.AccessLevel;
import io.github.devopsconnector.core.OAuthAppAccess;
import io.github.devopsconnector.core.DevOpsPlatform;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.TenantId;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsOrganization;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsPipeline;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsProject;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsRepository;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsUser;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.azuredevops.OAuthAppAccessStatus;
import io.github.devopsconnector.core.azuredevops.RequestObserver;
import io.github.devopsconnector.core.azuredevops.ResultPage;
import io.github.devopsconnector.http.DetachedResponse;
import io.github.devopsconnector.http.HttpTransport;
import io.github.devopsconnector.http.PageGuard;
import io.github.devopsconnector.http.RetryPolicy;
import io.github.devopsconnector.http.Urls;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The Azure DevOps calls behind the {@code AzureDevOpsClient} port, per the wire contract: which URL, which
 * api-version, how the answer is read, and how paging, membership walks and the best-effort policy read work.
 * Thread-safe: the only state is the per-organization cache of {@code connectionData}.
 */
public final class AzureDevOpsOperations {
  private static final ClientLogger LOGGER = new ClientLogger(AzureDevOpsOperations.class);

  /** Page size for projects and pipelines. */
  static final int PAGE_SIZE = 100;
  /** How deep the nested group walk goes (edges from the user). */
  static final int MAX_MEMBERSHIP_DEPTH = 10;
  /** How many groups the nested walk reads at most. */
  static final int MAX_GROUPS_WALKED = 500;
  /** The longest name (organization or project) shown in a message; names come from callers and servers. */
  static final int MAX_NAME_SHOWN = 100;
  /** The longest project name or id sent; Azure DevOps allows 64 characters for names. */
  static final int MAX_NAME_LENGTH = 256;
  /** The only version the organization policy API is known to answer. */
  static final String POLICY_API_VERSION = "5.0-preview.1";
  static final String OAUTH_POLICY = "Policy.DisallowOAuthAuthentication";
  /** Service Principal Entitlements - Get is documented only as a preview. */
  static final String SERVICE_PRINCIPAL_API_VERSION = "7.1-preview.1";
  private static final String ROOT_FOLDER = "\\";

  private static final TypeReference<ValueList<AccountDto>> ACCOUNTS = new TypeReference<>() {};
  private static final TypeReference<ValueList<ProjectDto>> PROJECTS = new TypeReference<>() {};
  private static final TypeReference<ValueList<RepositoryDto>> REPOSITORIES = new TypeReference<>() {};
  private static final TypeReference<ValueList<PipelineDto>> PIPELINES = new TypeReference<>() {};
  private static final TypeReference<ValueList<GraphGroupDto>> GROUPS = new TypeReference<>() {};
  private static final TypeReference<ValueList<MembershipDto>> MEMBERSHIPS = new TypeReference<>() {};

  private final HttpTransport<AdoCall> transport;
  private final AdoEndpoints endpoints;
  private final String apiVersion;
  private final String previewApiVersion;
  private final ConcurrentMap<String, ConnectionIdentity> identities;
  private final int maxGroupPages;

  /**
   * Operations over the transport, reading at most 100 pages of graph groups.
   *
   * @param apiVersion the service version, such as {@code 7.1}
   */
  public AzureDevOpsOperations(HttpTransport<AdoCall> transport, AdoEndpoints endpoints, String apiVersion) {
    this(transport, endpoints, apiVersion, 100);
  }

  /**
   * Operations over the transport.
   *
   * @param apiVersion the service version, such as {@code 7.1}
   * @param maxGroupPages the most pages of graph groups read
   */
  public AzureDevOpsOperations(HttpTransport<AdoCall> transport, AdoEndpoints endpoints, String apiVersion,
      int maxGroupPages) {
    this.maxGroupPages = maxGroupPages;
    this.transport = Objects.requireNonNull(transport, "transport");
    this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
    this.apiVersion = Objects.requireNonNull(apiVersion, "apiVersion");
    this.previewApiVersion = apiVersion + "-preview.1";
    this.identities = new ConcurrentHashMap<>();
  }

  private AzureDevOpsOperations(AzureDevOpsOperations shared, HttpTransport<AdoCall> transport) {
    this.transport = transport;
    this.endpoints = shared.endpoints;
    this.apiVersion = shared.apiVersion;
    this.previewApiVersion = shared.previewApiVersion;
    this.identities = shared.identities;
    this.maxGroupPages = shared.maxGroupPages;
  }

  /** The transport the operations send through. */
  public HttpTransport<AdoCall> transport() {
    return transport;
  }

  /** These operations, reporting every HTTP request (retries included) to the observer; the cache is shared. */
  public AzureDevOpsOperations observedBy(RequestObserver observer) {
    return new AzureDevOpsOperations(this, transport.withContext(RetryPolicy.LISTENER_KEY, listener(observer)));
  }

  /** {@code GET {profile}/_apis/profile/profiles/me}. */
  public AzureDevOpsUser signedInUser() {
    AdoCall call = AdoCall.of("read the signed-in user's profile");
    String url = Urls.at(endpoints.profile()).raw("_apis", "profile", "profiles", "me")
        .query("api-version", apiVersion).toString();
    HttpTransport.Decoded<ProfileDto> read = transport.getJson(url, call,
        r -> Decoding.decode(r, ProfileDto.class, call));
    DetachedResponse response = read.response();
    ProfileDto profile = read.value();
    String id = firstNonBlank(profile.id(), profile.publicAlias())
        .orElseThrow(() -> Decoding.missing(call, "profile id", response));
    String displayName = firstNonBlank(profile.displayName()).orElse(id);
    return AzureDevOpsUser.of(id, displayName, firstNonBlank(profile.emailAddress()));
  }

  /** {@code GET {profile}/_apis/accounts?memberId={id}}. */
  public List<AzureDevOpsOrganization> organizations(AzureDevOpsUser user) {
    Objects.requireNonNull(user, "user");
    AdoCall call = AdoCall.of("list the organizations of the signed-in user");
    String url = Urls.at(endpoints.profile()).raw("_apis", "accounts")
        .query("memberId", user.id()).query("api-version", apiVersion).toString();
    HttpTransport.Decoded<ValueList<AccountDto>> read = transport.getJson(url, call,
        r -> Decoding.decode(r, ACCOUNTS, call));
    DetachedResponse response = read.response();
    List<AccountDto> accounts = values(read.value(), call, response);
    List<AzureDevOpsOrganization> organizations = new ArrayList<>(accounts.size());
    for (AccountDto account : accounts) {
      String name = firstNonBlank(account.accountName())
          .orElseThrow(() -> Decoding.missing(call, "accountName in an account", response));
      String id = firstNonBlank(account.accountId())
          .orElseThrow(() -> Decoding.missing(call, "accountId in an account", response));
      if (!OrganizationName.isValidFor(DevOpsPlatform.AZURE_DEVOPS, name)) {
        // Azure DevOps does not allow such names today; skip rather than fail the whole list.
        LOGGER.atWarning().addKeyValue("accountId", id)
            .log("Skipping an organization whose name is not a valid Azure DevOps organization name.");
        continue;
      }
      OrganizationName organization = OrganizationName.parse(name);
      // accountUri is the organization on the identity host (https://vssps.dev.azure.com/{org}/, per the accounts
      // example of the REST specification); the organization URL is the core host's.
      String organizationUrl = Urls.at(endpoints.core()).path(organization.value()).toString();
      Optional<String> identityUrl = firstNonBlank(account.accountUri());
      organizations.add(identityUrl.isPresent()
          ? AzureDevOpsOrganization.of(id, organization, organizationUrl, identityUrl.get())
          : AzureDevOpsOrganization.of(id, organization, organizationUrl));
    }
    return List.copyOf(organizations);
  }

  /** {@code GET {core}/{org}/_apis/projects?$top=100[&continuationToken=N]}. */
  public ResultPage<AzureDevOpsProject> projects(OrganizationName organization, Optional<String> continuationToken) {
    Objects.requireNonNull(organization, "organization");
    Objects.requireNonNull(continuationToken, "continuationToken");
    AdoCall call = AdoCall.of("list the projects of the organization " + organization.value(), organization);
    HttpTransport.Decoded<List<ProjectDto>> read = page(
        Urls.at(endpoints.core()).path(organization.value()).raw("_apis", "projects"), continuationToken, PROJECTS,
        call);
    DetachedResponse response = read.response();
    List<AzureDevOpsProject> items = new ArrayList<>(read.value().size());
    for (ProjectDto project : read.value()) {
      String id = firstNonBlank(project.id()).orElseThrow(() -> Decoding.missing(call, "id in a project", response));
      String name = firstNonBlank(project.name())
          .orElseThrow(() -> Decoding.missing(call, "name in a project", response));
      // Both go back to the service in later paths: one that no later request would accept is the service's fault
      // here, not the caller's later on.
      for (String value : List.of(id, name)) {
        if (value.length() > MAX_NAME_LENGTH) {
          throw ErrorMapper.protocol(call, "a project in the response has an id or name of " + value.length()
              + " characters; Azure DevOps project names have at most 64 and ids 36", response, null);
        }
      }
      items.add(AzureDevOpsProject.of(id, name));
    }
    return ResultPage.of(items, nextToken(continuationToken, response, call));
  }

  /** {@code GET {core}/{org}/_apis/git/repositories}. */
  public List<AzureDevOpsRepository> repositories(OrganizationName organization) {
    Objects.requireNonNull(organization, "organization");
    AdoCall call = AdoCall.of("list the Git repositories of the organization " + organization.value(),
        organization);
    String url = Urls.at(endpoints.core()).path(organization.value()).raw("_apis", "git", "repositories")
        .query("api-version", apiVersion).toString();
    return repositories(url, call);
  }

  /** {@code GET {core}/{org}/{project}/_apis/git/repositories}. */
  public List<AzureDevOpsRepository> repositories(OrganizationName organization, String project) {
    Objects.requireNonNull(organization, "organization");
    requireText(project, "project");
    AdoCall call = AdoCall.of("list the Git repositories of the project " + shownName(project) + " in the organization "
        + organization.value(), organization);
    String url = Urls.at(endpoints.core()).path(organization.value(), project).raw("_apis", "git", "repositories")
        .query("api-version", apiVersion).toString();
    return repositories(url, call);
  }

  private List<AzureDevOpsRepository> repositories(String url, AdoCall call) {
    HttpTransport.Decoded<ValueList<RepositoryDto>> read = transport.getJson(url, call,
        r -> Decoding.decode(r, REPOSITORIES, call));
    DetachedResponse response = read.response();
    List<RepositoryDto> repositories = values(read.value(), call, response);
    List<AzureDevOpsRepository> items = new ArrayList<>(repositories.size());
    // One builder for the listing: its repositories share their projects' ids and names, URL prefixes and branches.
    AzureDevOpsRepository.Builder builder = AzureDevOpsRepository.builder();
    for (RepositoryDto repository : repositories) {
      ProjectDto project = repository.project();
      if (project == null) {
        throw Decoding.missing(call, "project in a repository", response);
      }
      items.add(builder
          .id(firstNonBlank(repository.id()).orElseThrow(() -> Decoding.missing(call, "id in a repository", response)))
          .name(firstNonBlank(repository.name())
              .orElseThrow(() -> Decoding.missing(call, "name in a repository", response)))
          .url(firstNonBlank(repository.remoteUrl(), repository.webUrl(), repository.url())
              .orElseThrow(() -> Decoding.missing(call, "remoteUrl in a repository", response)))
          .defaultBranch(firstNonBlank(repository.defaultBranch()))
          .projectId(firstNonBlank(project.id())
              .orElseThrow(() -> Decoding.missing(call, "project id in a repository", response)))
          .projectName(firstNonBlank(project.name())
              .orElseThrow(() -> Decoding.missing(call, "project name in a repository", response)))
          .build());
    }
    return List.copyOf(items);
  }

  /** {@code GET {core}/{org}/{project}/_apis/pipelines?$top=100[&continuationToken=T]}. */
  public ResultPage<AzureDevOpsPipeline> pipelines(OrganizationName organization, String project,
      Optional<String> continuationToken) {
    Objects.requireNonNull(organization, "organization");
    requireText(project, "project");
    Objects.requireNonNull(continuationToken, "continuationToken");
    AdoCall call = AdoCall.of("list the pipelines of the project " + shownName(project) + " in the organization "
        + organization.value(), organization);
    HttpTransport.Decoded<List<PipelineDto>> read = page(
        Urls.at(endpoints.core()).path(organization.value(), project).raw("_apis", "pipelines"), continuationToken,
        PIPELINES, call);
    DetachedResponse response = read.response();
    List<AzureDevOpsPipeline> items = new ArrayList<>(read.value().size());
    for (PipelineDto pipeline : read.value()) {
      if (pipeline.id() == null) {
        throw Decoding.missing(call, "id in a pipeline", response);
      }
      items.add(AzureDevOpsPipeline.of(pipeline.id(),
          firstNonBlank(pipeline.name()).orElseThrow(() -> Decoding.missing(call, "name in a pipeline", response)),
          folder(pipeline.folder())));
    }
    return ResultPage.of(items, nextToken(continuationToken, response, call));
  }

  /**
   * {@code GET {vsaex}/{org}/_apis/userentitlements/{vsid}}; an entitlement that is not active is NONE. A service
   * principal (or managed identity) has no user entitlement: when that answers 404, its access level is read from
   * {@code GET {vsaex}/{org}/_apis/serviceprincipalentitlements/{id}} (the REST reference's Service Principal
   * Entitlements - Get, 7.1-preview.1).
   */
  public AccessLevel accessLevel(OrganizationName organization) {
    Objects.requireNonNull(organization, "organization");
    ConnectionIdentity identity = identity(organization);
    AdoCall call = AdoCall.of("read the signed-in user's access level in the organization "
        + organization.value(), organization);
    String url = Urls.at(endpoints.entitlements()).path(organization.value()).raw("_apis", "userentitlements")
        .path(identity.vsid()).query("api-version", apiVersion).toString();
    DetachedResponse response = transport.exchange(HttpMethod.GET, url, call);
    if (response.getStatusCode() == 404) {
      AdoCall principalCall = AdoCall.of("read the signed-in service principal's access level in the organization "
          + organization.value(), organization);
      String principalUrl = Urls.at(endpoints.entitlements()).path(organization.value())
          .raw("_apis", "serviceprincipalentitlements").path(identity.vsid())
          .query("api-version", SERVICE_PRINCIPAL_API_VERSION).toString();
      DetachedResponse principal = transport.exchange(HttpMethod.GET, principalUrl, principalCall);
      if (principal.getStatusCode() == 404) {
        // Neither a user nor a service principal entitlement: report the user entitlement's answer.
        throw transport.failure(response, call);
      }
      if (!transport.isUsable(principal)) {
        throw transport.failure(principal, principalCall);
      }
      return accessLevel(Decoding.decode(principal, UserEntitlementDto.class, principalCall), principalCall, principal);
    }
    if (!transport.isUsable(response)) {
      throw transport.failure(response, call);
    }
    return accessLevel(Decoding.decode(response, UserEntitlementDto.class, call), call, response);
  }

  private static AccessLevel accessLevel(UserEntitlementDto entitlement, AdoCall call, DetachedResponse response) {
    AccessLevelDto level = entitlement.accessLevel();
    if (level == null) {
      throw Decoding.missing(call, "accessLevel", response);
    }
    if (level.status() == null || !level.status().trim().equalsIgnoreCase("active")) {
      return AccessLevel.NONE;
    }
    return AccessLevel.fromEntitlement(level.accountLicenseType(), level.licensingSource(),
        level.msdnLicenseType());
  }

  /**
   * Finds Project Collection Administrators among the graph groups, checks direct membership with a
   * {@code HEAD}, then walks up the user's memberships breadth-first (visited set, depth at most 10).
   */
  public boolean isProjectCollectionAdministrator(OrganizationName organization) {
    Objects.requireNonNull(organization, "organization");
    ConnectionIdentity identity = identity(organization);
    AdoCall call = AdoCall.of("check whether the signed-in user is a Project Collection Administrator of the "
        + "organization " + organization.value(), organization);
    String user = identity.subjectDescriptor().orElseThrow(() -> ServiceException
        .builder(ServiceException.Kind.PROTOCOL, "Could not " + call.operation()
            + ": connectionData has no subject descriptor for the signed-in user.")
        .remediation("Check that the endpoint is Azure DevOps Services or Azure DevOps Server 2019 or later.")
        .build());
    String administrators = projectCollectionAdministrators(organization, identity, call);

    String head = Urls.at(endpoints.graph()).path(organization.value()).raw("_apis", "graph", "memberships")
        .path(user, administrators).query("api-version", previewApiVersion).toString();
    DetachedResponse direct = transport.exchange(HttpMethod.HEAD, head, call);
    if (direct.getStatusCode() == 200 && transport.isUsable(direct)) {
      return true;
    }
    if (direct.getStatusCode() != 404) {
      throw transport.failure(direct, call);
    }
    return memberThroughGroups(organization, user, administrators, call);
  }

  /**
   * The Project Collection Administrators group's descriptor. The group list is narrowed with the filters Groups -
   * List documents, {@code scopeDescriptor} (the collection's scope, resolved from its id with Descriptors - Get,
   * since descriptors must not be built by hand) and {@code subjectTypes=vssgp} (Azure DevOps groups), so that an
   * organization with many projects costs two requests instead of a page per twenty groups of every project.
   */
  private String projectCollectionAdministrators(OrganizationName organization, ConnectionIdentity identity,
      AdoCall call) {
    String wanted = "[" + organization.value() + "]\\Project Collection Administrators";
    Optional<String> scope = Optional.empty();
    if (identity.instanceId().isPresent()) {
      String descriptorUrl = Urls.at(endpoints.graph()).path(organization.value()).raw("_apis", "graph", "descriptors")
          .path(identity.instanceId().get()).query("api-version", apiVersion).toString();
      DetachedResponse descriptor = transport.exchange(HttpMethod.GET, descriptorUrl, call);
      if (transport.isUsable(descriptor)) {
        scope = firstNonBlank(Decoding.decode(descriptor, DescriptorDto.class, call).value());
      } else if (descriptor.getStatusCode() != 404) {
        throw transport.failure(descriptor, call);
      }
      // A 404 (a server without the descriptors API) leaves the list unfiltered: slower, still correct.
    }
    Optional<String> scopeDescriptor = scope;
    PageGuard guard = new PageGuard(maxGroupPages);
    Optional<String> token = Optional.empty();
    while (true) {
      Urls url = Urls.at(endpoints.graph()).path(organization.value()).raw("_apis", "graph", "groups");
      scopeDescriptor.ifPresent(d -> url.query("scopeDescriptor", d).query("subjectTypes", "vssgp"));
      url.query("api-version", previewApiVersion);
      token.ifPresent(t -> url.query("continuationToken", t));
      HttpTransport.Decoded<ValueList<GraphGroupDto>> read = transport.getJson(url.toString(), call,
          r -> Decoding.decode(r, GROUPS, call));
      DetachedResponse response = read.response();
      List<GraphGroupDto> groups = values(read.value(), call, response);
      boolean anyNew = groups.isEmpty();
      for (GraphGroupDto group : groups) {
        if (group.principalName() != null && group.principalName().trim().equalsIgnoreCase(wanted)) {
          return firstNonBlank(group.descriptor())
              .orElseThrow(() -> Decoding.missing(call, "descriptor of the Project Collection Administrators group",
                  response));
        }
        anyNew |= guard.newItem(String.valueOf(group.descriptor()) + "|" + group.principalName());
      }
      Optional<String> next = continuationToken(response);
      if (next.isEmpty()) {
        throw ErrorMapper.protocol(call, "the graph groups do not include " + wanted, response, null);
      }
      Optional<PageGuard.Problem> problem = guard.page(token.orElse(null), next.get());
      if (problem.isPresent() && problem.get() != PageGuard.Problem.TOO_MANY_PAGES) {
        throw ErrorMapper.protocol(call, "the graph groups repeat the continuation token " + shown(next.get())
            + ", which would page forever", response, null);
      }
      if (!anyNew) {
        throw ErrorMapper.protocol(call, "the graph groups listing repeats a page of groups already seen, which "
            + "would page forever", response, null);
      }
      if (problem.isPresent()) {
        throw ErrorMapper.builder(ServiceException.Kind.PROTOCOL, "Could not " + call.operation()
                + ": the graph groups listing did not end after " + maxGroupPages + " pages.", null)
            .remediation("An organization has far fewer groups than that; the server or a proxy in between pages "
                + "without end. Raise AzureDevOpsRestClientBuilder.maxGraphGroupPages only if the organization "
                + "really has that many groups.")
            .build();
      }
      token = next;
    }
  }

  private boolean memberThroughGroups(OrganizationName organization, String user, String administrators,
      AdoCall call) {
    Set<String> visited = new HashSet<>();
    visited.add(user);
    Deque<String> queue = new ArrayDeque<>();
    Deque<Integer> depths = new ArrayDeque<>();
    queue.add(user);
    depths.add(0);
    int walked = 0;
    while (!queue.isEmpty()) {
      String subject = queue.poll();
      int depth = depths.poll();
      if (depth >= MAX_MEMBERSHIP_DEPTH || walked >= MAX_GROUPS_WALKED) {
        continue;
      }
      walked++;
      String url = Urls.at(endpoints.graph()).path(organization.value()).raw("_apis", "graph", "Memberships")
          .path(subject).query("direction", "up").query("api-version", previewApiVersion).toString();
      HttpTransport.Decoded<ValueList<MembershipDto>> read = transport.getJson(url, call,
          r -> Decoding.decode(r, MEMBERSHIPS, call));
      DetachedResponse response = read.response();
      for (MembershipDto membership : values(read.value(), call, response)) {
        String container = membership.containerDescriptor();
        if (container == null || container.isBlank()) {
          throw Decoding.missing(call, "containerDescriptor in a membership", response);
        }
        if (container.equals(administrators)) {
          return true;
        }
        if (visited.add(container)) {
          queue.add(container);
          depths.add(depth + 1);
        }
      }
    }
    return false;
  }

  /**
   * {@code GET {vssps}/{org}/_apis/OrganizationPolicy/Policies/Policy.DisallowOAuthAuthentication}, best effort:
   * any failure is UNKNOWN with the reason.
   */
  public OAuthAppAccessStatus oauthAppAccess(OrganizationName organization) {
    Objects.requireNonNull(organization, "organization");
    AdoCall call = AdoCall.of("read the OAuth policy of the organization " + organization.value(), organization);
    String url = Urls.at(endpoints.graph()).path(organization.value())
        .raw("_apis", "OrganizationPolicy", "Policies").path(OAUTH_POLICY)
        .query("api-version", POLICY_API_VERSION).toString();
    String api = "the organization policy API is undocumented and ";
    DetachedResponse response;
    try {
      response = transport.exchange(HttpMethod.GET, url, call);
    } catch (ServiceException e) {
      return OAuthAppAccessStatus.of(OAuthAppAccess.UNKNOWN, api + "could not be reached ("
          + e.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " failure)");
    }
    if (!transport.isUsable(response)) {
      String code = ErrorMapper.serverMessage(response).flatMap(ErrorMapper::serviceCode)
          .map(c -> " " + c).orElse("");
      String what = response.getStatusCode() == 203 || response.isHtml()
          ? "answered " + response.getStatusCode() + " with a sign-in page"
          : "answered " + response.getStatusCode() + code;
      return OAuthAppAccessStatus.of(OAuthAppAccess.UNKNOWN, api + what);
    }
    PolicyDto policy;
    try {
      policy = Decoding.decode(response, PolicyDto.class, call);
    } catch (ServiceException e) {
      return OAuthAppAccessStatus.of(OAuthAppAccess.UNKNOWN, api + "answered with a body that is not the policy "
          + "JSON");
    }
    Boolean disallowed = policy.effectiveValue() != null ? policy.effectiveValue() : policy.value();
    if (disallowed == null) {
      return OAuthAppAccessStatus.of(OAuthAppAccess.UNKNOWN, api + "answered without a value for "
          + OAUTH_POLICY);
    }
    String detail = OAUTH_POLICY + " is " + disallowed + ", read through the undocumented organization policy API";
    return OAuthAppAccessStatus.of(disallowed ? OAuthAppAccess.OFF : OAuthAppAccess.ON, detail);
  }

  /** The tenant named in {@code connectionData}'s {@code authenticatedUser.descriptor}. */
  public Optional<TenantId> organizationTenant(OrganizationName organization) {
    Objects.requireNonNull(organization, "organization");
    return identity(organization).tenant();
  }

  /** {@code connectionData} for the organization, read once and cached. */
  ConnectionIdentity identity(OrganizationName organization) {
    String key = organization.value().toLowerCase(Locale.ROOT);
    ConnectionIdentity cached = identities.get(key);
    if (cached != null) {
      return cached;
    }
    ConnectionIdentity fetched = fetchIdentity(organization);
    ConnectionIdentity previous = identities.putIfAbsent(key, fetched);
    return previous != null ? previous : fetched;
  }

  private ConnectionIdentity fetchIdentity(OrganizationName organization) {
    AdoCall call = AdoCall.of("read who the signed-in user is in the organization " + organization.value(),
        organization);
    String url = Urls.at(endpoints.core()).path(organization.value()).raw("_apis", "connectionData")
        .query("api-version", previewApiVersion).toString();
    HttpTransport.Decoded<ConnectionDataDto> read = transport.getJson(url, call,
        r -> Decoding.decode(r, ConnectionDataDto.class, call));
    DetachedResponse response = read.response();
    ConnectionDataDto data = read.value();
    IdentityDto user = data.authenticatedUser();
    if (user == null) {
      throw Decoding.missing(call, "authenticatedUser", response);
    }
    String vsid = firstNonBlank(user.id()).orElseThrow(() -> Decoding.missing(call, "authenticatedUser.id", response));
    return new ConnectionIdentity(vsid, firstNonBlank(user.subjectDescriptor()),
        ConnectionIdentity.tenantOf(user.descriptor()), firstNonBlank(data.instanceId()));
  }

  /**
   * One page of a listing paged by {@code $top} and a continuation token: the items, and the response (whose
   * {@code X-MS-ContinuationToken} names the next page).
   */
  private <D> HttpTransport.Decoded<List<D>> page(Urls url, Optional<String> continuationToken,
      TypeReference<ValueList<D>> type, AdoCall call) {
    url.query("api-version", apiVersion).query("$top", String.valueOf(PAGE_SIZE));
    continuationToken.ifPresent(t -> url.query("continuationToken", t));
    HttpTransport.Decoded<ValueList<D>> read = transport.getJson(url.toString(), call,
        r -> Decoding.decode(r, type, call));
    return new HttpTransport.Decoded<>(read.response(), values(read.value(), call, read.response()));
  }

  /**
   * The next page's token. A token equal to the one just used, or (for integer tokens) one that does not move
   * forward, would page forever: that is a PROTOCOL failure.
   */
  private static Optional<String> nextToken(Optional<String> current, DetachedResponse response, AdoCall call) {
    Optional<String> next = continuationToken(response);
    if (PageGuard.standsStill(current.orElse(null), next.orElse(null))) {
      throw ErrorMapper.protocol(call, "the continuation token " + shown(next.get()) + " does not move past "
          + shown(current.get()) + ", so paging would never end", response, null);
    }
    return next;
  }

  /** The next page's token, from {@code X-MS-ContinuationToken}; empty when absent or blank. */
  private static Optional<String> continuationToken(DetachedResponse response) {
    return response.header("X-MS-ContinuationToken");
  }

  /** Tells the observer of every attempt the retry policy makes. */
  private static RetryPolicy.Listener listener(RequestObserver observer) {
    Objects.requireNonNull(observer, "observer");
    return new RetryPolicy.Listener() {
      @Override
      public void sent() {
        observer.requestSent();
      }

      @Override
      public void throttled(java.time.Duration retryAfter) {
        observer.throttled(retryAfter);
      }
    };
  }

  private static <T> List<T> values(ValueList<T> list, AdoCall call, DetachedResponse response) {
    if (list.value() == null) {
      throw Decoding.missing(call, "value array", response);
    }
    for (T item : list.value()) {
      if (item == null) {
        throw ErrorMapper.protocol(call, "the value array has a null item", response, null);
      }
    }
    return list.value();
  }

  /** The folder, with one instance of the root folder that nearly every pipeline is in. */
  private static String folder(String folder) {
    return folder == null || folder.isBlank() || folder.equals(ROOT_FOLDER) ? ROOT_FOLDER : folder;
  }

  private static Optional<String> firstNonBlank(String... candidates) {
    for (String candidate : candidates) {
      if (candidate != null && !candidate.isBlank()) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("The " + name + " is missing or blank.");
    }
    if (value.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException("The " + name + " is " + value.length() + " characters long; Azure DevOps "
          + "names have at most 64 and ids 36, so it is refused (at most " + MAX_NAME_LENGTH + ").");
    }
    if (value.equals(".") || value.equals("..")) {
      // Encoding does not help: a dot segment changes the request's path for the server, not just for the client.
      throw new IllegalArgumentException("The " + name + " \"" + value + "\" is not a valid name; '.' and '..' "
          + "would change the request's path.");
    }
  }

  private static String shown(String token) {
    String t = token.length() > 40 ? token.substring(0, 40) + "…" : token;
    return "\"" + t.replaceAll("\\p{Cntrl}", "?") + "\"";
  }

  /** A name for a message: one line, at most {@value #MAX_NAME_SHOWN} characters. */
  private static String shownName(String name) {
    return io.github.devopsconnector.http.SecretScrubber.clip(name, MAX_NAME_SHOWN);
  }

  @Override
  public String toString() {
    return "AzureDevOpsOperations{" + endpoints + ", api-version=" + apiVersion + "}";
  }
}
