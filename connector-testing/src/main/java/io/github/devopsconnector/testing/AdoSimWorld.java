package io.github.devopsconnector.testing;

import io.github.devopsconnector.core.DevOpsPlatform;
import io.github.devopsconnector.core.OrganizationName;
import java.util.ArrayList;
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
  final AdoSimSignIn signIn;

  AdoSimWorld(Estate estate, String base, int projectPageCap, int groupPageSize) {
    this.estate = estate;
    this.base = base;
    this.projectPageCap = projectPageCap;
    this.groupPageSize = groupPageSize;
    this.catalog = new AdoSimCatalog(this);
    this.pipelines = new AdoSimPipelines(this);
    this.identities = new AdoSimIdentities(this);
    this.groups = new AdoSimGroups(this);
    this.signIn = new AdoSimSignIn(this);
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
    } else if (organization != null && OrganizationName.isValidFor(DevOpsPlatform.AZURE_DEVOPS, organization)) {
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

  // ---- organization routes -------------------------------------------------------------------------------

  /** The organization named by a path segment: a 404 or 401 reply when it is unknown or refuses the user. */
  Lookup organization(String name) {
    Optional<EstateOrganization> org = OrganizationName.isValidFor(DevOpsPlatform.AZURE_DEVOPS, name)
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

  /** A listing page a discovery reads: its key in {@link AdoSimPages} and how to compute it. */
  record Listing(String key, Supplier<AdoSimReply> computation) {
    AdoSimReply reply() {
      return computation.get();
    }
  }

  /** An organization found by name, or the error reply that takes its place. */
  record Lookup(AdoSimOrg view, AdoSimReply failure) {}
}
