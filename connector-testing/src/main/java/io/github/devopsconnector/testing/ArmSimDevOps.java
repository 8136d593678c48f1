package io.github.devopsconnector.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.devopsconnector.testing.ArmSimState.ConnectorRecord;
import io.github.devopsconnector.testing.ArmSimState.DevOpsRecord;
import io.github.devopsconnector.testing.ArmSimState.Operation;
import io.github.devopsconnector.testing.ArmSimulatorExchange.Request;
import io.github.devopsconnector.testing.ArmSimulatorExchange.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code .../devops/default}: GET, PUT, PATCH and DELETE of a connector's DevOps configuration
 * (securityConnectorsDevOps.json), with the one-time code exchange and long-running writes.
 */
final class ArmSimDevOps {

  private static final String DEVOPS_TYPE = "Microsoft.Security/securityConnectors/devops";
  private static final String EXCHANGE_FAILED = "AzureDevOps OAuth token exchange failed";

  private final ArmSimState state;
  private final ArmSimEtags etags;
  private final ArmSimOperations operations;

  ArmSimDevOps(ArmSimState state, ArmSimEtags etags, ArmSimOperations operations) {
    this.state = state;
    this.etags = etags;
    this.operations = operations;
  }

  Response handle(Request request) {
    ConnectorRecord connector = state.connector(request);
    String action = request.method().equals("GET") ? ArmSimState.READ
        : request.method().equals("DELETE") ? ArmSimState.DELETE : ArmSimState.WRITE;
    Optional<Response> denied = state.authorize(request, action);
    if (denied.isPresent()) {
      return denied.get();
    }
    if (connector == null) {
      return ArmSimJson.error(404, "ParentResourceNotFound", "Can not perform requested operation on nested "
          + "resource. Parent resource '" + request.segment(7) + "' not found.");
    }
    DevOpsRecord existing = connector.devOps;
    switch (request.method()) {
      case "GET":
        return existing == null ? notFound(request)
            : etags.devOpsEtag(new Response(200, json(operations.settle(connector))), existing.etag);
      case "PUT":
      case "PATCH":
        return write(request, connector);
      case "DELETE":
        return delete(request, connector);
      default:
        return ArmSimJson.methodNotAllowed(request);
    }
  }

  private Response write(Request request, ConnectorRecord connector) {
    boolean put = request.method().equals("PUT");
    DevOpsRecord existing = connector.devOps;
    if (!put && existing == null) {
      return notFound(request);
    }
    Optional<Response> precondition = etags.devOpsIfMatch(request, existing == null ? null : existing.etag);
    if (precondition.isPresent()) {
      return precondition.get();
    }
    JsonNode body = request.body();
    if (body == null || !body.path("properties").isObject()) {
      return ArmSimJson.error(400, "InvalidRequestContent", "The request content must have a properties object.");
    }
    ObjectNode requested = ((ObjectNode) body.get("properties")).deepCopy();
    JsonNode code = requested.remove("authorization");
    requested.remove(List.of("provisioningState", "provisioningStatusMessage", "provisioningStatusUpdateTimeUtc",
        "capabilities"));
    // The code is hashed at once and never kept, logged or echoed.
    String codeHash = code != null && code.path("code").isTextual() ? ArmSimJson.hash(code.path("code").asText()) : null;
    String failure = null;
    if (codeHash != null) {
      if (state.expiredCodes.contains(codeHash) || state.usedCodes.contains(codeHash)) {
        failure = EXCHANGE_FAILED;
      }
      state.usedCodes.add(codeHash);
    } else if (existing == null || existing.authorizingIdentity == null) {
      failure = EXCHANGE_FAILED + ": no authorization code was given and the connector has no authorization to keep";
    }

    DevOpsRecord record = existing != null ? existing : new DevOpsRecord();
    if (put || record.properties == null) {
      record.properties = ArmSimJson.JSON.createObjectNode();
    }
    record.properties.setAll(requested);
    if (requested.has("topLevelInventoryList") || "Enabled".equalsIgnoreCase(requested.path("autoDiscovery").asText())) {
      record.currentOnly = null;
    } else if (codeHash != null && failure == null) {
      record.currentOnly = reachableNow(connector);
    }
    if (!record.properties.has("autoDiscovery")) {
      record.properties.put("autoDiscovery", "Disabled");
    }
    if (failure == null && codeHash != null) {
      record.authorizingIdentity = request.identity();
    }
    record.etag = state.nextEtag();
    record.systemData = state.systemData(record.systemData, request.identity());
    connector.devOps = record;

    String finalState = failure == null ? "Succeeded" : "Failed";
    String finalMessage = failure == null ? "OK" : failure;
    if (!state.options.asyncOperations()) {
      record.setState(finalState, finalMessage, state.now());
      if (failure != null) {
        return ArmSimJson.error(400, "TokenExchangeFailed", failure);
      }
      return etags.devOpsEtag(new Response(200, json(connector)), record.etag);
    }
    record.setState("Accepted", "Accepted", state.now());
    Operation operation = operations.start(request, finalState, failure == null ? null : "TokenExchangeFailed",
        failure, () -> {
          if (connector.devOps == record) {
            record.setState(finalState, finalMessage, state.now());
          }
        });
    Response response = new Response(existing == null ? 201 : 202, json(connector));
    record.pending = operation;
    return etags.devOpsEtag(operations.asyncHeaders(response, request, operation), record.etag);
  }

  /**
   * CreateOrUpdateDevOpsConfigurationsOnboardCurrentOnly: autoDiscovery Disabled and no list onboards the
   * organizations the authorization reaches now, except those another connector holds; new ones are not added.
   */
  private List<String> reachableNow(ConnectorRecord connector) {
    List<String> current = new ArrayList<>();
    for (Map.Entry<String, Boolean> organization : connector.reachable().entrySet()) {
      boolean heldElsewhere = organization.getValue() || state.connectors.values().stream().anyMatch(
          other -> other != connector && other.samePlatform(connector) && other.selects(organization.getKey()));
      if (!heldElsewhere) {
        current.add(organization.getKey());
      }
    }
    return current;
  }

  private Response delete(Request request, ConnectorRecord connector) {
    DevOpsRecord existing = connector.devOps;
    if (existing == null) {
      return new Response(204, null);
    }
    Optional<Response> precondition = etags.devOpsIfMatch(request, existing.etag);
    if (precondition.isPresent()) {
      return precondition.get();
    }
    if (!state.options.asyncOperations()) {
      connector.devOps = null;
      return new Response(200, null);
    }
    existing.setState("PendingDeletion", "Deleting", state.now());
    Operation operation = operations.start(request, "Succeeded", null, null, () -> {
      if (connector.devOps == existing) {
        connector.devOps = null;
      }
    });
    return operations.asyncHeaders(new Response(202, null), request, operation);
  }

  private static ObjectNode json(ConnectorRecord connector) {
    DevOpsRecord record = connector.devOps;
    ObjectNode json = ArmSimJson.JSON.createObjectNode();
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

  static Response notFound(Request request) {
    return ArmSimJson.error(404, "ResourceNotFound", "The DevOps configuration of the connector '"
        + request.segment(7) + "' was not found.");
  }
}
