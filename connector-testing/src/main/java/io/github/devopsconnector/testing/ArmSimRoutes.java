package io.github.devopsconnector.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.devopsconnector.testing.ArmSimulator.Route;
import io.github.devopsconnector.testing.ArmSimulatorExchange.Request;
import io.github.devopsconnector.testing.ArmSimulatorExchange.Response;
import java.util.List;
import java.util.Set;

/**
 * Routes an authenticated ARM request to the piece that answers it, after checking its method and api-version, and
 * answers the provider and permissions reads itself. Holds the state's monitor for the whole request.
 */
final class ArmSimRoutes {

  // The api-versions each resource type's specification publishes (azure-rest-api-specs, specification/security,
  // authorization and resources); any other answers 400 InvalidApiVersionParameter, as ARM does.
  private static final Set<String> CONNECTOR_API_VERSIONS =
      Set.of("2024-08-01-preview", "2024-07-01-preview", "2024-03-01-preview", "2023-10-01-preview");
  private static final Set<String> DEVOPS_API_VERSIONS =
      Set.of("2025-03-01", "2024-04-01", "2024-05-15-preview", "2025-11-01-preview", "2023-09-01-preview");
  private static final Set<String> PERMISSIONS_API_VERSIONS = Set.of("2022-04-01", "2018-07-01", "2015-07-01");
  private static final Set<String> PROVIDER_API_VERSIONS = Set.of("2021-04-01", "2022-09-01", "2024-03-01");

  private final ArmSimState state;
  private final ArmSimConnectors connectors;
  private final ArmSimDevOps devOps;
  private final ArmSimOperations operations;
  private final ArmSimInventory inventory;
  private final ArmSimGitHub gitHub;
  private final ArmSimGitLab gitLab;

  ArmSimRoutes(ArmSimState state) {
    this.state = state;
    ArmSimEtags etags = new ArmSimEtags(state.options);
    this.operations = new ArmSimOperations(state);
    this.connectors = new ArmSimConnectors(state, etags);
    this.devOps = new ArmSimDevOps(state, etags, operations);
    this.inventory = new ArmSimInventory(state);
    this.gitHub = new ArmSimGitHub(state);
    this.gitLab = new ArmSimGitLab(state);
  }

  /** Which route a path is, from its decoded segments. */
  static Route route(List<String> s) {
    int n = s.size();
    if (n < 2 || !is(s, 0, "subscriptions")) {
      return Route.UNKNOWN;
    }
    if (n == 4 && is(s, 2, "providers") && is(s, 3, "Microsoft.Security")) {
      return Route.PROVIDER;
    }
    if (n == 5 && is(s, 2, "providers") && is(s, 3, "Microsoft.Security") && is(s, 4, "securityConnectors")) {
      return Route.CONNECTORS_BY_SUBSCRIPTION;
    }
    if (n < 7 || !is(s, 2, "resourceGroups") || !is(s, 4, "providers")) {
      return Route.UNKNOWN;
    }
    if (n == 7 && is(s, 5, "Microsoft.Authorization") && is(s, 6, "permissions")) {
      return Route.PERMISSIONS;
    }
    if (!is(s, 5, "Microsoft.Security") || !is(s, 6, "securityConnectors")) {
      return Route.UNKNOWN;
    }
    if (n == 7 || n == 8) {
      return n == 7 ? Route.CONNECTORS_BY_RESOURCE_GROUP : Route.CONNECTOR;
    }
    if (n < 10 || !is(s, 8, "devops") || !is(s, 9, "default")) {
      return Route.UNKNOWN;
    }
    if (n == 10) {
      return Route.DEVOPS_CONFIGURATION;
    }
    if (n == 12 && is(s, 10, "operationResults")) {
      return Route.OPERATION_RESULT;
    }
    if (n == 11 && is(s, 10, "listAvailableAzureDevOpsOrgs")) {
      return Route.LIST_AVAILABLE_ORGS;
    }
    if (n == 11 && is(s, 10, "listAvailableGitHubOwners")) {
      return Route.LIST_AVAILABLE_GITHUB_OWNERS;
    }
    if (n == 11 && is(s, 10, "listAvailableGitLabGroups")) {
      return Route.LIST_AVAILABLE_GITLAB_GROUPS;
    }
    if (is(s, 10, "gitLabGroups")) {
      return gitLabRoute(s);
    }
    if (is(s, 10, "gitHubOwners")) {
      return n == 11 || n == 12 ? Route.GITHUB_OWNERS
          : (n == 13 || n == 14) && is(s, 12, "repos") ? Route.GITHUB_REPOS : Route.UNKNOWN;
    }
    if (!is(s, 10, "azureDevOpsOrgs")) {
      return Route.UNKNOWN;
    }
    if (n == 11 || n == 12) {
      return Route.AZURE_DEVOPS_ORGS;
    }
    if ((n == 13 || n == 14) && is(s, 12, "projects")) {
      return Route.AZURE_DEVOPS_PROJECTS;
    }
    return (n == 15 || n == 16) && is(s, 12, "projects") && is(s, 14, "repos") ? Route.AZURE_DEVOPS_REPOS
        : Route.UNKNOWN;
  }

  /** {@code gitLabGroups[/{groupFQName}[/listSubgroups | /projects[/{projectName}]]]}. */
  private static Route gitLabRoute(List<String> s) {
    int n = s.size();
    if (n == 11 || n == 12) {
      return Route.GITLAB_GROUPS;
    }
    if (n == 13 && is(s, 12, "listSubgroups")) {
      return Route.GITLAB_SUBGROUPS;
    }
    return (n == 13 || n == 14) && is(s, 12, "projects") ? Route.GITLAB_PROJECTS : Route.UNKNOWN;
  }

  private static boolean is(List<String> segments, int index, String literal) {
    return segments.get(index).equalsIgnoreCase(literal);
  }

  /** Answers one authenticated request. */
  Response handle(Route route, Request request) {
    synchronized (state) {
      if (List.of("PUT", "PATCH", "DELETE").contains(request.method())) {
        state.countWrite();
      }
      Response badVersion = checkApiVersion(route, request);
      return badVersion != null ? badVersion : dispatch(route, request);
    }
  }

  private Response dispatch(Route route, Request request) {
    switch (route) {
      case PROVIDER:
        return only(request, "GET", () -> provider(request));
      case PERMISSIONS:
        return only(request, "GET", () -> permissions(request));
      case CONNECTORS_BY_SUBSCRIPTION:
      case CONNECTORS_BY_RESOURCE_GROUP:
        return only(request, "GET", () -> connectors.list(request, route));
      case CONNECTOR:
        return connectors.handle(request);
      case DEVOPS_CONFIGURATION:
        return devOps.handle(request);
      case OPERATION_RESULT:
        return only(request, "GET", () -> operations.result(request));
      case LIST_AVAILABLE_ORGS:
        return action(request, () -> inventory.listAvailable(request));
      case AZURE_DEVOPS_ORGS:
      case AZURE_DEVOPS_PROJECTS:
      case AZURE_DEVOPS_REPOS:
        return only(request, "GET", () -> inventory.read(request, route));
      case LIST_AVAILABLE_GITHUB_OWNERS:
        return action(request, () -> gitHub.listAvailable(request));
      case GITHUB_OWNERS:
      case GITHUB_REPOS:
        return only(request, "GET", () -> gitHub.read(request, route));
      case LIST_AVAILABLE_GITLAB_GROUPS:
        return action(request, () -> gitLab.listAvailable(request));
      case GITLAB_SUBGROUPS:
        return action(request, () -> gitLab.read(request, route));
      case GITLAB_GROUPS:
      case GITLAB_PROJECTS:
        return only(request, "GET", () -> gitLab.read(request, route));
      default:
        return ArmSimJson.error(404, "InvalidResourceType", "The simulator does not serve " + request.path() + ".");
    }
  }

  private static Response checkApiVersion(Route route, Request request) {
    if (route == Route.UNKNOWN) {
      return null;
    }
    Set<String> accepted = route == Route.PROVIDER ? PROVIDER_API_VERSIONS
        : route == Route.PERMISSIONS ? PERMISSIONS_API_VERSIONS
        : route == Route.CONNECTORS_BY_SUBSCRIPTION || route == Route.CONNECTORS_BY_RESOURCE_GROUP
            || route == Route.CONNECTOR ? CONNECTOR_API_VERSIONS : DEVOPS_API_VERSIONS;
    String version = request.query().get("api-version");
    if (version == null) {
      return ArmSimJson.error(400, "MissingApiVersionParameter",
          "The api-version query parameter (?api-version=) is required for all requests.");
    }
    if (!accepted.contains(version)) {
      return ArmSimJson.error(400, "InvalidApiVersionParameter", "The api-version '" + version
          + "' is invalid for this resource type. The supported versions are '" + String.join(",", accepted) + "'.");
    }
    return null;
  }

  /**
   * A POST action whose answer is a list (listAvailable..., listSubgroups): the first page is the POST, and the
   * nextLink of the list response is read with GET, as every ARM nextLink.
   */
  private static Response action(Request request, java.util.function.Supplier<Response> answer) {
    return request.method().equals("GET") && request.query().containsKey("$skipToken") ? answer.get()
        : only(request, "POST", answer);
  }

  private static Response only(Request request, String method, java.util.function.Supplier<Response> answer) {
    return request.method().equals(method) ? answer.get() : ArmSimJson.methodNotAllowed(request);
  }

  private Response provider(Request request) {
    String sub = request.segment(1);
    ObjectNode body = ArmSimJson.JSON.createObjectNode();
    body.put("id", "/subscriptions/" + sub + "/providers/Microsoft.Security");
    body.put("namespace", "Microsoft.Security");
    body.put("registrationState", state.providerRegistrationState(sub));
    body.put("registrationPolicy", "RegistrationRequired");
    ObjectNode type = body.putArray("resourceTypes").addObject();
    type.put("resourceType", "securityConnectors");
    type.putArray("locations").add("Central US").add("East US").add("West Europe");
    type.putArray("apiVersions").add("2024-08-01-preview").add("2024-07-01-preview");
    return new Response(200, body);
  }

  private Response permissions(Request request) {
    ObjectNode body = ArmSimJson.JSON.createObjectNode();
    ArrayNode value = body.putArray("value");
    for (ArmSimulatorPermissions entry : state.permissionsOf(request.identity())) {
      ObjectNode item = value.addObject();
      ArrayNode actions = item.putArray("actions");
      entry.actions().forEach(actions::add);
      ArrayNode notActions = item.putArray("notActions");
      entry.notActions().forEach(notActions::add);
      item.putArray("dataActions");
      item.putArray("notDataActions");
    }
    return new Response(200, body);
  }
}
