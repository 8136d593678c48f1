package io.github.devopsconnector.testing;

import io.github.devopsconnector.core.OAuthAppAccess;
import io.github.devopsconnector.core.OrganizationName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The estate as Azure DevOps JSON: the state every route's answer comes from (organizations with their derived
 * identifiers, the token's scope, pre-encoded pages), the answers without an organization, and the pieces that
 * answer the rest ({@link AdoSimCatalog}, {@link AdoSimPipelines}, {@link AdoSimIdentities}, {@link AdoSimGroups}),
 * in the shapes of the real service (see the fixtures of the wire contract). Identifiers the estate does not hold
 * (VSIDs, descriptors, groups) are derived from the estate's ids by hashing, so the same estate always gives the
 * same answers.
 */
final class AdoSimWorld {

  static final String OAUTH_POLICY = "Policy.DisallowOAuthAuthentication";

  private final Estate estate;
  private final String base;
  /** The largest page of projects, or 0 for none beyond what {@code $top} asks; see {@link AdoSimCatalog#projects}. */
  private final int projectPageCap;
  private final int groupPageSize;
  private final Map<OrganizationName, AdoSimOrg> views = new ConcurrentHashMap<>();
  private volatile AdoSimPages pages = AdoSimPages.none();
  final AdoSimCatalog catalog;
  final AdoSimPipelines pipelines;
  final AdoSimIdentities identities;
  final AdoSimGroups groups;

  AdoSimWorld(Estate estate, String base, int projectPageCap, int groupPageSize) {
    this.estate = estate;
    this.base = base;
    this.projectPageCap = projectPageCap;
    this.groupPageSize = groupPageSize;
    this.catalog = new AdoSimCatalog(this);
    this.pipelines = new AdoSimPipelines(this);
    this.identities = new AdoSimIdentities(this);
    this.groups = new AdoSimGroups(this);
  }

  Estate estate() {
    return estate;
  }

  int projectPageCap() {
    return projectPageCap;
  }

  int groupPageSize() {
    return groupPageSize;
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
  Optional<AdoSimReply> tokenRefusal(AzureDevOpsSimulator.Route route, String organization) {
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
    return Optional.of(AdoSimReply.error(401, "TF400813: The user '" + estate.user().id() + "' is not authorized to access "
        + "this resource.", AdoSimReply.UNAUTHORIZED_TYPE, "UnauthorizedRequestException"));
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
    int projectPageSize = projectPageCap > 0 ? Math.min(AdoSimCatalog.DEFAULT_PROJECT_PAGE, projectPageCap) : AdoSimCatalog.DEFAULT_PROJECT_PAGE;
    for (EstateOrganization organization : estate.organizations()) {
      Lookup lookup = organization(organization.name().value());
      if (lookup.failure() != null) {
        continue;
      }
      AdoSimOrg org = lookup.view();
      int projects = org.org.projects().size();
      for (int start = 0; start == 0 || start < projects; start += projectPageSize) {
        int from = start;
        listings.add(new Listing(AdoSimPages.projectsKey(org, from, projectPageSize),
            () -> catalog.projectsPage(org, from, projectPageSize)));
      }
      listings.add(new Listing(AdoSimPages.repositoriesKey(org), () -> catalog.repositoryListing(org)));
      for (EstateProject project : org.org.projects()) {
        int pipelines = project.pipelines().size();
        for (int start = 0; start == 0 || start < pipelines; start += AdoSimPipelines.PIPELINE_PAGE_SIZE) {
          int from = start;
          listings.add(new Listing(AdoSimPages.pipelinesKey(org, project, from, AdoSimPipelines.PIPELINE_PAGE_SIZE),
              () -> this.pipelines.pipelinesPage(org, project, from, AdoSimPipelines.PIPELINE_PAGE_SIZE)));
        }
      }
    }
    return listings;
  }

  AdoSimReply stored(String key) {
    AdoSimPages.Page page = pages.get(key);
    return page == null ? null : AdoSimReply.encoded(page);
  }

  // ---- answers without an organization -------------------------------------------------------------------

  AdoSimReply profile() {
    EstateUser user = estate.user();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("displayName", user.displayName());
    json.put("publicAlias", user.id());
    json.put("emailAddress", user.email());
    json.put("coreRevision", 1647);
    json.put("timeStamp", "2025-01-15T09:30:00.000+00:00");
    json.put("id", user.id());
    json.put("revision", 1647);
    return AdoSimReply.ok(json);
  }

  AdoSimReply accounts(Map<String, String> query) {
    String member = query.getOrDefault("memberId", query.get("ownerId"));
    if (member == null || member.isBlank()) {
      return AdoSimReply.error(400, "VS800075: One of the following parameters is required: ownerId, memberId.",
          AdoSimReply.ARGUMENT_TYPE, "ArgumentException");
    }
    if (!member.trim().equalsIgnoreCase(estate.user().id())) {
      return AdoSimReply.error(401, "TF400813: The user '" + estate.user().id()
          + "' is not authorized to access this resource.", AdoSimReply.UNAUTHORIZED_TYPE, "UnauthorizedRequestException");
    }
    List<Object> value = new ArrayList<>();
    for (EstateOrganization org : estate.organizations()) {
      Map<String, Object> account = new LinkedHashMap<>();
      account.put("accountId", org.id());
      // The service answers with the organization's identity (SPS) host, not its dev.azure.com URL: the accounts
      // example of the REST specification (GET__Accounts_memberId-_userId_.json) has
      // "accountUri": "https://vssps.dev.azure.com/Fabrikam-Fiber-Inc/". The simulator answers the same.
      account.put("accountUri", "https://vssps.dev.azure.com/" + AdoSimIds.segment(org.name().value()) + "/");
      account.put("accountName", org.name().value());
      account.put("properties", Map.of());
      value.add(account);
    }
    return AdoSimReply.ok(AdoSimReply.collection(value));
  }

  // ---- organization routes -------------------------------------------------------------------------------

  /** The organization named by a path segment: a 404 or 401 reply when it is unknown or refuses the user. */
  Lookup organization(String name) {
    Optional<EstateOrganization> org = OrganizationName.isValid(name)
        ? estate.organization(OrganizationName.parse(name)) : Optional.empty();
    if (org.isEmpty()) {
      return new Lookup(null, AdoSimReply.error(404, "TF200016: The following project does not exist: " + name
          + ". Verify that the name of the project is correct and that the project exists on the specified "
          + "Azure DevOps Server.", AdoSimReply.PROJECT_MISSING_TYPE, "ProjectDoesNotExistException"));
    }
    AdoSimOrg view = views.computeIfAbsent(org.get().name(), key -> new AdoSimOrg(org.get(), estate.user(), base));
    if (!org.get().accessible()) {
      return new Lookup(null, AdoSimReply.error(401, "TF400813: The user '" + view.vsid
          + "' is not authorized to access this resource.", AdoSimReply.UNAUTHORIZED_TYPE, "UnauthorizedRequestException"));
    }
    return new Lookup(view, null);
  }

  AdoSimReply connectionData(AdoSimOrg org) {
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
    json.put("deploymentId", AdoSimIds.uuid("deployment:" + org.org.id()));
    json.put("deploymentType", "hosted");
    Map<String, Object> location = new LinkedHashMap<>();
    location.put("serviceOwner", "00025394-6065-48ca-87d9-7f5672854ef7");
    location.put("defaultAccessMappingMoniker", "PublicAccessMapping");
    location.put("lastChangeId", 62693399);
    location.put("lastChangeId64", 62693399);
    json.put("locationServiceData", location);
    return AdoSimReply.ok(json);
  }

  AdoSimReply policy(AdoSimOrg org, String name) {
    if (!name.equalsIgnoreCase(OAUTH_POLICY)) {
      return AdoSimReply.error(404, "The policy '" + name + "' is not known to this simulator.",
          "Microsoft.VisualStudio.Services.Organization.PolicyNotFoundException, Microsoft.VisualStudio.Services.WebApi",
          "PolicyNotFoundException");
    }
    OAuthAppAccess state = org.org.oauthThirdPartyAccess();
    if (state == OAuthAppAccess.UNKNOWN) {
      return AdoSimReply.error(405, "The requested resource does not support http method 'GET'.",
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
    return AdoSimReply.ok(json);
  }

  /** A listing page a discovery reads: its key in {@link AdoSimPages} and how to compute it. */
  record Listing(String key, Supplier<AdoSimReply> computation) {
    AdoSimReply reply() {
      return computation.get();
    }
  }

  /** An organization found by name, or the error reply that takes its place. */
  record Lookup(AdoSimOrg view, AdoSimReply failure) {}
}
