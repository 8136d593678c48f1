package io.github.devopsconnector.testing;

import io.github.devopsconnector.core.AccessLevel;
import io.github.devopsconnector.core.OAuthAppAccess;
import io.github.devopsconnector.core.OrganizationName;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The estate as Azure DevOps JSON: every route's answer, in the shapes of the real service (see the fixtures of
 * the wire contract). Identifiers the estate does not hold (VSIDs, descriptors, groups) are derived from the
 * estate's ids by hashing, so the same estate always gives the same answers.
 */
final class AdoSimWorld {

  static final String UNAUTHORIZED_TYPE =
      "Microsoft.TeamFoundation.Framework.Server.UnauthorizedRequestException, Microsoft.TeamFoundation.Framework.Server";
  static final String OAUTH_POLICY = "Policy.DisallowOAuthAuthentication";
  /** The header a page names the next one in. */
  static final String CONTINUATION_HEADER = "X-MS-ContinuationToken";
  /** The page size of pipelines when the request gives none. */
  private static final int PIPELINE_PAGE_SIZE = 100;
  private static final String PROJECT_MISSING_TYPE =
      "Microsoft.TeamFoundation.Core.WebApi.ProjectDoesNotExistException, Microsoft.TeamFoundation.Core.WebApi";
  private static final String ARGUMENT_TYPE = "System.ArgumentException, mscorlib";
  private static final String TIMESTAMP = "2025-01-15T09:30:00.000Z";
  /** The page of projects without {@code $top}; see {@link #projects}. */
  static final int DEFAULT_PROJECT_PAGE = 100;
  private static final String PCA = "Project Collection Administrators";
  private static final String PCVU = "Project Collection Valid Users";
  private static final String TEAM = "Platform Team";
  private static final List<String> COLLECTION_GROUPS = List.of(PCVU, "Project Collection Build Administrators",
      "Project Collection Build Service Accounts", "Project Collection Service Accounts",
      "Project Collection Test Service Accounts", "Security Service Group", TEAM);
  private static final byte[] TOKEN_MARKER = {(byte) 0xFB, (byte) 0xEF};
  private static final List<String> PROJECT_GROUPS = List.of("Project Administrators", "Contributors", "Readers");

  private final Estate estate;
  private final String base;
  /** The largest page of projects, or 0 for none beyond what {@code $top} asks; see {@link #projects}. */
  private final int projectPageCap;
  private final int groupPageSize;
  private final Map<OrganizationName, OrgView> views = new ConcurrentHashMap<>();
  private volatile AdoSimPages pages = AdoSimPages.none();

  AdoSimWorld(Estate estate, String base, int projectPageCap, int groupPageSize) {
    this.estate = estate;
    this.base = base;
    this.projectPageCap = projectPageCap;
    this.groupPageSize = groupPageSize;
  }

  /** The base URL every route is served under. */
  String base() {
    return base;
  }

  /**
   * The {@code 401} a personal access token scoped to organizations gets from the profile and accounts APIs and
   * from organizations outside its scope, or empty when the token may make this request. Only a token created for
   * "All accessible organizations" may read the profile and the organization list (MicrosoftDocs/vsts-rest-api-specs
   * #166, and the workaround in edgafner/dorkag#31); a token scoped to an organization works only there (PAT docs,
   * learn.microsoft.com/azure/devops/organizations/accounts/use-personal-access-tokens-to-authenticate:
   * "Organization: Select the organization where you want to use the token, or choose All accessible
   * organizations").
   */
  Optional<Reply> tokenRefusal(AzureDevOpsSimulator.Route route, String organization) {
    if (estate.tokenForAllOrganizations()) {
      return Optional.empty();
    }
    boolean refused;
    if (route == AzureDevOpsSimulator.Route.PROFILE || route == AzureDevOpsSimulator.Route.ACCOUNTS) {
      refused = true;
    } else if (organization != null && OrganizationName.isValid(organization)) {
      refused = !estate.tokenWorksIn(OrganizationName.parse(organization));
    } else {
      refused = false;
    }
    if (!refused) {
      return Optional.empty();
    }
    return Optional.of(Reply.error(401, "TF400813: The user '" + estate.user().id() + "' is not authorized to access "
        + "this resource.", UNAUTHORIZED_TYPE, "UnauthorizedRequestException"));
  }

  /** Answers the listings these pages hold from them from now on. */
  void usePages(AdoSimPages encoded) {
    this.pages = encoded;
  }

  /**
   * The listings a discovery reads with the default page sizes, each with its page key and a way to compute the
   * reply: every project page, the repository listing and every pipeline page of each organization that lets the
   * user in.
   */
  List<Listing> listings() {
    List<Listing> listings = new ArrayList<>();
    int projectPageSize = projectPageCap > 0 ? Math.min(DEFAULT_PROJECT_PAGE, projectPageCap) : DEFAULT_PROJECT_PAGE;
    for (EstateOrganization organization : estate.organizations()) {
      Lookup lookup = organization(organization.name().value());
      if (lookup.failure() != null) {
        continue;
      }
      OrgView org = lookup.view();
      int projects = org.org.projects().size();
      for (int start = 0; start == 0 || start < projects; start += projectPageSize) {
        int from = start;
        listings.add(new Listing(AdoSimPages.projectsKey(org, from, projectPageSize),
            () -> projectsPage(org, from, projectPageSize)));
      }
      listings.add(new Listing(AdoSimPages.repositoriesKey(org), () -> repositoryListing(org)));
      for (EstateProject project : org.org.projects()) {
        int pipelines = project.pipelines().size();
        for (int start = 0; start == 0 || start < pipelines; start += PIPELINE_PAGE_SIZE) {
          int from = start;
          listings.add(new Listing(AdoSimPages.pipelinesKey(org, project, from, PIPELINE_PAGE_SIZE),
              () -> pipelinesPage(org, project, from, PIPELINE_PAGE_SIZE)));
        }
      }
    }
    return listings;
  }

  private Reply stored(String key) {
    AdoSimPages.Page page = pages.get(key);
    return page == null ? null : Reply.encoded(page);
  }

  // ---- answers without an organization -------------------------------------------------------------------

  Reply profile() {
    EstateUser user = estate.user();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("displayName", user.displayName());
    json.put("publicAlias", user.id());
    json.put("emailAddress", user.email());
    json.put("coreRevision", 1647);
    json.put("timeStamp", "2025-01-15T09:30:00.000+00:00");
    json.put("id", user.id());
    json.put("revision", 1647);
    return Reply.ok(json);
  }

  Reply accounts(Map<String, String> query) {
    String member = query.getOrDefault("memberId", query.get("ownerId"));
    if (member == null || member.isBlank()) {
      return Reply.error(400, "VS800075: One of the following parameters is required: ownerId, memberId.",
          ARGUMENT_TYPE, "ArgumentException");
    }
    if (!member.trim().equalsIgnoreCase(estate.user().id())) {
      return Reply.error(401, "TF400813: The user '" + estate.user().id()
          + "' is not authorized to access this resource.", UNAUTHORIZED_TYPE, "UnauthorizedRequestException");
    }
    List<Object> value = new ArrayList<>();
    for (EstateOrganization org : estate.organizations()) {
      Map<String, Object> account = new LinkedHashMap<>();
      account.put("accountId", org.id());
      // The service answers with the organization's identity (SPS) host, not its dev.azure.com URL: the accounts
      // example of the REST specification (GET__Accounts_memberId-_userId_.json) has
      // "accountUri": "https://vssps.dev.azure.com/Fabrikam-Fiber-Inc/". The simulator answers the same.
      account.put("accountUri", "https://vssps.dev.azure.com/" + segment(org.name().value()) + "/");
      account.put("accountName", org.name().value());
      account.put("properties", Map.of());
      value.add(account);
    }
    return Reply.ok(collection(value));
  }

  // ---- organization routes -------------------------------------------------------------------------------

  /** The organization named by a path segment: a 404 or 401 reply when it is unknown or refuses the user. */
  Lookup organization(String name) {
    Optional<EstateOrganization> org = OrganizationName.isValid(name)
        ? estate.organization(OrganizationName.parse(name)) : Optional.empty();
    if (org.isEmpty()) {
      return new Lookup(null, Reply.error(404, "TF200016: The following project does not exist: " + name
          + ". Verify that the name of the project is correct and that the project exists on the specified "
          + "Azure DevOps Server.", PROJECT_MISSING_TYPE, "ProjectDoesNotExistException"));
    }
    OrgView view = views.computeIfAbsent(org.get().name(), key -> new OrgView(org.get()));
    if (!org.get().accessible()) {
      return new Lookup(null, Reply.error(401, "TF400813: The user '" + view.vsid
          + "' is not authorized to access this resource.", UNAUTHORIZED_TYPE, "UnauthorizedRequestException"));
    }
    return new Lookup(view, null);
  }

  Reply connectionData(OrgView org) {
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("id", org.vsid);
    user.put("descriptor", org.identityDescriptor);
    user.put("subjectDescriptor", org.subjectDescriptor);
    user.put("providerDisplayName", estate.user().displayName());
    user.put("isActive", true);
    user.put("properties", Map.of("Account", Map.of("$type", "System.String", "$value", estate.user().email())));
    user.put("resourceVersion", 2);
    user.put("metaTypeId", 0);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("authenticatedUser", user);
    json.put("authorizedUser", new LinkedHashMap<>(user));
    json.put("instanceId", org.org.id());
    json.put("deploymentId", uuid("deployment:" + org.org.id()));
    json.put("deploymentType", "hosted");
    Map<String, Object> location = new LinkedHashMap<>();
    location.put("serviceOwner", "00025394-6065-48ca-87d9-7f5672854ef7");
    location.put("defaultAccessMappingMoniker", "PublicAccessMapping");
    location.put("lastChangeId", 62693399);
    location.put("lastChangeId64", 62693399);
    json.put("locationServiceData", location);
    return Reply.ok(json);
  }

  Reply projects(OrgView org, Map<String, String> query) {
    List<EstateProject> projects = org.org.projects();
    Integer top = positiveInt(query, "$top");
    if (top == null && query.containsKey("$top")) {
      return badParameter("$top", query.get("$top"));
    }
    // Without $top the service returns 100 projects (MicrosoftDocs/vsts-rest-api-specs#275: "undocumented default
    // value of 100 results"); with $top it returns that many, with no documented cap (values "up to at least 1,000"
    // were tested against the service: expertasolutions/AzDo.VstsDashboard#158). An organization holds at most
    // 1000 projects (learn.microsoft.com/azure/devops/organizations/projects/about-projects). A cap is only an
    // option of the simulator, to make tests page.
    int size = top == null ? DEFAULT_PROJECT_PAGE : top;
    if (projectPageCap > 0) {
      size = Math.min(size, projectPageCap);
    }
    int start;
    if (query.containsKey("continuationToken")) {
      start = nonNegativeInt(query.get("continuationToken"));
      if (start < 0) {
        return badParameter("continuationToken", query.get("continuationToken"));
      }
    } else if (query.containsKey("$skip")) {
      start = nonNegativeInt(query.get("$skip"));
      if (start < 0) {
        return badParameter("$skip", query.get("$skip"));
      }
    } else {
      start = 0;
    }
    Reply stored = stored(AdoSimPages.projectsKey(org, start, size));
    return stored != null ? stored : projectsPage(org, start, size);
  }

  private Reply projectsPage(OrgView org, int start, int size) {
    List<EstateProject> projects = org.org.projects();
    int end = (int) Math.min((long) start + size, projects.size());
    List<Object> value = new ArrayList<>();
    for (int i = start; i < end; i++) {
      value.add(project(org, projects.get(i), true));
    }
    Reply reply = Reply.ok(collection(value));
    return end < projects.size() ? reply.withContinuation(Integer.toString(end)) : reply;
  }

  /** {@code GET {org}/_apis/projects/{projectId}}: one project by id or name (Projects - Get). */
  Reply project(OrgView org, String idOrName) {
    Optional<EstateProject> project = org.project(idOrName);
    if (project.isEmpty()) {
      return projectMissing(idOrName);
    }
    Map<String, Object> json = project(org, project.get(), true);
    json.put("defaultTeam", Map.of("id", uuid("team:" + project.get().id()), "name", project.get().name() + " Team",
        "url", base + "/" + org.segment + "/_apis/projects/" + project.get().id() + "/teams/"
            + uuid("team:" + project.get().id())));
    return Reply.ok(json);
  }

  /**
   * {@code GET {org}/{project}/_apis/build/definitions}: the pipelines as build definition references (a YAML
   * pipeline is a build definition with the same id and name). {@code $top} and {@code continuationToken} page as
   * for pipelines; the REST reference documents no default page, so without {@code $top} the simulator uses the
   * pipelines' 100.
   */
  Reply buildDefinitions(OrgView org, String projectName, Map<String, String> query) {
    Optional<EstateProject> found = org.project(projectName);
    if (found.isEmpty()) {
      return projectMissing(projectName);
    }
    EstateProject project = found.get();
    Integer top = positiveInt(query, "$top");
    if (top == null && query.containsKey("$top")) {
      return badParameter("$top", query.get("$top"));
    }
    int size = top == null ? 100 : top;
    int start = 0;
    String token = query.get("continuationToken");
    if (token != null) {
      start = decodeToken("definitions", project.id(), token);
      if (start < 0) {
        return badParameter("continuationToken", token);
      }
    }
    List<EstatePipeline> pipelines = project.pipelines();
    int end = (int) Math.min((long) start + size, pipelines.size());
    List<Object> value = new ArrayList<>();
    for (int i = Math.min(start, pipelines.size()); i < end; i++) {
      EstatePipeline pipeline = pipelines.get(i);
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("quality", "definition");
      json.put("id", pipeline.id());
      json.put("name", pipeline.name());
      json.put("url", base + "/" + org.segment + "/" + project.id() + "/_apis/build/Definitions/" + pipeline.id()
          + "?revision=1");
      json.put("uri", "vstfs:///Build/Definition/" + pipeline.id());
      json.put("path", "\\");
      json.put("type", "build");
      json.put("queueStatus", "enabled");
      json.put("revision", 1);
      json.put("createdDate", TIMESTAMP);
      json.put("project", project(org, project, false));
      value.add(json);
    }
    Reply reply = Reply.ok(collection(value));
    return end < pipelines.size() ? reply.withContinuation(encodeToken("definitions", project.id(), end)) : reply;
  }

  Reply repositories(OrgView org) {
    Reply stored = stored(AdoSimPages.repositoriesKey(org));
    return stored != null ? stored : repositoryListing(org);
  }

  private Reply repositoryListing(OrgView org) {
    List<Object> value = new ArrayList<>();
    for (EstateProject project : org.org.projects()) {
      for (EstateRepository repository : project.repositories()) {
        value.add(repository(org, project, repository));
      }
    }
    return Reply.ok(collection(value));
  }

  Reply repositories(OrgView org, String projectName) {
    Optional<EstateProject> project = org.project(projectName);
    if (project.isEmpty()) {
      return projectMissing(projectName);
    }
    List<Object> value = new ArrayList<>();
    for (EstateRepository repository : project.get().repositories()) {
      value.add(repository(org, project.get(), repository));
    }
    return Reply.ok(collection(value));
  }

  Reply pipelines(OrgView org, String projectName, Map<String, String> query) {
    Optional<EstateProject> found = org.project(projectName);
    if (found.isEmpty()) {
      return projectMissing(projectName);
    }
    EstateProject project = found.get();
    Integer top = positiveInt(query, "$top");
    if (top == null && query.containsKey("$top")) {
      return badParameter("$top", query.get("$top"));
    }
    int size = top == null ? PIPELINE_PAGE_SIZE : top;
    int start = 0;
    String token = query.get("continuationToken");
    if (token != null) {
      start = decodeToken("pipelines", project.id(), token);
      if (start < 0) {
        return badParameter("continuationToken", token);
      }
    }
    Reply stored = stored(AdoSimPages.pipelinesKey(org, project, start, size));
    return stored != null ? stored : pipelinesPage(org, project, start, size);
  }

  private Reply pipelinesPage(OrgView org, EstateProject project, int start, int size) {
    List<EstatePipeline> pipelines = project.pipelines();
    int end = (int) Math.min((long) start + size, pipelines.size());
    List<Object> value = new ArrayList<>();
    for (int i = Math.min(start, pipelines.size()); i < end; i++) {
      EstatePipeline pipeline = pipelines.get(i);
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("id", pipeline.id());
      json.put("name", pipeline.name());
      json.put("folder", "\\");
      json.put("revision", 1);
      json.put("url", base + "/" + org.segment + "/" + project.id() + "/_apis/pipelines/" + pipeline.id()
          + "?revision=1");
      value.add(json);
    }
    Reply reply = Reply.ok(collection(value));
    return end < pipelines.size() ? reply.withContinuation(encodeToken("pipelines", project.id(), end)) : reply;
  }

  Reply entitlement(OrgView org, String vsid) {
    if (!org.vsid.equalsIgnoreCase(vsid) || estate.user().servicePrincipal()) {
      return Reply.error(404, "VS403283: Could not find user with id '" + vsid + "'.",
          "Microsoft.VisualStudio.Services.MemberEntitlementManagement.WebApi.UserEntitlementNotFoundException, "
              + "Microsoft.VisualStudio.Services.MemberEntitlementManagement.WebApi",
          "UserEntitlementNotFoundException");
    }
    EstateUser user = estate.user();
    Map<String, Object> graphUser = new LinkedHashMap<>();
    graphUser.put("subjectKind", "user");
    graphUser.put("metaType", "member");
    graphUser.put("domain", org.org.tenantId().map(Object::toString).orElse("Windows Live ID"));
    graphUser.put("principalName", user.email());
    graphUser.put("mailAddress", user.email());
    graphUser.put("origin", org.org.tenantId().isPresent() ? "aad" : "msa");
    graphUser.put("originId", user.id());
    graphUser.put("displayName", user.displayName());
    graphUser.put("url", base + "/" + org.segment + "/_apis/graph/users/" + org.subjectDescriptor);
    graphUser.put("descriptor", org.subjectDescriptor);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", org.vsid);
    json.put("user", graphUser);
    json.put("accessLevel", accessLevel(org.org.accessLevel()));
    json.put("lastAccessedDate", TIMESTAMP);
    json.put("dateCreated", "2024-03-01T08:00:00.000Z");
    json.put("projectEntitlements", List.of());
    json.put("extensions", List.of());
    json.put("groupAssignments", List.of());
    return Reply.ok(json);
  }

  /**
   * {@code GET {org}/_apis/graph/descriptors/{storageKey}} (Descriptors - Get, "Resolve a storage key to a
   * descriptor"): the organization's id gives its collection scope descriptor, a project id the project's scope
   * descriptor, the user's id their subject descriptor. The scope descriptors are {@code scp.} and the Base64 of
   * the id here, but a client must not build them itself: they are opaque, which is why the API resolves them.
   */
  Reply descriptor(OrgView org, String storageKey) {
    String value = null;
    if (storageKey.equalsIgnoreCase(org.org.id())) {
      value = scopeDescriptor(org.org.id());
    } else if (storageKey.equalsIgnoreCase(org.vsid)) {
      value = org.subjectDescriptor;
    } else {
      for (EstateProject project : org.org.projects()) {
        if (project.id().equalsIgnoreCase(storageKey)) {
          value = scopeDescriptor(project.id());
        }
      }
    }
    if (value == null) {
      return Reply.error(404, "VS860018: The subject with storage key '" + storageKey + "' could not be found.",
          "Microsoft.VisualStudio.Services.Graph.GraphSubjectNotFoundException, Microsoft.VisualStudio.Services.WebApi",
          "GraphSubjectNotFoundException");
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("value", value);
    json.put("_links", Map.of("self", Map.of("href", base + "/" + org.segment + "/_apis/Graph/Descriptors/"
        + storageKey)));
    return Reply.ok(json);
  }

  /**
   * {@code GET {org}/_apis/serviceprincipalentitlements/{id}}: a service principal's entitlement, with its access
   * level. Service principals have no user entitlement; this is where theirs is (Service Principal Entitlements -
   * Get, in the REST reference's MemberEntitlementManagement area).
   */
  Reply servicePrincipalEntitlement(OrgView org, String id) {
    if (!estate.user().servicePrincipal() || !org.vsid.equalsIgnoreCase(id)) {
      return Reply.error(404, "VS403283: Could not find service principal with id '" + id + "'.",
          "Microsoft.VisualStudio.Services.MemberEntitlementManagement.WebApi."
              + "ServicePrincipalEntitlementNotFoundException, "
              + "Microsoft.VisualStudio.Services.MemberEntitlementManagement.WebApi",
          "ServicePrincipalEntitlementNotFoundException");
    }
    EstateUser user = estate.user();
    Map<String, Object> principal = new LinkedHashMap<>();
    principal.put("subjectKind", "servicePrincipal");
    principal.put("metaType", "application");
    principal.put("origin", "aad");
    principal.put("originId", user.id());
    principal.put("displayName", user.displayName());
    principal.put("descriptor", org.subjectDescriptor);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", org.vsid);
    json.put("servicePrincipal", principal);
    json.put("accessLevel", accessLevel(org.org.accessLevel()));
    json.put("lastAccessedDate", TIMESTAMP);
    json.put("dateCreated", "2024-03-01T08:00:00.000Z");
    json.put("projectEntitlements", List.of());
    json.put("extensions", List.of());
    json.put("groupAssignments", List.of());
    return Reply.ok(json);
  }

  private static String scopeDescriptor(String id) {
    return "scp." + base64Url(id.toLowerCase(Locale.ROOT));
  }

  /** The organization or project id a scope descriptor names, or null. */
  private static String scopeIdOf(OrgView org, String descriptor) {
    if (descriptor.equals(scopeDescriptor(org.org.id()))) {
      return org.org.id().toLowerCase(Locale.ROOT);
    }
    for (EstateProject project : org.org.projects()) {
      if (descriptor.equals(scopeDescriptor(project.id()))) {
        return project.id().toLowerCase(Locale.ROOT);
      }
    }
    return null;
  }

  /**
   * {@code GET {org}/_apis/graph/groups}: the groups of the organization, collection and project groups alike,
   * filtered by the {@code scopeDescriptor} ("Specify a non-default scope (collection, project) to search for
   * groups") and {@code subjectTypes} (descriptor prefixes such as {@code vssgp}) the REST reference (Groups - List)
   * documents. An unknown scope descriptor is a {@code 400}.
   */
  Reply groups(OrgView org, Map<String, String> query) {
    String scope = query.get("scopeDescriptor");
    String scopeId = null;
    if (scope != null) {
      scopeId = scopeIdOf(org, scope);
      if (scopeId == null) {
        return badParameter("scopeDescriptor", scope);
      }
    }
    List<String> types = new ArrayList<>();
    if (query.containsKey("subjectTypes")) {
      for (String type : query.get("subjectTypes").split(",")) {
        if (!type.isBlank()) {
          types.add(type.trim().toLowerCase(Locale.ROOT));
        }
      }
    }
    List<Group> groups = new ArrayList<>();
    for (Group group : org.groups()) {
      String domain = String.valueOf(group.json().get("domain"));
      boolean inScope = scopeId == null || domain.toLowerCase(Locale.ROOT).endsWith("/" + scopeId);
      boolean ofType = types.isEmpty() || types.contains(group.descriptor().substring(0,
          group.descriptor().indexOf('.')).toLowerCase(Locale.ROOT));
      if (inScope && ofType) {
        groups.add(group);
      }
    }
    String listKey = org.org.id() + "~" + (scope == null ? "" : scope) + "~" + String.join("+", types);
    int start = 0;
    String token = query.get("continuationToken");
    if (token != null) {
      start = decodeToken("groups", listKey, token);
      if (start < 0) {
        return badParameter("continuationToken", token);
      }
    }
    int end = (int) Math.min((long) start + groupPageSize, groups.size());
    List<Object> value = new ArrayList<>();
    for (int i = Math.min(start, groups.size()); i < end; i++) {
      value.add(groups.get(i).json);
    }
    Reply reply = Reply.ok(collection(value));
    return end < groups.size() ? reply.withContinuation(encodeToken("groups", listKey, end)) : reply;
  }

  Reply membershipCheck(OrgView org, String subject, String container) {
    List<String> up = org.edgesUp().get(subject);
    return Reply.status(up != null && up.contains(container) ? 200 : 404);
  }

  Reply memberships(OrgView org, String subject, Map<String, String> query) {
    String direction = query.getOrDefault("direction", "up").toLowerCase(Locale.ROOT);
    if (!direction.equals("up") && !direction.equals("down") && !direction.equals("unknown")) {
      return badParameter("direction", query.get("direction"));
    }
    Map<String, List<String>> up = org.edgesUp();
    if (!up.containsKey(subject)) {
      return Reply.error(404, "VS860018: The subject with descriptor '" + subject + "' could not be found.",
          "Microsoft.VisualStudio.Services.Graph.GraphSubjectNotFoundException, Microsoft.VisualStudio.Services.WebApi",
          "GraphSubjectNotFoundException");
    }
    List<Object> value = new ArrayList<>();
    if (direction.equals("down")) {
      for (Map.Entry<String, List<String>> edge : up.entrySet()) {
        if (edge.getValue().contains(subject)) {
          value.add(membership(org, edge.getKey(), subject));
        }
      }
    } else {
      for (String container : up.get(subject)) {
        value.add(membership(org, subject, container));
      }
    }
    return Reply.ok(collection(value));
  }

  Reply policy(OrgView org, String name) {
    if (!name.equalsIgnoreCase(OAUTH_POLICY)) {
      return Reply.error(404, "The policy '" + name + "' is not known to this simulator.",
          "Microsoft.VisualStudio.Services.Organization.PolicyNotFoundException, Microsoft.VisualStudio.Services.WebApi",
          "PolicyNotFoundException");
    }
    OAuthAppAccess state = org.org.oauthThirdPartyAccess();
    if (state == OAuthAppAccess.UNKNOWN) {
      return Reply.error(405, "The requested resource does not support http method 'GET'.",
          "System.Web.Http.HttpResponseException, System.Web.Http", "HttpResponseException")
          .withHeader("Allow", "PATCH");
    }
    // The policy disallows OAuth: "On" in the portal is the value false.
    boolean disallowed = state == OAuthAppAccess.OFF;
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", OAUTH_POLICY);
    json.put("value", disallowed);
    json.put("effectiveValue", disallowed);
    json.put("enforce", false);
    json.put("isValueUndefined", false);
    return Reply.ok(json);
  }

  // ---- shapes --------------------------------------------------------------------------------------------

  private Map<String, Object> project(OrgView org, EstateProject project, boolean full) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", project.id());
    json.put("name", project.name());
    json.put("url", base + "/" + org.segment + "/_apis/projects/" + project.id());
    json.put("state", "wellFormed");
    json.put("revision", 400 + Math.floorMod(project.id().hashCode(), 600));
    json.put("visibility", "private");
    json.put("lastUpdateTime", TIMESTAMP);
    if (!full) {
      json.remove("lastUpdateTime");
    }
    return json;
  }

  private Map<String, Object> repository(OrgView org, EstateProject project, EstateRepository repository) {
    String remote = base + "/" + org.segment + "/" + segment(project.name()) + "/_git/" + segment(repository.name());
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", repository.id());
    json.put("name", repository.name());
    json.put("url", base + "/" + org.segment + "/" + project.id() + "/_apis/git/repositories/" + repository.id());
    json.put("project", project(org, project, false));
    repository.defaultBranch().ifPresent(branch -> json.put("defaultBranch", branch));
    json.put("size", repository.defaultBranch().isPresent()
        ? 1024 + Math.floorMod(repository.id().hashCode(), 4_000_000) : 0);
    json.put("remoteUrl", remote);
    json.put("webUrl", remote);
    json.put("isDisabled", false);
    json.put("isInMaintenance", false);
    return json;
  }

  private static Map<String, Object> accessLevel(AccessLevel level) {
    String source;
    String license;
    String msdn;
    String status = "active";
    switch (level) {
      case BASIC:
        license = "express";
        source = "account";
        msdn = "none";
        break;
      case BASIC_PLUS_TEST_PLANS:
        license = "advanced";
        source = "account";
        msdn = "none";
        break;
      case VISUAL_STUDIO_SUBSCRIBER:
        license = "none";
        source = "msdn";
        msdn = "eligible";
        break;
      case STAKEHOLDER:
        license = "stakeholder";
        source = "account";
        msdn = "none";
        break;
      case NONE:
      default:
        license = "none";
        source = "none";
        msdn = "none";
        status = "none";
        break;
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("licensingSource", source);
    json.put("accountLicenseType", license);
    json.put("msdnLicenseType", msdn);
    json.put("licenseDisplayName", level.displayName());
    json.put("status", status);
    json.put("statusMessage", "");
    json.put("assignmentSource", "unknown");
    return json;
  }

  private Map<String, Object> membership(OrgView org, String member, String container) {
    Map<String, Object> json = new LinkedHashMap<>();
    String graph = base + "/" + org.segment + "/_apis/Graph/";
    Map<String, Object> links = new LinkedHashMap<>();
    links.put("self", Map.of("href", graph + "Memberships/" + member + "/" + container));
    links.put("member", Map.of("href", graph + "Subjects/" + member));
    links.put("container", Map.of("href", graph + "Subjects/" + container));
    json.put("_links", links);
    json.put("containerDescriptor", container);
    json.put("memberDescriptor", member);
    return json;
  }

  private static Map<String, Object> collection(List<Object> value) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("count", value.size());
    json.put("value", value);
    return json;
  }

  static Map<String, Object> errorBody(String message, String typeName, String typeKey) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("$id", "1");
    json.put("innerException", null);
    json.put("message", message);
    json.put("typeName", typeName);
    json.put("typeKey", typeKey);
    json.put("errorCode", 0);
    json.put("eventId", 3000);
    return json;
  }

  private static Reply projectMissing(String project) {
    return Reply.error(404, "TF200016: The following project does not exist: " + project
        + ". Verify that the name of the project is correct and that the project exists on the specified "
        + "Azure DevOps Server.", PROJECT_MISSING_TYPE, "ProjectDoesNotExistException");
  }

  static Reply badParameter(String name, String value) {
    return Reply.error(400, "The value '" + value + "' of the parameter '" + name + "' is not valid.",
        ARGUMENT_TYPE, "ArgumentException");
  }

  // ---- identifiers -----------------------------------------------------------------------------------------

  static String segment(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String uuid(String seed) {
    return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static long unsigned(String seed, int word) {
    UUID id = UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8));
    long bits = word < 2 ? id.getMostSignificantBits() : id.getLeastSignificantBits();
    return (word % 2 == 0 ? bits >>> 32 : bits) & 0xFFFFFFFFL;
  }

  private static String base64Url(String text) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * An opaque token that names what it pages and where it stops. It is standard Base64 of two marker bytes and
   * the payload, so it always starts with {@code ++}: a client that does not URL-encode tokens sends spaces and
   * gets {@code 400}, as it would from a service whose tokens hold {@code +}, {@code /} and {@code =}.
   */
  private static String encodeToken(String kind, String scope, int offset) {
    byte[] payload = (kind + "|" + scope + "|" + offset).getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[payload.length + TOKEN_MARKER.length];
    System.arraycopy(TOKEN_MARKER, 0, bytes, 0, TOKEN_MARKER.length);
    System.arraycopy(payload, 0, bytes, TOKEN_MARKER.length, payload.length);
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** The offset in a token made by {@link #encodeToken}, or -1 when it is not one for this list. */
  private static int decodeToken(String kind, String scope, String token) {
    try {
      byte[] bytes = Base64.getDecoder().decode(token);
      if (bytes.length < TOKEN_MARKER.length || bytes[0] != TOKEN_MARKER[0] || bytes[1] != TOKEN_MARKER[1]) {
        return -1;
      }
      String[] parts = new String(bytes, TOKEN_MARKER.length, bytes.length - TOKEN_MARKER.length,
          StandardCharsets.UTF_8).split("\\|", -1);
      if (parts.length != 3 || !parts[0].equals(kind) || !parts[1].equalsIgnoreCase(scope)) {
        return -1;
      }
      return nonNegativeInt(parts[2]);
    } catch (IllegalArgumentException e) {
      return -1;
    }
  }

  private static Integer positiveInt(Map<String, String> query, String name) {
    String text = query.get(name);
    if (text == null) {
      return null;
    }
    int value = nonNegativeInt(text);
    return value > 0 ? value : null;
  }

  private static int nonNegativeInt(String text) {
    try {
      int value = Integer.parseInt(text.trim());
      return value < 0 ? -1 : value;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  // ---- types ---------------------------------------------------------------------------------------------

  /** A listing page a discovery reads: its key in {@link AdoSimPages} and how to compute it. */
  record Listing(String key, Supplier<Reply> computation) {
    Reply reply() {
      return computation.get();
    }
  }

  /** An organization found by name, or the error reply that takes its place. */
  record Lookup(OrgView view, Reply failure) {}

  /** A group of an organization's graph. */
  record Group(String principalName, String descriptor, Map<String, Object> json) {}

  /** One organization's derived identifiers and graph, computed once. */
  final class OrgView {
    final EstateOrganization org;
    final String segment;
    final String vsid;
    final String subjectDescriptor;
    final String identityDescriptor;
    private volatile Graph graph;

    OrgView(EstateOrganization org) {
      this.org = org;
      this.segment = segment(org.name().value());
      EstateUser user = estate.user();
      this.vsid = uuid("vsid:" + org.id() + ":" + user.id());
      String subjectKey = uuid("subject:" + org.tenantId().map(Object::toString).orElse(org.id()) + ":" + user.id());
      if (org.tenantId().isPresent()) {
        this.subjectDescriptor = "aad." + base64Url(subjectKey);
        this.identityDescriptor =
            "Microsoft.IdentityModel.Claims.ClaimsIdentity;" + org.tenantId().get() + "\\" + user.email();
      } else {
        this.subjectDescriptor = "msa." + base64Url(subjectKey);
        String puid = String.format(Locale.ROOT, "%08X%08X", unsigned(user.id(), 0), unsigned(user.id(), 1));
        this.identityDescriptor = "Microsoft.IdentityModel.Claims.ClaimsIdentity;" + puid + "@Live.com";
      }
    }

    Optional<EstateProject> project(String nameOrId) {
      return org.projects().stream()
          .filter(p -> p.name().equalsIgnoreCase(nameOrId) || p.id().equalsIgnoreCase(nameOrId))
          .findFirst();
    }

    List<Group> groups() {
      return graph().groups;
    }

    Map<String, List<String>> edgesUp() {
      return graph().up;
    }

    private Graph graph() {
      Graph current = graph;
      if (current == null) {
        synchronized (this) {
          current = graph;
          if (current == null) {
            current = new Graph(this);
            graph = current;
          }
        }
      }
      return current;
    }

    String collectionSid(String groupName) {
      String orgSeed = "collection:" + org.id();
      String prefix = "S-1-9-1551374245-" + unsigned(orgSeed, 0) + "-" + unsigned(orgSeed, 1) + "-"
          + unsigned(orgSeed, 2) + "-" + unsigned(orgSeed, 3);
      if (groupName.equals(PCA)) {
        return prefix + "-0-0-0-0-1";
      }
      String groupSeed = "group:" + org.id() + ":" + groupName.toLowerCase(Locale.ROOT);
      return prefix + "-1-" + unsigned(groupSeed, 0) + "-" + unsigned(groupSeed, 1) + "-"
          + unsigned(groupSeed, 2) + "-" + unsigned(groupSeed, 3);
    }
  }

  /**
   * The organization's groups and direct memberships. The user belongs to the Platform Team and, when the
   * estate says so, to the Project Collection Administrators directly, or through the Platform Team when the
   * membership is nested. Every group belongs to Project Collection Valid Users. The administrators come last
   * in the group list, so a client has to read every page to find them.
   */
  private final class Graph {
    final List<Group> groups;
    final Map<String, List<String>> up;

    Graph(OrgView view) {
      EstateOrganization org = view.org;
      String orgName = org.name().value();
      String collectionDomain = "vstfs:///Framework/IdentityDomain/" + org.id();
      List<Group> all = new ArrayList<>();
      Map<String, String> collection = new HashMap<>();
      for (String name : COLLECTION_GROUPS) {
        Group group = group(view, "[" + orgName + "]\\" + name, name, collectionDomain, view.collectionSid(name));
        collection.put(name, group.descriptor);
        all.add(group);
      }
      String firstContributors = null;
      for (EstateProject project : org.projects()) {
        String domain = "vstfs:///Classification/TeamProject/" + project.id();
        for (String name : PROJECT_GROUPS) {
          String seed = "project-group:" + project.id() + ":" + name;
          String sid = "S-1-9-1551374245-" + unsigned(seed, 0) + "-" + unsigned(seed, 1) + "-" + unsigned(seed, 2)
              + "-" + unsigned(seed, 3) + "-0-0-0-0-" + (PROJECT_GROUPS.indexOf(name) + 1);
          Group group = group(view, "[" + project.name() + "]\\" + name, name, domain, sid);
          all.add(group);
          if (firstContributors == null && name.equals("Contributors")) {
            firstContributors = group.descriptor;
          }
        }
      }
      Group pca = group(view, "[" + orgName + "]\\" + PCA, PCA, collectionDomain, view.collectionSid(PCA));
      all.add(pca);

      Map<String, List<String>> edges = new LinkedHashMap<>();
      String validUsers = collection.get(PCVU);
      for (Group group : all) {
        edges.put(group.descriptor, group.descriptor.equals(validUsers) ? List.of() : List.of(validUsers));
      }
      String team = collection.get(TEAM);
      boolean admin = org.projectCollectionAdministrator();
      boolean nested = admin && org.administratorThroughNestedGroup();
      if (nested) {
        edges.put(team, List.of(pca.descriptor, validUsers));
      }
      List<String> userUp = new ArrayList<>();
      if (admin && !nested) {
        userUp.add(pca.descriptor);
      }
      userUp.add(team);
      if (firstContributors != null) {
        userUp.add(firstContributors);
      }
      edges.put(view.subjectDescriptor, List.copyOf(userUp));
      this.groups = List.copyOf(all);
      this.up = Collections.unmodifiableMap(edges);
    }

    private Group group(OrgView view, String principalName, String displayName, String domain, String sid) {
      String descriptor = "vssgp." + base64Url(sid);
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("subjectKind", "group");
      json.put("description", description(displayName));
      json.put("domain", domain);
      json.put("principalName", principalName);
      json.put("mailAddress", null);
      json.put("origin", "vsts");
      json.put("originId", uuid("origin:" + view.org.id() + ":" + principalName.toLowerCase(Locale.ROOT)));
      json.put("displayName", displayName);
      json.put("url", base + "/" + view.segment + "/_apis/Graph/Groups/" + descriptor);
      json.put("descriptor", descriptor);
      return new Group(principalName, descriptor, json);
    }

    private String description(String name) {
      switch (name) {
        case PCA:
          return "Members of this application group can perform all privileged operations on the Team Project "
              + "Collection.";
        case PCVU:
          return "This application group contains all users and groups that have access to resources in the Team "
              + "Project Collection.";
        case TEAM:
          return "The team that runs the engineering platform.";
        default:
          return "Members of the " + name + " group.";
      }
    }
  }

  /**
   * An answer before it is written: status, JSON body (or none; or its bytes, already encoded, which the writer
   * must not change), extra headers.
   */
  static final class Reply {
    final int status;
    final Object json;
    final byte[] encoded;
    final Map<String, String> headers;

    private Reply(int status, Object json, byte[] encoded, Map<String, String> headers) {
      this.status = status;
      this.json = json;
      this.encoded = encoded;
      this.headers = headers;
    }

    static Reply ok(Object json) {
      return new Reply(200, json, null, Map.of());
    }

    static Reply status(int status) {
      return new Reply(status, null, null, Map.of());
    }

    static Reply error(int status, String message, String typeName, String typeKey) {
      return new Reply(status, errorBody(message, typeName, typeKey), null, Map.of());
    }

    /** A 200 with a page encoded before. */
    static Reply encoded(AdoSimPages.Page page) {
      Reply reply = new Reply(200, null, page.body(), Map.of());
      return page.continuationToken() == null ? reply : reply.withContinuation(page.continuationToken());
    }

    Reply withHeader(String name, String value) {
      Map<String, String> more = new LinkedHashMap<>(headers);
      more.put(name, value);
      return new Reply(status, json, encoded, Collections.unmodifiableMap(more));
    }

    Reply withContinuation(String token) {
      return withHeader(CONTINUATION_HEADER, token);
    }
  }
}
