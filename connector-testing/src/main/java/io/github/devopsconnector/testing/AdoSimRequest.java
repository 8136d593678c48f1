package io.github.devopsconnector.testing;

import io.github.devopsconnector.core.DevOpsPlatform;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.testing.AzureDevOpsSimulator.Route;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A parsed Azure DevOps request: the route, its path values and its query. */
final class AdoSimRequest {
  final String method;
  final String path;
  final Route route;
  final boolean methodNotAllowed;
  final String organization;
  final String project;
  final List<String> parameters;
  final Map<String, String> query;

  private AdoSimRequest(String method, String path, Route route, boolean methodNotAllowed, String organization,
      String project, List<String> parameters, Map<String, String> query) {
    this.method = method;
    this.path = path;
    this.route = route;
    this.methodNotAllowed = methodNotAllowed;
    this.organization = organization;
    this.project = project;
    this.parameters = parameters;
    this.query = query;
  }

  Optional<OrganizationName> organizationName() {
    return organization != null && OrganizationName.isValidFor(DevOpsPlatform.AZURE_DEVOPS, organization)
        ? Optional.of(OrganizationName.parse(organization)) : Optional.empty();
  }

  static AdoSimRequest parse(String method, String rawPath, String rawQuery) {
    String upperMethod = method.toUpperCase(Locale.ROOT);
    String path = rawPath == null ? "/" : rawPath;
    List<String> segments = SimRequests.segments(path);
    Map<String, String> query = parseQuery(rawQuery);
    Match match = match(segments, upperMethod);
    if (match == null) {
      return new AdoSimRequest(upperMethod, path, Route.UNMATCHED, false, null, null, List.of(), query);
    }
    String expectedMethod = match.route == Route.MEMBERSHIP_CHECK ? "HEAD"
        : match.route == Route.LOCATIONS ? "OPTIONS" : "GET";
    if (!upperMethod.equals(expectedMethod)) {
      return new AdoSimRequest(upperMethod, path, Route.UNMATCHED, true, null, null, List.of(), query);
    }
    return new AdoSimRequest(upperMethod, path, match.route, false, match.organization, match.project,
        match.parameters, query);
  }

  private static Match match(List<String> s, String method) {
    int n = s.size();
    if (method.equals("OPTIONS")) {
      // The location service: OPTIONS {host}/_apis[/{area}] (VsoClient.js beginGetAreaLocations).
      if ((n == 1 || n == 2) && is(s, 0, "_apis")) {
        return new Match(Route.LOCATIONS, null, null, n == 2 ? List.of(s.get(1)) : List.of());
      }
      if ((n == 2 || n == 3) && is(s, 1, "_apis")) {
        return new Match(Route.LOCATIONS, s.get(0), null, n == 3 ? List.of(s.get(2)) : List.of());
      }
      return null;
    }
    if (n == 2 && is(s, 0, "_apis") && is(s, 1, "ResourceAreas")) {
      return new Match(Route.RESOURCE_AREAS, null, null, List.of());
    }
    if (n == 3 && is(s, 1, "_apis") && is(s, 2, "ResourceAreas")) {
      return new Match(Route.RESOURCE_AREAS, s.get(0), null, List.of());
    }
    if (n >= 1 && is(s, 0, "_apis")) {
      if (n == 4 && is(s, 1, "profile") && is(s, 2, "profiles") && is(s, 3, "me")) {
        return new Match(Route.PROFILE, null, null, List.of());
      }
      if (n == 2 && is(s, 1, "accounts")) {
        return new Match(Route.ACCOUNTS, null, null, List.of());
      }
      return null;
    }
    if (n >= 3 && is(s, 1, "_apis")) {
      String org = s.get(0);
      if (n == 3 && is(s, 2, "connectionData")) {
        return new Match(Route.CONNECTION_DATA, org, null, List.of());
      }
      if (n == 3 && is(s, 2, "projects")) {
        return new Match(Route.PROJECTS, org, null, List.of());
      }
      if (n == 4 && is(s, 2, "projects")) {
        return new Match(Route.PROJECT, org, null, List.of(s.get(3)));
      }
      if (n == 4 && is(s, 2, "git") && is(s, 3, "repositories")) {
        return new Match(Route.ORGANIZATION_REPOSITORIES, org, null, List.of());
      }
      if (n == 4 && is(s, 2, "userentitlements")) {
        return new Match(Route.USER_ENTITLEMENT, org, null, List.of(s.get(3)));
      }
      if (n == 4 && is(s, 2, "serviceprincipalentitlements")) {
        return new Match(Route.SERVICE_PRINCIPAL_ENTITLEMENT, org, null, List.of(s.get(3)));
      }
      if (n == 5 && is(s, 2, "graph") && is(s, 3, "descriptors")) {
        return new Match(Route.GRAPH_DESCRIPTOR, org, null, List.of(s.get(4)));
      }
      if (n == 4 && is(s, 2, "graph") && is(s, 3, "groups")) {
        return new Match(Route.GROUPS, org, null, List.of());
      }
      if (n == 6 && is(s, 2, "graph") && is(s, 3, "memberships")) {
        return new Match(Route.MEMBERSHIP_CHECK, org, null, List.of(s.get(4), s.get(5)));
      }
      if (n == 5 && is(s, 2, "graph") && is(s, 3, "memberships")) {
        return new Match(Route.MEMBERSHIPS, org, null, List.of(s.get(4)));
      }
      if (n == 5 && is(s, 2, "OrganizationPolicy") && is(s, 3, "Policies")) {
        return new Match(Route.OAUTH_POLICY, org, null, List.of(s.get(4)));
      }
      return null;
    }
    if (n >= 4 && is(s, 2, "_apis")) {
      if (n == 5 && is(s, 3, "git") && is(s, 4, "repositories")) {
        return new Match(Route.PROJECT_REPOSITORIES, s.get(0), s.get(1), List.of());
      }
      if (n == 4 && is(s, 3, "pipelines")) {
        return new Match(Route.PIPELINES, s.get(0), s.get(1), List.of());
      }
      if (n == 5 && is(s, 3, "build") && is(s, 4, "definitions")) {
        return new Match(Route.BUILD_DEFINITIONS, s.get(0), s.get(1), List.of());
      }
    }
    return null;
  }

  private static boolean is(List<String> segments, int index, String literal) {
    return segments.get(index).equalsIgnoreCase(literal);
  }

  /** Query parameters, names ignoring case as in ASP.NET; the first value of a repeated name wins. */
  private static Map<String, String> parseQuery(String rawQuery) {
    Map<String, String> query = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (rawQuery == null || rawQuery.isEmpty()) {
      return query;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decodeQuery(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decodeQuery(pair.substring(eq + 1));
      query.putIfAbsent(name, value);
    }
    return query;
  }

  private static String decodeQuery(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }

  private static final class Match {
    final Route route;
    final String organization;
    final String project;
    final List<String> parameters;

    Match(Route route, String organization, String project, List<String> parameters) {
      this.route = route;
      this.organization = organization;
      this.project = project;
      this.parameters = parameters;
    }
  }
}
