package io.github.devopsconnector.testing;

import io.github.devopsconnector.core.gitlab.GitLabAccessLevel;
import io.github.devopsconnector.testing.GitLabSimTree.Node;
import io.github.devopsconnector.testing.GitLabSimulator.Route;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The GitLab simulator's routes: which route a request is, and its answer from the estate, with the fields GitLab's
 * REST reference documents for each (a subset: those a client of these routes reads, plus identifiers), and GitLab's
 * offset paging (docs.gitlab.com/api/rest#offset-based-pagination: {@code page}, {@code per_page} default 20 and at
 * most 100; {@code Link} with {@code prev}, {@code next}, {@code first}, {@code last}; {@code x-page},
 * {@code x-per-page}, {@code x-next-page}, {@code x-prev-page}, {@code x-total}, {@code x-total-pages}; "For
 * performance reasons, if a query returns more than 10,000 records, GitLab doesn't return" {@code x-total},
 * {@code x-total-pages} and the {@code last} link).
 */
final class GitLabSimRoutes implements SimJsonHandler.Router<GitLabSimRoutes.Request> {

  private static final int DEFAULT_PER_PAGE = 20;
  private static final int MAX_PER_PAGE = 100;
  private static final int COUNTED_LIMIT = 10_000;

  private final GitLabEstate estate;
  private final GitLabSimTree tree;
  private final String endpoint;

  GitLabSimRoutes(GitLabEstate estate, String endpoint) {
    this.estate = estate;
    this.tree = new GitLabSimTree(estate);
    this.endpoint = endpoint;
  }

  /** One parsed request: its route, the path segments after {@code /api/v4}, query and raw path. */
  record Request(Route route, List<String> segments, Map<String, String> query, String path)
      implements SimJsonHandler.Routed<Route> {}

  @Override
  public Request parse(String method, URI uri) {
    List<String> all = SimRequests.segments(uri.getRawPath());
    Map<String, String> query = SimRequests.query(uri.getRawQuery());
    boolean api = all.size() >= 3 && all.get(0).equals("api") && all.get(1).equals("v4");
    List<String> s = api ? all.subList(2, all.size()) : List.of();
    Route route = !api || !method.equals("GET") ? Route.UNMATCHED : route(s);
    return new Request(route, s, query, uri.getRawPath());
  }

  private static Route route(List<String> s) {
    if (s.size() == 1 && s.get(0).equals("user")) {
      return Route.USER;
    }
    if (s.size() == 1 && s.get(0).equals("groups")) {
      return Route.GROUPS;
    }
    if (s.size() == 5 && s.get(0).equals("groups") && s.get(2).equals("members") && s.get(3).equals("all")) {
      return Route.GROUP_MEMBER;
    }
    if (s.size() == 3 && s.get(0).equals("groups") && s.get(2).equals("projects")) {
      return Route.GROUP_PROJECTS;
    }
    if (s.size() == 2 && s.get(0).equals("namespaces")) {
      return Route.NAMESPACE;
    }
    return Route.UNMATCHED;
  }

  SimReply answer(Request request) {
    switch (request.route()) {
      case USER:
        return new SimReply(200, user());
      case GROUPS:
        return groups(request);
      case GROUP_MEMBER:
        return tree.visible(request.segments().get(1)).map(g -> member(g, request.segments().get(4)))
            .orElseGet(() -> notFound("Group"));
      case NAMESPACE:
        return tree.visible(request.segments().get(1)).map(g -> new SimReply(200, namespace(g)))
            .orElseGet(() -> notFound("Namespace"));
      case GROUP_PROJECTS:
        return tree.visible(request.segments().get(1)).map(g -> projects(request, g))
            .orElseGet(() -> notFound("Group"));
      case UNMATCHED:
      default:
        // An unknown API route: {"error": "404 Not Found"}.
        return GitLabSimHandler.oauthError(404, "404 Not Found", null);
    }
  }

  /** GitLab's 404: {@code {"message": "404 Group Not Found"}}, also for what the user may not see. */
  static SimReply notFound(String what) {
    return GitLabSimHandler.error(404, "404 " + what + " Not Found");
  }

  /**
   * {@code GET /groups} (docs.gitlab.com/api/groups#list-groups): for an authenticated user, the groups they are a
   * member of ({@code all_available} defaults to false); {@code top_level_only}; {@code min_access_level};
   * {@code order_by} {@code name} (default), {@code path} or {@code id}; {@code sort} {@code asc} (default) or
   * {@code desc}.
   */
  private SimReply groups(Request request) {
    boolean topLevelOnly = "true".equals(request.query().get("top_level_only"));
    int minLevel = number(request.query().get("min_access_level"));
    List<Node> groups = tree.memberGroups(topLevelOnly).stream()
        .filter(g -> g.top.accessLevel().value() >= minLevel)
        .sorted(order(request, "name", Map.of("name", (Node g) -> g.name, "path", (Node g) -> g.path,
            "id", (Node g) -> String.format("%020d", g.id))))
        .collect(Collectors.toList());
    return page(request, groups, this::group);
  }

  private static <T> Comparator<T> order(Request request, String defaultKey,
      Map<String, Function<T, String>> keys) {
    Function<T, String> key = keys.getOrDefault(request.query().getOrDefault("order_by", defaultKey),
        keys.get(defaultKey));
    Comparator<T> comparator = Comparator.comparing(key);
    return "desc".equals(request.query().get("sort")) ? comparator.reversed() : comparator;
  }

  /**
   * {@code GET /groups/:id/members/all/:user_id} (docs.gitlab.com/api/members#get-a-member-of-a-group-or-project-
   * including-inherited-and-invited-members): the user's access level, inherited ones included; 404 for anyone
   * else.
   */
  private SimReply member(Node group, String userId) {
    if (!userId.equals(String.valueOf(estate.user().id()))) {
      return GitLabSimHandler.error(404, "404 Member Not Found");
    }
    Map<String, Object> json = userJson();
    json.putAll(object("access_level", group.top.accessLevel().value(), "expires_at", null,
        "membership_state", "active"));
    return new SimReply(200, json);
  }

  /**
   * {@code GET /groups/:id/projects} (docs.gitlab.com/api/groups#list-projects): {@code include_subgroups} (default
   * false), {@code archived} (unset: both), {@code order_by} {@code id} or {@code created_at} (default; ids grow with
   * creation here) and {@code sort} ({@code desc} default). The estate holds no projects shared from elsewhere, so
   * {@code with_shared} changes nothing.
   */
  private SimReply projects(Request request, Node group) {
    List<Map.Entry<Node, GitLabEstateProject>> all = new ArrayList<>();
    group.collect("true".equals(request.query().get("include_subgroups")), all);
    String archived = request.query().get("archived");
    Comparator<Map.Entry<Node, GitLabEstateProject>> byId = Comparator.comparingLong(e -> e.getValue().id());
    List<Map.Entry<Node, GitLabEstateProject>> listed = all.stream()
        .filter(e -> archived == null || Boolean.parseBoolean(archived) == e.getValue().archived())
        .sorted("asc".equals(request.query().get("sort")) ? byId : byId.reversed())
        .collect(Collectors.toList());
    return page(request, listed, e -> project(e.getKey(), e.getValue()));
  }

  private <T> SimReply page(Request request, List<T> all, Function<T, Object> json) {
    boolean counted = all.size() <= COUNTED_LIMIT;
    SimLinkPages cut = SimLinkPages.of(endpoint, request.path(), request.query(), all.size(), DEFAULT_PER_PAGE,
        MAX_PER_PAGE, true, counted);
    SimReply reply = new SimReply(200, cut.items(all).stream().map(json).collect(Collectors.toList()))
        .header("Link", cut.linkHeader())
        .header("x-page", String.valueOf(cut.page()))
        .header("x-per-page", String.valueOf(cut.perPage()))
        .header("x-next-page", cut.hasNext() ? String.valueOf(cut.page() + 1) : "")
        .header("x-prev-page", cut.page() > 1 ? String.valueOf(cut.page() - 1) : "");
    if (counted) {
      reply.header("x-total", String.valueOf(all.size()))
          .header("x-total-pages", String.valueOf(Math.max(1, (all.size() + cut.perPage() - 1) / cut.perPage())));
    }
    return reply;
  }

  private static int number(String text) {
    try {
      return text == null ? 0 : Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** A JSON object of these keys and values, in order (values may be null, as GitLab sends {@code null}). */
  private static Map<String, Object> object(Object... keysAndValues) {
    Map<String, Object> json = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      json.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return json;
  }

  private Map<String, Object> userJson() {
    String username = estate.user().username();
    return object("id", estate.user().id(), "username", username, "name", estate.user().name().orElse(username),
        "state", "active", "web_url", "https://gitlab.com/" + username);
  }

  private Map<String, Object> user() {
    Map<String, Object> json = userJson();
    json.putAll(object("bot", false, "is_admin", false));
    return json;
  }

  private Map<String, Object> group(Node group) {
    return object("id", group.id, "name", group.name, "path", group.path, "full_name", group.name,
        "full_path", group.fullPath, "parent_id", group.parentId, "visibility", "private",
        "web_url", "https://gitlab.com/groups/" + group.fullPath);
  }

  /**
   * {@code GET /namespaces/:id} (docs.gitlab.com/api/namespaces#get-details-on-a-namespace): {@code plan} and
   * {@code billable_members_count} only to the group's Owners (the namespace API documents them as shown to
   * owners; Maintainers are not promised them).
   */
  private Map<String, Object> namespace(Node group) {
    Map<String, Object> json = object("id", group.id, "name", group.name, "path", group.path, "kind", "group",
        "full_path", group.fullPath, "parent_id", group.parentId, "web_url", "https://gitlab.com/groups/"
            + group.fullPath);
    if (group.top.accessLevel() == GitLabAccessLevel.OWNER) {
      json.putAll(object("billable_members_count", 1, "plan", group.top.plan().orElse("free"), "trial", false));
    }
    return json;
  }

  private Map<String, Object> project(Node namespace, GitLabEstateProject project) {
    String fullPath = namespace.fullPath + "/" + project.path();
    return object("id", project.id(), "name", project.name(), "path", project.path(),
        "path_with_namespace", fullPath, "name_with_namespace", namespace.name + " / " + project.name(),
        "archived", project.archived(), "visibility", "private", "default_branch", "main",
        "web_url", "https://gitlab.com/" + fullPath,
        "namespace", object("id", namespace.id, "kind", "group", "full_path", namespace.fullPath));
  }
}
