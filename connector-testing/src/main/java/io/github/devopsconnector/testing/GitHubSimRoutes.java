package io.github.devopsconnector.testing;

import io.github.devopsconnector.core.GitHubAppAccess;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.github.GitHubOwnerType;
import io.github.devopsconnector.core.github.GitHubRole;
import io.github.devopsconnector.testing.GitHubSimulator.Route;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The GitHub simulator's routes and state: which route a request is, and its answer from the estate, with
 * GitHub's paging ({@code per_page} at most 100, default 30; {@code page}; a {@code link} header, as
 * docs.github.com/rest/using-the-rest-api/using-pagination-in-the-rest-api shows it). Bodies carry the fields the
 * REST reference documents for each route (a subset: those a client of these routes reads, plus identifiers).
 */
final class GitHubSimRoutes implements SimJsonHandler.Router<GitHubSimRoutes.Request> {

  private static final int DEFAULT_PER_PAGE = 30;
  private static final int MAX_PER_PAGE = 100;
  /** GitHub's 403 message to a token that is not a GitHub App's user access token on the app-user routes. */
  static final String APP_TOKEN_NEEDED = "You must authenticate with an access token authorized to a GitHub App in "
      + "order to";

  private final GitHubEstate estate;
  private final String endpoint;
  private final GitHubSimSettings settings;

  GitHubSimRoutes(GitHubEstate estate, String endpoint, GitHubSimSettings settings) {
    this.estate = estate;
    this.endpoint = endpoint;
    this.settings = settings;
  }

  /** One parsed request. */
  static final class Request implements SimJsonHandler.Routed<Route> {
    final Route route;
    final List<String> segments;
    final Map<String, String> query;
    final String path;

    Request(Route route, List<String> segments, Map<String, String> query, String path) {
      this.route = route;
      this.segments = segments;
      this.query = query;
      this.path = path;
    }

    @Override
    public Route route() {
      return route;
    }
  }

  long userId() {
    return estate.user().id();
  }

  @Override
  public Request parse(String method, URI uri) {
    List<String> s = SimRequests.segments(uri.getRawPath());
    Map<String, String> query = SimRequests.query(uri.getRawQuery());
    Route route = Route.UNMATCHED;
    if (method.equals("GET")) {
      route = route(s);
    }
    return new Request(route, s, query, uri.getRawPath());
  }

  private static Route route(List<String> s) {
    if (s.size() == 1 && s.get(0).equals("user")) {
      return Route.USER;
    }
    if (s.size() == 3 && s.get(0).equals("user") && s.get(1).equals("memberships") && s.get(2).equals("orgs")) {
      return Route.MEMBERSHIPS;
    }
    if (s.size() == 2 && s.get(0).equals("user") && s.get(1).equals("installations")) {
      return Route.USER_INSTALLATIONS;
    }
    if (s.size() == 2 && s.get(0).equals("user") && s.get(1).equals("repos")) {
      return Route.USER_REPOSITORIES;
    }
    if (s.size() == 4 && s.get(0).equals("user") && s.get(1).equals("installations")
        && s.get(3).equals("repositories")) {
      return Route.INSTALLATION_REPOSITORIES;
    }
    if (s.size() == 2 && s.get(0).equals("orgs")) {
      return Route.ORGANIZATION;
    }
    if (s.size() == 3 && s.get(0).equals("orgs") && s.get(2).equals("installations")) {
      return Route.ORGANIZATION_INSTALLATIONS;
    }
    if (s.size() == 3 && s.get(0).equals("orgs") && s.get(2).equals("repos")) {
      return Route.ORGANIZATION_REPOSITORIES;
    }
    return Route.UNMATCHED;
  }

  SimReply answer(Request request) {
    // Only a GitHub App's user access token may call these two routes (apps/installations#list-app-installations-
    // accessible-to-the-user-access-token, #list-repositories-accessible-to-the-user-access-token).
    if (GitHubSimulator.TokenKind.of(settings.token) != GitHubSimulator.TokenKind.APP_USER_TOKEN) {
      if (request.route == Route.USER_INSTALLATIONS) {
        return GitHubSimHandler.error(403, APP_TOKEN_NEEDED + " list installations");
      }
      if (request.route == Route.INSTALLATION_REPOSITORIES) {
        return GitHubSimHandler.error(403, APP_TOKEN_NEEDED + " list repositories");
      }
    }
    switch (request.route) {
      case USER:
        return new SimReply(200, user());
      case MEMBERSHIPS:
        List<GitHubEstateOwner> orgs = estate.owners().stream()
            .filter(o -> o.type() == GitHubOwnerType.ORGANIZATION && o.role().isPresent())
            .collect(Collectors.toList());
        return page(request, orgs, this::membership, null);
      case ORGANIZATION:
        return organization(request.segments.get(1)).map(o -> new SimReply(200, organizationJson(o)))
            .orElseGet(GitHubSimRoutes::notFound);
      case ORGANIZATION_INSTALLATIONS:
        return organizationInstallations(request);
      case USER_INSTALLATIONS:
        // "Lists installations of your GitHub App that the authenticated user has explicit permission (:read,
        // :write, or :admin) to access", which includes "repositories that they can access through an organization
        // membership" (apps/installations#list-app-installations-accessible-to-the-user-access-token): the
        // installations on owners the user administers, and on organizations where, as a member, they can access
        // one of the app's repositories.
        List<GitHubEstateOwner> installed = estate.owners().stream()
            .filter(o -> o.role().isPresent() && o.app() != GitHubAppAccess.NOT_INSTALLED
                && (o.role().get() == GitHubRole.ADMIN || !accessibleAppRepositories(o).isEmpty()))
            .collect(Collectors.toList());
        return page(request, installed, this::installation, "installations");
      case INSTALLATION_REPOSITORIES:
        return installationRepositories(request);
      case ORGANIZATION_REPOSITORIES:
        return organization(request.segments.get(1))
            .map(o -> page(request, visibleRepositories(o), r -> repository(o, r), null))
            .orElseGet(GitHubSimRoutes::notFound);
      case USER_REPOSITORIES:
        List<Object[]> own = new ArrayList<>();
        estate.owners().stream().filter(o -> o.type() == GitHubOwnerType.USER)
            .forEach(o -> o.repositories().forEach(r -> own.add(new Object[] {o, r})));
        return page(request, own, pair -> repository((GitHubEstateOwner) pair[0], (GitHubEstateRepository) pair[1]),
            null);
      case UNMATCHED:
      default:
        return notFound();
    }
  }

  static SimReply notFound() {
    return GitHubSimHandler.error(404, "Not Found");
  }

  /** An organization the user can see: any estate organization (public information), by login ignoring case. */
  private Optional<GitHubEstateOwner> organization(String login) {
    if (!OrganizationName.isValid(login)) {
      return Optional.empty();
    }
    return estate.owner(OrganizationName.parse(login)).filter(o -> o.type() == GitHubOwnerType.ORGANIZATION);
  }

  private SimReply organizationInstallations(Request request) {
    Optional<GitHubEstateOwner> found = organization(request.segments.get(1));
    if (found.isEmpty()) {
      return notFound();
    }
    GitHubEstateOwner org = found.get();
    // "The authenticated user must be an organization owner to use this endpoint."
    if (org.role().orElse(GitHubRole.MEMBER) != GitHubRole.ADMIN) {
      return GitHubSimHandler.error(403, "You must be an organization owner to list the app installations of "
          + org.login() + ".");
    }
    List<GitHubEstateOwner> installed = org.app() == GitHubAppAccess.NOT_INSTALLED ? List.of() : List.of(org);
    return page(request, installed, this::installation, "installations");
  }

  private SimReply installationRepositories(Request request) {
    long id;
    try {
      id = Long.parseLong(request.segments.get(2));
    } catch (NumberFormatException e) {
      return notFound();
    }
    int index = (int) (id - InMemoryGitHubClient.FIRST_INSTALLATION_ID);
    if (index < 0 || index >= estate.owners().size()) {
      return notFound();
    }
    GitHubEstateOwner owner = estate.owners().get(index);
    if (owner.app() == GitHubAppAccess.NOT_INSTALLED || owner.role().isEmpty()) {
      return notFound();
    }
    // "List repositories that the authenticated user has explicit permission (:read, :write, or :admin) to access
    // for an installation" (apps/installations#list-repositories-accessible-to-the-user-access-token): of the
    // app's repositories, those the user can access.
    List<GitHubEstateRepository> accessible = accessibleAppRepositories(owner);
    if (accessible.isEmpty() && owner.role().get() != GitHubRole.ADMIN) {
      return notFound();
    }
    SimReply reply = page(request, accessible, r -> repository(owner, r), "repositories");
    if (reply.status == 200) {
      ((Map<String, Object>) reply.json).put("repository_selection", selection(owner));
    }
    return reply;
  }

  /** The app's repositories on the owner that the user can access: all for Owners, the public ones otherwise. */
  private static List<GitHubEstateRepository> accessibleAppRepositories(GitHubEstateOwner owner) {
    if (owner.role().orElse(GitHubRole.MEMBER) == GitHubRole.ADMIN) {
      return owner.appRepositories();
    }
    return owner.appRepositories().stream().filter(r -> !r.isPrivate()).collect(Collectors.toList());
  }

  /** What a member sees of an organization's repositories: all for Owners, the public ones otherwise. */
  private static List<GitHubEstateRepository> visibleRepositories(GitHubEstateOwner org) {
    if (org.role().orElse(GitHubRole.MEMBER) == GitHubRole.ADMIN) {
      return org.repositories();
    }
    return org.repositories().stream().filter(r -> !r.isPrivate()).collect(Collectors.toList());
  }

  /**
   * One page of a list: a JSON array, or an object with {@code total_count} and the list under {@code key}.
   * Out-of-range {@code per_page} is clamped as GitHub does; a page past the end is empty.
   */
  private <T> SimReply page(Request request, List<T> all, Function<T, Object> json, String key) {
    SimLinkPages cut = SimLinkPages.of(endpoint, request.path, request.query, all.size(), DEFAULT_PER_PAGE,
        MAX_PER_PAGE, false, true);
    List<Object> items = cut.items(all).stream().map(json).collect(Collectors.toList());
    Object body;
    if (key == null) {
      body = items;
    } else {
      Map<String, Object> object = new LinkedHashMap<>();
      object.put("total_count", all.size());
      object.put(key, items);
      body = object;
    }
    SimReply reply = new SimReply(200, body);
    if (!cut.link().isEmpty()) {
      reply.header("link", cut.linkHeader());
    }
    return reply;
  }

  private Map<String, Object> user() {
    Map<String, Object> json = account(estate.user().login(), estate.user().id(), "User");
    json.put("name", estate.user().name().orElse(null));
    json.put("site_admin", false);
    return json;
  }

  private Map<String, Object> account(String login, long id, String type) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("login", login);
    json.put("id", id);
    json.put("node_id", "MDQ6VXNlcj" + id);
    json.put("url", endpoint + (type.equals("User") ? "/users/" : "/orgs/") + login);
    json.put("type", type);
    return json;
  }

  private Object membership(GitHubEstateOwner org) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("url", endpoint + "/orgs/" + org.login() + "/memberships/" + estate.user().login());
    json.put("state", "active");
    json.put("role", org.role().get() == GitHubRole.ADMIN ? "admin" : "member");
    json.put("organization_url", endpoint + "/orgs/" + org.login());
    Map<String, Object> organization = account(org.login().value(), org.id(), "Organization");
    organization.remove("type");
    json.put("organization", organization);
    json.put("user", account(estate.user().login(), estate.user().id(), "User"));
    return json;
  }

  private Object organizationJson(GitHubEstateOwner org) {
    Map<String, Object> json = account(org.login().value(), org.id(), "Organization");
    json.put("name", org.login().value());
    // "plan" is part of the full organization, which only Owners see.
    if (org.role().orElse(GitHubRole.MEMBER) == GitHubRole.ADMIN) {
      Map<String, Object> plan = new LinkedHashMap<>();
      plan.put("name", org.plan());
      plan.put("space", 976562499);
      plan.put("private_repos", 999999);
      json.put("plan", plan);
    }
    return json;
  }

  private Object installation(GitHubEstateOwner owner) {
    long id = InMemoryGitHubClient.FIRST_INSTALLATION_ID + estate.owners().indexOf(owner);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", id);
    json.put("account", account(owner.login().value(), owner.type() == GitHubOwnerType.USER ? estate.user().id()
        : owner.id(), owner.type() == GitHubOwnerType.USER ? "User" : "Organization"));
    json.put("repository_selection", selection(owner));
    json.put("access_tokens_url", endpoint + "/app/installations/" + id + "/access_tokens");
    json.put("repositories_url", endpoint + "/installation/repositories");
    json.put("app_id", 1);
    json.put("app_slug", settings.appSlug);
    json.put("target_id", owner.id());
    json.put("target_type", owner.type() == GitHubOwnerType.USER ? "User" : "Organization");
    json.put("permissions", Map.of("metadata", "read", "contents", "read"));
    json.put("events", List.of());
    return json;
  }

  private static String selection(GitHubEstateOwner owner) {
    return owner.app() == GitHubAppAccess.ALL_REPOSITORIES ? "all" : "selected";
  }

  private Object repository(GitHubEstateOwner owner, GitHubEstateRepository repository) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", repository.id());
    json.put("node_id", "R_" + repository.id());
    json.put("name", repository.name());
    json.put("full_name", owner.login() + "/" + repository.name());
    json.put("owner", account(owner.login().value(), owner.type() == GitHubOwnerType.USER ? estate.user().id()
        : owner.id(), owner.type() == GitHubOwnerType.USER ? "User" : "Organization"));
    json.put("private", repository.isPrivate());
    json.put("html_url", "https://github.com/" + owner.login() + "/" + repository.name());
    json.put("archived", repository.archived());
    json.put("disabled", false);
    json.put("visibility", repository.isPrivate() ? "private" : "public");
    json.put("default_branch", "main");
    return json;
  }
}
