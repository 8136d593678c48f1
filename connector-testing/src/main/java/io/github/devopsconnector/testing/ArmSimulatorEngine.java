package io.github.devopsconnector.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.devopsconnector.testing.ArmSimulator.Route;
import io.github.devopsconnector.testing.ArmSimulatorExchange.Request;
import io.github.devopsconnector.testing.ArmSimulatorExchange.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The in-memory Azure Resource Manager of the {@link ArmSimulator}: security connectors, their DevOps configurations
 * and long-running operations, the one-time code exchange, and the routes that read and change them. Every public
 * entry point is synchronized, so the state is consistent whatever the server's threads do.
 */
final class ArmSimulatorEngine {

  static final ObjectMapper JSON = new ObjectMapper();

  private static final Set<String> CONNECTOR_API_VERSIONS =
      Set.of("2024-08-01-preview", "2024-07-01-preview", "2024-03-01-preview", "2023-10-01-preview");
  private static final Set<String> DEVOPS_API_VERSIONS =
      Set.of("2025-03-01", "2024-04-01", "2024-05-15-preview", "2025-11-01-preview", "2023-09-01-preview");
  private static final Set<String> PERMISSIONS_API_VERSIONS = Set.of("2022-04-01", "2018-07-01", "2015-07-01");
  private static final Set<String> PROVIDER_API_VERSIONS = Set.of("2021-04-01", "2022-09-01", "2024-03-01");

  private static final String CONNECTOR_TYPE = "Microsoft.Security/securityConnectors";
  private static final String DEVOPS_TYPE = "Microsoft.Security/securityConnectors/devops";
  private static final String ORG_TYPE = DEVOPS_TYPE + "/azureDevOpsOrgs";
  private static final String READ = "Microsoft.Security/securityConnectors/read";
  private static final String WRITE = "Microsoft.Security/securityConnectors/write";
  private static final String DELETE = "Microsoft.Security/securityConnectors/delete";

  private final ArmSimulatorOptions options;
  private final Map<String, ConnectorRecord> connectors = new LinkedHashMap<>();
  private final Map<String, Operation> operations = new HashMap<>();
  private final Set<String> usedCodes = new HashSet<>();
  private final Set<String> expiredCodes = new HashSet<>();
  private final Map<String, List<ArmSimulatorPermissions>> grants = new HashMap<>();
  private final Map<String, String> providerStates = new HashMap<>();
  private long etagCounter;

  ArmSimulatorEngine(ArmSimulatorOptions options) {
    this.options = options;
    options.expiredCodes().forEach(code -> expiredCodes.add(hash(code)));
    grants.putAll(options.permissions());
    options.providerRegistrationStates().forEach((sub, state) -> providerStates.put(sub.toLowerCase(Locale.ROOT), state));
  }

  // ----------------------------------------------------------------------------------------------- configuration

  synchronized void grant(String identity, List<ArmSimulatorPermissions> permissions) {
    grants.put(identity, List.copyOf(permissions));
  }

  synchronized void providerRegistrationState(String subscription, String state) {
    providerStates.put(subscription.toLowerCase(Locale.ROOT), state);
  }

  synchronized void expireCode(String code) {
    expiredCodes.add(hash(code));
  }

  synchronized Optional<String> authorizingIdentity(String connectorId) {
    ConnectorRecord connector = connectors.get(connectorId.toLowerCase(Locale.ROOT));
    return connector == null || connector.devOps == null
        ? Optional.empty() : Optional.ofNullable(connector.devOps.authorizingIdentity);
  }

  synchronized int connectorCount() {
    return connectors.size();
  }

  // ------------------------------------------------------------------------------------------------------ routing

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
    if (n == 7) {
      return Route.CONNECTORS_BY_RESOURCE_GROUP;
    }
    if (n == 8) {
      return Route.CONNECTOR;
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
    if (!is(s, 10, "azureDevOpsOrgs")) {
      return Route.UNKNOWN;
    }
    if (n == 11 || n == 12) {
      return Route.AZURE_DEVOPS_ORGS;
    }
    if ((n == 13 || n == 14) && is(s, 12, "projects")) {
      return Route.AZURE_DEVOPS_PROJECTS;
    }
    if ((n == 15 || n == 16) && is(s, 12, "projects") && is(s, 14, "repos")) {
      return Route.AZURE_DEVOPS_REPOS;
    }
    return Route.UNKNOWN;
  }

  private static boolean is(List<String> segments, int index, String literal) {
    return segments.get(index).equalsIgnoreCase(literal);
  }

  /** Answers one authenticated request. */
  synchronized Response handle(Route route, Request request) {
    Optional<Response> badVersion = checkApiVersion(route, request);
    if (badVersion.isPresent()) {
      return badVersion.get();
    }
    switch (route) {
      case PROVIDER:
        return only(request, "GET").orElseGet(() -> provider(request));
      case PERMISSIONS:
        return only(request, "GET").orElseGet(() -> permissions(request));
      case CONNECTORS_BY_SUBSCRIPTION:
      case CONNECTORS_BY_RESOURCE_GROUP:
        return only(request, "GET").orElseGet(() -> listConnectors(request, route));
      case CONNECTOR:
        return connector(request);
      case DEVOPS_CONFIGURATION:
        return devOps(request);
      case OPERATION_RESULT:
        return only(request, "GET").orElseGet(() -> operationResult(request));
      case LIST_AVAILABLE_ORGS:
        // The first page is the POST; the nextLink of AzureDevOpsOrgListResponse is read with GET.
        return request.method().equals("GET") && request.query().containsKey("$skipToken") ? listAvailable(request)
            : only(request, "POST").orElseGet(() -> listAvailable(request));
      case AZURE_DEVOPS_ORGS:
      case AZURE_DEVOPS_PROJECTS:
      case AZURE_DEVOPS_REPOS:
        return only(request, "GET").orElseGet(() -> inventory(request, route));
      default:
        return error(404, "InvalidResourceType", "The simulator does not serve " + request.path() + ".");
    }
  }

  private Optional<Response> checkApiVersion(Route route, Request request) {
    Set<String> accepted;
    switch (route) {
      case PROVIDER:
        accepted = PROVIDER_API_VERSIONS;
        break;
      case PERMISSIONS:
        accepted = PERMISSIONS_API_VERSIONS;
        break;
      case CONNECTORS_BY_SUBSCRIPTION:
      case CONNECTORS_BY_RESOURCE_GROUP:
      case CONNECTOR:
        accepted = CONNECTOR_API_VERSIONS;
        break;
      case UNKNOWN:
        return Optional.empty();
      default:
        accepted = DEVOPS_API_VERSIONS;
        break;
    }
    String version = request.query().get("api-version");
    if (version == null) {
      return Optional.of(error(400, "MissingApiVersionParameter",
          "The api-version query parameter (?api-version=) is required for all requests."));
    }
    if (!accepted.contains(version)) {
      return Optional.of(error(400, "InvalidApiVersionParameter", "The api-version '" + version
          + "' is invalid for this resource type. The supported versions are '" + String.join(",", accepted) + "'."));
    }
    return Optional.empty();
  }

  private static Optional<Response> only(Request request, String method) {
    return request.method().equals(method) ? Optional.empty()
        : Optional.of(error(405, "MethodNotAllowed", "The method " + request.method() + " is not allowed here."));
  }

  // ------------------------------------------------------------------------------------- provider, permissions

  private Response provider(Request request) {
    String sub = request.segment(1);
    String state = providerStates.getOrDefault(sub.toLowerCase(Locale.ROOT), "Registered");
    ObjectNode body = JSON.createObjectNode();
    body.put("id", "/subscriptions/" + sub + "/providers/Microsoft.Security");
    body.put("namespace", "Microsoft.Security");
    body.put("registrationState", state);
    body.put("registrationPolicy", "RegistrationRequired");
    ObjectNode type = body.putArray("resourceTypes").addObject();
    type.put("resourceType", "securityConnectors");
    type.putArray("locations").add("Central US").add("East US").add("West Europe");
    type.putArray("apiVersions").add("2024-08-01-preview").add("2024-07-01-preview");
    return new Response(200, body);
  }

  private Response permissions(Request request) {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode value = body.putArray("value");
    for (ArmSimulatorPermissions entry : permissionsOf(request.identity())) {
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

  private List<ArmSimulatorPermissions> permissionsOf(String identity) {
    return grants.getOrDefault(identity, List.of(options.defaultPermissions()));
  }

  private Optional<Response> authorize(Request request, String action) {
    boolean granted = permissionsOf(request.identity()).stream().anyMatch(p -> p.grants(action));
    if (granted) {
      return Optional.empty();
    }
    String scope = "/subscriptions/" + request.segment(1) + "/resourceGroups/" + request.segment(3);
    return Optional.of(error(403, "AuthorizationFailed", "The client '" + request.identity()
        + "' does not have authorization to perform action '" + action + "' over scope '" + scope
        + "' or the scope is invalid. If access was recently granted, please refresh your credentials."));
  }

  // -------------------------------------------------------------------------------------------------- connectors

  private Response listConnectors(Request request, Route route) {
    String sub = request.segment(1);
    List<JsonNode> items = new ArrayList<>();
    for (ConnectorRecord connector : connectors.values()) {
      boolean sameSub = connector.subscription.equalsIgnoreCase(sub);
      boolean sameGroup = route == Route.CONNECTORS_BY_SUBSCRIPTION
          || connector.resourceGroup.equalsIgnoreCase(request.segment(3));
      if (sameSub && sameGroup) {
        items.add(connectorJson(connector));
      }
    }
    return page(request, items);
  }

  private Response page(Request request, List<JsonNode> items) {
    int skip = 0;
    String token = request.query().get("$skipToken");
    if (token != null) {
      try {
        skip = Integer.parseInt(token);
      } catch (NumberFormatException e) {
        return error(400, "InvalidSkipToken", "The $skipToken is not one this service issued.");
      }
      if (skip < 0 || skip > items.size()) {
        return error(400, "InvalidSkipToken", "The $skipToken is not one this service issued.");
      }
    }
    int end = Math.min(items.size(), skip + options.pageSize());
    ObjectNode body = JSON.createObjectNode();
    ArrayNode value = body.putArray("value");
    items.subList(skip, end).forEach(value::add);
    if (end < items.size()) {
      body.put("nextLink", request.baseUrl() + request.path() + "?api-version=" + request.query().get("api-version")
          + "&$skipToken=" + end);
    }
    return new Response(200, body);
  }

  private Response connector(Request request) {
    String key = connectorKey(request);
    ConnectorRecord existing = connectors.get(key);
    switch (request.method()) {
      case "GET":
        return authorize(request, READ).orElseGet(() -> existing == null ? connectorNotFound(request)
            : withEtag(new Response(200, connectorJson(existing)), existing.etag));
      case "PUT":
        return authorize(request, WRITE).orElseGet(() -> putConnector(request, key, existing));
      case "PATCH":
        return authorize(request, WRITE).orElseGet(() -> patchConnector(request, existing));
      case "DELETE":
        return authorize(request, DELETE).orElseGet(() -> deleteConnector(request, key, existing));
      default:
        return error(405, "MethodNotAllowed", "The method " + request.method() + " is not allowed here.");
    }
  }

  private Response putConnector(Request request, String key, ConnectorRecord existing) {
    String state = providerStates.getOrDefault(request.segment(1).toLowerCase(Locale.ROOT), "Registered");
    if (!state.equalsIgnoreCase("Registered")) {
      return error(409, "MissingSubscriptionRegistration", "The subscription is not registered to use namespace "
          + "'Microsoft.Security'. See https://aka.ms/rps-not-found for how to register subscriptions.");
    }
    Optional<Response> precondition = checkIfMatch(request, existing == null ? null : existing.etag);
    if (precondition.isPresent()) {
      return precondition.get();
    }
    JsonNode body = request.body();
    if (body == null || !body.isObject() || !body.path("location").isTextual() || body.path("location").asText().isBlank()) {
      return error(400, "LocationRequired", "The location property is required for this definition.");
    }
    if (!body.path("properties").isObject()) {
      return error(400, "InvalidRequestContent", "The request content must have a properties object.");
    }
    ConnectorRecord connector = existing != null ? existing
        : new ConnectorRecord(request.segment(1), request.segment(3), request.segment(7));
    connector.location = body.get("location").asText();
    connector.tags = body.path("tags").isObject() ? body.get("tags").deepCopy() : JSON.createObjectNode();
    connector.properties = ((ObjectNode) body.get("properties")).deepCopy();
    connector.properties.remove("hierarchyIdentifierTrialEndDate");
    connector.etag = nextEtag();
    connector.systemData = systemData(connector.systemData, request.identity());
    connectors.put(key, connector);
    return withEtag(new Response(existing == null ? 201 : 200, connectorJson(connector)), connector.etag);
  }

  private Response patchConnector(Request request, ConnectorRecord existing) {
    if (existing == null) {
      return connectorNotFound(request);
    }
    Optional<Response> precondition = checkIfMatch(request, existing.etag);
    if (precondition.isPresent()) {
      return precondition.get();
    }
    JsonNode body = request.body();
    if (body != null && body.path("tags").isObject()) {
      existing.tags = body.get("tags").deepCopy();
    }
    if (body != null && body.path("properties").isObject()) {
      existing.properties.setAll((ObjectNode) body.get("properties").deepCopy());
    }
    existing.etag = nextEtag();
    existing.systemData = systemData(existing.systemData, request.identity());
    return withEtag(new Response(200, connectorJson(existing)), existing.etag);
  }

  private Response deleteConnector(Request request, String key, ConnectorRecord existing) {
    if (existing == null) {
      return new Response(204, null);
    }
    Optional<Response> precondition = checkIfMatch(request, existing.etag);
    if (precondition.isPresent()) {
      return precondition.get();
    }
    connectors.remove(key);
    return new Response(200, null);
  }

  private ObjectNode connectorJson(ConnectorRecord connector) {
    ObjectNode json = JSON.createObjectNode();
    json.put("id", connector.resourceId());
    json.put("name", connector.name);
    json.put("type", CONNECTOR_TYPE);
    json.put("location", connector.location);
    json.put("kind", "");
    json.put("etag", connector.etag);
    json.set("tags", connector.tags.deepCopy());
    json.set("systemData", connector.systemData.deepCopy());
    json.set("properties", connector.properties.deepCopy());
    return json;
  }

  private static Response connectorNotFound(Request request) {
    return error(404, "ResourceNotFound", "The Resource '" + CONNECTOR_TYPE + "/" + request.segment(7)
        + "' under resource group '" + request.segment(3) + "' was not found.");
  }

  // ------------------------------------------------------------------------------------------------------ devops

  private Response devOps(Request request) {
    ConnectorRecord connector = connectors.get(connectorKey(request));
    String action = request.method().equals("GET") ? READ : request.method().equals("DELETE") ? DELETE : WRITE;
    Optional<Response> denied = authorize(request, action);
    if (denied.isPresent()) {
      return denied.get();
    }
    if (connector == null) {
      return error(404, "ParentResourceNotFound", "Can not perform requested operation on nested resource. "
          + "Parent resource '" + request.segment(7) + "' not found.");
    }
    DevOpsRecord existing = connector.devOps;
    switch (request.method()) {
      case "GET":
        return existing == null ? devOpsNotFound(request)
            : devOpsEtag(new Response(200, devOpsJson(settle(connector))), existing.etag);
      case "PUT":
      case "PATCH":
        return writeDevOps(request, connector);
      case "DELETE":
        return deleteDevOps(request, connector);
      default:
        return error(405, "MethodNotAllowed", "The method " + request.method() + " is not allowed here.");
    }
  }

  private Response writeDevOps(Request request, ConnectorRecord connector) {
    boolean put = request.method().equals("PUT");
    DevOpsRecord existing = connector.devOps;
    if (!put && existing == null) {
      return devOpsNotFound(request);
    }
    Optional<Response> precondition = devOpsIfMatch(request, existing == null ? null : existing.etag);
    if (precondition.isPresent()) {
      return precondition.get();
    }
    JsonNode body = request.body();
    if (body == null || !body.path("properties").isObject()) {
      return error(400, "InvalidRequestContent", "The request content must have a properties object.");
    }
    ObjectNode requested = ((ObjectNode) body.get("properties")).deepCopy();
    JsonNode code = requested.remove("authorization");
    for (String readOnly : List.of("provisioningState", "provisioningStatusMessage", "provisioningStatusUpdateTimeUtc",
        "capabilities")) {
      requested.remove(readOnly);
    }
    // The code is hashed at once and never kept, logged or echoed.
    String codeHash = code != null && code.path("code").isTextual() ? hash(code.path("code").asText()) : null;
    String failure = null;
    if (codeHash != null) {
      if (expiredCodes.contains(codeHash) || usedCodes.contains(codeHash)) {
        failure = "AzureDevOps OAuth token exchange failed";
      }
      usedCodes.add(codeHash);
    } else if (existing == null || existing.authorizingIdentity == null) {
      failure = "AzureDevOps OAuth token exchange failed: no authorization code was given and the connector has "
          + "no authorization to keep";
    }

    DevOpsRecord record = existing != null ? existing : new DevOpsRecord();
    if (put || record.properties == null) {
      record.properties = JSON.createObjectNode();
    }
    record.properties.setAll(requested);
    if (requested.has("topLevelInventoryList") || "Enabled".equalsIgnoreCase(requested.path("autoDiscovery").asText())) {
      record.currentOnly = null;
    } else if (codeHash != null && failure == null) {
      // CreateOrUpdateDevOpsConfigurationsOnboardCurrentOnly: autoDiscovery Disabled and no list onboards the
      // organizations the authorization reaches now, except those another connector holds; new ones are not added.
      List<String> current = new ArrayList<>();
      for (ArmSimulatorOrganization organization : options.organizations()) {
        boolean heldElsewhere = organization.onboardedByOtherConnector() || connectors.values().stream()
            .anyMatch(other -> other != connector && other.selects(organization.name()));
        if (!heldElsewhere) {
          current.add(organization.name());
        }
      }
      record.currentOnly = current;
    }
    if (!record.properties.has("autoDiscovery")) {
      record.properties.put("autoDiscovery", "Disabled");
    }
    if (failure == null && codeHash != null) {
      record.authorizingIdentity = request.identity();
    }
    record.etag = nextEtag();
    record.systemData = systemData(record.systemData, request.identity());
    connector.devOps = record;

    String finalState = failure == null ? "Succeeded" : "Failed";
    String finalMessage = failure == null ? "OK" : failure;
    if (!options.asyncOperations()) {
      record.setState(finalState, finalMessage, now());
      if (failure != null) {
        return error(400, "TokenExchangeFailed", failure);
      }
      return devOpsEtag(new Response(200, devOpsJson(connector)), record.etag);
    }
    record.setState("Accepted", "Accepted", now());
    String fail = failure;
    Operation operation = startOperation(request, failure == null ? "Succeeded" : "Failed",
        failure == null ? null : "TokenExchangeFailed", failure,
        () -> {
          if (connector.devOps == record) {
            record.setState(finalState, fail == null ? "OK" : fail, now());
          }
        });
    Response response = new Response(existing == null ? 201 : 202, devOpsJson(connector));
    record.pending = operation;
    return devOpsEtag(asyncHeaders(response, request, operation), record.etag);
  }

  private Response deleteDevOps(Request request, ConnectorRecord connector) {
    DevOpsRecord existing = connector.devOps;
    if (existing == null) {
      return new Response(204, null);
    }
    Optional<Response> precondition = devOpsIfMatch(request, existing.etag);
    if (precondition.isPresent()) {
      return precondition.get();
    }
    if (!options.asyncOperations()) {
      connector.devOps = null;
      return new Response(200, null);
    }
    existing.setState("PendingDeletion", "Deleting", now());
    Operation operation = startOperation(request, "Succeeded", null, null, () -> {
      if (connector.devOps == existing) {
        connector.devOps = null;
      }
    });
    return asyncHeaders(new Response(202, null), request, operation);
  }

  private ObjectNode devOpsJson(ConnectorRecord connector) {
    DevOpsRecord record = connector.devOps;
    ObjectNode json = JSON.createObjectNode();
    ObjectNode properties = json.putObject("properties");
    properties.put("provisioningStatusMessage", record.statusMessage);
    properties.put("provisioningStatusUpdateTimeUtc", record.statusTime.toString());
    properties.put("provisioningState", record.provisioningState);
    properties.setAll(record.properties.deepCopy());
    // Read-only capabilities, as in GetDevOpsConfigurationsWithCapabilities_example (2025-03-01); the simulator
    // models no Defender CSPM plan, so DCSPM is reported off.
    properties.putArray("capabilities").addObject().put("name", "DCSPM_ENABLED").put("value", "false");
    json.put("id", connector.resourceId() + "/devops/default");
    json.put("name", "default");
    json.put("type", DEVOPS_TYPE);
    json.set("systemData", record.systemData.deepCopy());
    return json;
  }

  private static Response devOpsNotFound(Request request) {
    return error(404, "ResourceNotFound", "The DevOps configuration of the connector '" + request.segment(7)
        + "' was not found.");
  }

  // ------------------------------------------------------------------------------------------------- operations

  private Operation startOperation(Request request, String status, String errorCode, String errorMessage,
      Runnable completion) {
    Operation operation = new Operation();
    operation.id = UUID.randomUUID().toString();
    operation.path = connectorPath(request) + "/devops/default/operationResults/" + operation.id;
    operation.apiVersion = request.query().get("api-version");
    operation.pollsLeft = options.pollsBeforeCompletion();
    operation.status = status;
    operation.errorCode = errorCode;
    operation.errorMessage = errorMessage;
    operation.completion = completion;
    operation.start = now();
    operations.put(operation.id.toLowerCase(Locale.ROOT), operation);
    return operation;
  }

  private Response asyncHeaders(Response response, Request request, Operation operation) {
    String url = request.baseUrl() + operation.path + "?api-version=" + operation.apiVersion;
    return response.header("Azure-AsyncOperation", url)
        .header("Retry-After", Integer.toString(options.retryAfterSeconds()));
  }

  private Response operationResult(Request request) {
    Operation operation = operations.get(request.segment(11).toLowerCase(Locale.ROOT));
    if (operation == null || !operation.path.equalsIgnoreCase(connectorPath(request) + "/devops/default/operationResults/"
        + request.segment(11))) {
      return error(404, "OperationNotFound", "The operation '" + request.segment(11) + "' was not found.");
    }
    ObjectNode body = JSON.createObjectNode();
    body.put("id", operation.path + "?api-version=" + operation.apiVersion);
    body.put("name", operation.id);
    if (!operation.done && operation.pollsLeft > 0) {
      advance(operation);
      body.put("status", options.inProgressStatus());
      body.put("startTime", operation.start.toString());
      body.put("percentComplete", 50);
      return new Response(200, body).header("Retry-After", Integer.toString(options.retryAfterSeconds()));
    }
    if (!operation.done) {
      advance(operation);
    }
    body.put("status", operation.status);
    body.put("startTime", operation.start.toString());
    body.put("endTime", operation.end.toString());
    body.put("percentComplete", 100);
    if (operation.errorCode != null) {
      ObjectNode error = body.putObject("error");
      error.put("code", operation.errorCode);
      error.put("message", operation.errorMessage);
    }
    return new Response(200, body);
  }

  // -------------------------------------------------------------------------------------------------- inventory

  private Response listAvailable(Request request) {
    ConnectorRecord connector = connectors.get(connectorKey(request));
    if (connector == null || connector.devOps == null) {
      return error(404, "ResourceNotFound", "The DevOps configuration of the connector '" + request.segment(7)
          + "' was not found.");
    }
    if (!request.identity().equals(connector.devOps.authorizingIdentity)) {
      return error(401, "Unauthorized", "The caller is not the identity that authorized this connector's access to "
          + "Azure DevOps, so the organizations it can reach cannot be listed.");
    }
    List<JsonNode> items = new ArrayList<>();
    for (ArmSimulatorOrganization organization : options.organizations()) {
      items.add(orgJson(connector, organization.name(), onboardingState(connector, organization)));
    }
    return page(request, items);
  }

  private Response inventory(Request request, Route route) {
    Optional<Response> denied = authorize(request, READ);
    if (denied.isPresent()) {
      return denied.get();
    }
    ConnectorRecord connector = connectors.get(connectorKey(request));
    if (connector == null || connector.devOps == null) {
      return error(404, "ResourceNotFound", "The DevOps configuration of the connector '" + request.segment(7)
          + "' was not found.");
    }
    List<ArmSimulatorOrganization> onboarded = new ArrayList<>();
    for (ArmSimulatorOrganization organization : options.organizations()) {
      if (onboardingState(connector, organization).equals("Onboarded")) {
        onboarded.add(organization);
      }
    }
    int n = request.segments().size();
    if (route == Route.AZURE_DEVOPS_ORGS) {
      if (n == 11) {
        List<JsonNode> items = new ArrayList<>();
        onboarded.forEach(o -> items.add(orgJson(connector, o.name(), "Onboarded")));
        return page(request, items);
      }
      return find(onboarded, request.segment(11)).<Response>map(o -> new Response(200,
          orgJson(connector, o.name(), "Onboarded"))).orElseGet(() -> childNotFound("organization", request.segment(11)));
    }
    Optional<ArmSimulatorOrganization> organization = find(onboarded, request.segment(11));
    if (organization.isEmpty()) {
      return childNotFound("organization", request.segment(11));
    }
    String orgName = organization.get().name();
    if (route == Route.AZURE_DEVOPS_PROJECTS) {
      if (n == 13) {
        List<JsonNode> items = new ArrayList<>();
        organization.get().projects().keySet().forEach(p -> items.add(projectJson(connector, orgName, p)));
        return page(request, items);
      }
      return findKey(organization.get().projects(), request.segment(13))
          .<Response>map(p -> new Response(200, projectJson(connector, orgName, p)))
          .orElseGet(() -> childNotFound("project", request.segment(13)));
    }
    Optional<String> project = findKey(organization.get().projects(), request.segment(13));
    if (project.isEmpty()) {
      return childNotFound("project", request.segment(13));
    }
    List<String> repositories = organization.get().projects().get(project.get());
    if (n == 15) {
      List<JsonNode> items = new ArrayList<>();
      repositories.forEach(r -> items.add(repoJson(connector, orgName, project.get(), r)));
      return page(request, items);
    }
    return repositories.stream().filter(r -> r.equalsIgnoreCase(request.segment(15))).findFirst()
        .<Response>map(r -> new Response(200, repoJson(connector, orgName, project.get(), r)))
        .orElseGet(() -> childNotFound("repository", request.segment(15)));
  }

  private static Optional<ArmSimulatorOrganization> find(List<ArmSimulatorOrganization> organizations, String name) {
    return organizations.stream().filter(o -> o.name().equalsIgnoreCase(name)).findFirst();
  }

  private static Optional<String> findKey(Map<String, List<String>> projects, String name) {
    return projects.keySet().stream().filter(p -> p.equalsIgnoreCase(name)).findFirst();
  }

  private static Response childNotFound(String what, String name) {
    return error(404, "ResourceNotFound", "The Azure DevOps " + what + " '" + name + "' is not onboarded to this "
        + "connector.");
  }

  /**
   * Onboarded when this connector selects the organization and no connector created earlier (or outside the
   * simulator) holds it; OnboardedByOtherConnector when another does; NotOnboarded otherwise.
   */
  private String onboardingState(ConnectorRecord connector, ArmSimulatorOrganization organization) {
    if (organization.onboardedByOtherConnector()) {
      return "OnboardedByOtherConnector";
    }
    for (ConnectorRecord candidate : connectors.values()) {
      if (candidate.selects(organization.name())) {
        return candidate == connector ? "Onboarded" : "OnboardedByOtherConnector";
      }
    }
    return "NotOnboarded";
  }

  private ObjectNode orgJson(ConnectorRecord connector, String org, String state) {
    ObjectNode json = JSON.createObjectNode();
    ObjectNode properties = json.putObject("properties");
    properties.put("onboardingState", state);
    properties.putObject("actionableRemediation").put("state", state.equals("NotOnboarded") ? "None" : "Enabled");
    if (!state.equals("NotOnboarded")) {
      properties.put("provisioningState", "Succeeded");
    }
    json.put("id", connector.resourceId() + "/devops/default/azureDevOpsOrgs/" + org);
    json.put("name", org);
    json.put("type", ORG_TYPE);
    return json;
  }

  private ObjectNode projectJson(ConnectorRecord connector, String org, String project) {
    ObjectNode json = JSON.createObjectNode();
    ObjectNode properties = json.putObject("properties");
    properties.put("parentOrgName", org);
    properties.put("projectId", nameGuid("project:" + org + "/" + project));
    properties.put("onboardingState", "Onboarded");
    properties.putObject("actionableRemediation").put("state", "Enabled");
    properties.put("provisioningState", "Succeeded");
    json.put("id", connector.resourceId() + "/devops/default/azureDevOpsOrgs/" + org + "/projects/" + project);
    json.put("name", project);
    json.put("type", ORG_TYPE + "/projects");
    return json;
  }

  private ObjectNode repoJson(ConnectorRecord connector, String org, String project, String repo) {
    ObjectNode json = JSON.createObjectNode();
    ObjectNode properties = json.putObject("properties");
    properties.put("parentOrgName", org);
    properties.put("parentProjectName", project);
    properties.put("repoId", nameGuid("repo:" + org + "/" + project + "/" + repo));
    properties.put("repoUrl", ("https://dev.azure.com/" + org + "/" + project + "/_git/" + repo).replace(" ", "%20"));
    properties.put("visibility", "private");
    properties.put("onboardingState", "Onboarded");
    properties.putObject("actionableRemediation").put("state", "Enabled");
    properties.put("provisioningState", "Succeeded");
    json.put("id", connector.resourceId() + "/devops/default/azureDevOpsOrgs/" + org + "/projects/" + project
        + "/repos/" + repo);
    json.put("name", repo);
    json.put("type", ORG_TYPE + "/projects/repos");
    return json;
  }

  private List<String> knownOrganizationNames() {
    List<String> names = new ArrayList<>();
    options.organizations().forEach(o -> names.add(o.name()));
    return names;
  }

  // ---------------------------------------------------------------------------------------------------- helpers

  private Optional<Response> checkIfMatch(Request request, String currentEtag) {
    String ifMatch = request.header("If-Match");
    if (ifMatch == null) {
      return Optional.empty();
    }
    boolean matches = currentEtag != null
        && (ifMatch.trim().equals("*") || normalizeEtag(ifMatch).equals(normalizeEtag(currentEtag)));
    return matches ? Optional.empty() : Optional.of(error(412, "PreconditionFailed",
        "The resource was changed since it was read: the If-Match etag does not match the current one."));
  }

  private static String normalizeEtag(String etag) {
    String value = etag.trim();
    if (value.startsWith("W/")) {
      value = value.substring(2);
    }
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      value = value.substring(1, value.length() - 1);
    }
    return value;
  }

  /**
   * The specification models devops/default as a proxy resource without an etag and without an If-Match
   * parameter (DevOpsConfiguration in securityConnectorsDevOps.json; GetDevOpsConfigurations_example has empty
   * response headers), so by default the simulator sends no ETag and ignores If-Match there.
   * {@link ArmSimulatorOptions#devOpsEtags()} turns both on, to test a service that would offer them.
   */
  private Response devOpsEtag(Response response, String etag) {
    return options.devOpsEtags() ? withEtag(response, etag) : response;
  }

  private Optional<Response> devOpsIfMatch(Request request, String currentEtag) {
    return options.devOpsEtags() ? checkIfMatch(request, currentEtag) : Optional.empty();
  }

  /**
   * A long-running write completes whether or not anyone polls it (ARM does not wait for the caller): reading the
   * configuration counts as a poll of its pending operation, so a caller that lost the operation URL still sees it
   * end.
   */
  private ConnectorRecord settle(ConnectorRecord connector) {
    DevOpsRecord record = connector.devOps;
    if (record != null && record.pending != null && !record.pending.done) {
      advance(record.pending);
    }
    return connector;
  }

  private void advance(Operation operation) {
    if (operation.pollsLeft > 0) {
      operation.pollsLeft--;
      return;
    }
    operation.done = true;
    operation.end = now();
    operation.completion.run();
  }

  private static Response withEtag(Response response, String etag) {
    return response.header("ETag", "\"" + etag + "\"");
  }

  private String nextEtag() {
    etagCounter++;
    return String.format(Locale.ROOT, "%08x-0000-0100-0000-%012x", etagCounter, options.clock().millis());
  }

  /**
   * systemData as ARM reports it (the common-types systemData: createdBy/lastModifiedBy hold a user's user principal
   * name or an application's id, with createdByType/lastModifiedByType User or Application), never the object id of
   * a principal the options describe.
   */
  private ObjectNode systemData(ObjectNode previous, String identity) {
    String now = now().toString();
    String name = identity;
    String type = "User";
    for (ArmSimulatorPrincipal principal : options.principals()) {
      if (principal.objectId().equalsIgnoreCase(identity)) {
        name = principal.reportedName();
        type = principal.reportedType();
      }
    }
    ObjectNode data = JSON.createObjectNode();
    data.put("createdBy", previous == null ? name : previous.path("createdBy").asText());
    data.put("createdByType", previous == null ? type : previous.path("createdByType").asText());
    data.put("createdAt", previous == null ? now : previous.path("createdAt").asText());
    data.put("lastModifiedBy", name);
    data.put("lastModifiedByType", type);
    data.put("lastModifiedAt", now);
    return data;
  }


  private Instant now() {
    return options.clock().instant();
  }

  private static String connectorKey(Request request) {
    return connectorPath(request).toLowerCase(Locale.ROOT);
  }

  private static String connectorPath(Request request) {
    return "/subscriptions/" + request.segment(1) + "/resourceGroups/" + request.segment(3)
        + "/providers/Microsoft.Security/securityConnectors/" + request.segment(7);
  }

  static Response error(int status, String code, String message) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode error = body.putObject("error");
    error.put("code", code);
    error.put("message", message);
    return new Response(status, body);
  }

  private static String nameGuid(String name) {
    return UUID.nameUUIDFromBytes(name.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)).toString();
  }

  static String hash(String secret) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available.", e);
    }
  }

  // ----------------------------------------------------------------------------------------------------- records

  private final class ConnectorRecord {
    final String subscription;
    final String resourceGroup;
    final String name;
    String location;
    JsonNode tags;
    ObjectNode properties;
    String etag;
    ObjectNode systemData;
    DevOpsRecord devOps;

    ConnectorRecord(String subscription, String resourceGroup, String name) {
      this.subscription = subscription;
      this.resourceGroup = resourceGroup;
      this.name = name;
    }

    String resourceId() {
      return "/subscriptions/" + subscription + "/resourceGroups/" + resourceGroup
          + "/providers/Microsoft.Security/securityConnectors/" + name;
    }

    /** Whether this connector's settled DevOps configuration selects the organization. */
    boolean selects(String organization) {
      if (devOps == null || devOps.authorizingIdentity == null || !"Succeeded".equals(devOps.provisioningState)) {
        return false;
      }
      if ("Enabled".equalsIgnoreCase(devOps.properties.path("autoDiscovery").asText())) {
        return knownOrganizationNames().stream().anyMatch(o -> o.equalsIgnoreCase(organization));
      }
      if (devOps.currentOnly != null && !devOps.properties.has("topLevelInventoryList")) {
        return devOps.currentOnly.stream().anyMatch(o -> o.equalsIgnoreCase(organization));
      }
      Iterator<JsonNode> listed = devOps.properties.path("topLevelInventoryList").elements();
      while (listed.hasNext()) {
        if (listed.next().asText().equalsIgnoreCase(organization)) {
          return true;
        }
      }
      return false;
    }
  }

  private static final class DevOpsRecord {
    ObjectNode properties;
    String provisioningState;
    String statusMessage;
    Instant statusTime;
    String etag;
    ObjectNode systemData;
    String authorizingIdentity;
    Operation pending;
    /** The organizations a "current only" write (autoDiscovery Disabled, no list) onboarded at its exchange. */
    List<String> currentOnly;

    void setState(String state, String message, Instant time) {
      provisioningState = state;
      statusMessage = message;
      statusTime = time;
    }
  }

  private static final class Operation {
    String id;
    String path;
    String apiVersion;
    int pollsLeft;
    String status;
    String errorCode;
    String errorMessage;
    Runnable completion;
    Instant start;
    Instant end;
    boolean done;
  }
}
