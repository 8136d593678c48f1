package io.github.devopsconnector.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.devopsconnector.testing.ArmSimState.ConnectorRecord;
import io.github.devopsconnector.testing.ArmSimulator.Route;
import io.github.devopsconnector.testing.ArmSimulatorExchange.Request;
import io.github.devopsconnector.testing.ArmSimulatorExchange.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code securityConnectors}: the two lists, PUT, GET, PATCH and DELETE, with the connector's {@code ETag} and
 * {@code If-Match} (Microsoft.Security/securityConnectors in the specification's securityConnectors.json).
 */
final class ArmSimConnectors {

  private static final String CONNECTOR_TYPE = "Microsoft.Security/securityConnectors";

  private final ArmSimState state;
  private final ArmSimEtags etags;

  ArmSimConnectors(ArmSimState state, ArmSimEtags etags) {
    this.state = state;
    this.etags = etags;
  }

  Response list(Request request, Route route) {
    String sub = request.segment(1);
    List<JsonNode> items = new ArrayList<>();
    for (ConnectorRecord connector : state.connectors.values()) {
      boolean sameSub = connector.subscription.equalsIgnoreCase(sub);
      boolean sameGroup = route == Route.CONNECTORS_BY_SUBSCRIPTION
          || connector.resourceGroup.equalsIgnoreCase(request.segment(3));
      if (sameSub && sameGroup) {
        items.add(json(connector));
      }
    }
    return ArmSimJson.page(request, items, state.options.pageSize());
  }

  Response handle(Request request) {
    String key = ArmSimState.connectorKey(request);
    ConnectorRecord existing = state.connectors.get(key);
    switch (request.method()) {
      case "GET":
        return state.authorize(request, ArmSimState.READ).orElseGet(() -> existing == null ? notFound(request)
            : ArmSimEtags.withEtag(new Response(200, json(existing)), existing.etag));
      case "PUT":
        return state.authorize(request, ArmSimState.WRITE).orElseGet(() -> put(request, key, existing));
      case "PATCH":
        return state.authorize(request, ArmSimState.WRITE).orElseGet(() -> patch(request, existing));
      case "DELETE":
        return state.authorize(request, ArmSimState.DELETE).orElseGet(() -> delete(request, key, existing));
      default:
        return ArmSimJson.methodNotAllowed(request);
    }
  }

  private Response put(Request request, String key, ConnectorRecord existing) {
    if (!state.providerRegistrationState(request.segment(1)).equalsIgnoreCase("Registered")) {
      return ArmSimJson.error(409, "MissingSubscriptionRegistration", "The subscription is not registered to use "
          + "namespace 'Microsoft.Security'. See https://aka.ms/rps-not-found for how to register subscriptions.");
    }
    Optional<Response> precondition = etags.checkIfMatch(request, existing == null ? null : existing.etag);
    if (precondition.isPresent()) {
      return precondition.get();
    }
    JsonNode body = request.body();
    if (body == null || !body.isObject() || !body.path("location").isTextual() || body.path("location").asText().isBlank()) {
      return ArmSimJson.error(400, "LocationRequired", "The location property is required for this definition.");
    }
    if (!body.path("properties").isObject()) {
      return ArmSimJson.error(400, "InvalidRequestContent", "The request content must have a properties object.");
    }
    ConnectorRecord connector = existing != null ? existing
        : state.new ConnectorRecord(request.segment(1), request.segment(3), request.segment(7));
    connector.location = body.get("location").asText();
    connector.tags = body.path("tags").isObject() ? body.get("tags").deepCopy() : ArmSimJson.JSON.createObjectNode();
    connector.properties = ((ObjectNode) body.get("properties")).deepCopy();
    connector.properties.remove("hierarchyIdentifierTrialEndDate");
    connector.etag = state.nextEtag();
    connector.systemData = state.systemData(connector.systemData, request.identity());
    state.connectors.put(key, connector);
    return ArmSimEtags.withEtag(new Response(existing == null ? 201 : 200, json(connector)), connector.etag);
  }

  private Response patch(Request request, ConnectorRecord existing) {
    if (existing == null) {
      return notFound(request);
    }
    Optional<Response> precondition = etags.checkIfMatch(request, existing.etag);
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
    existing.etag = state.nextEtag();
    existing.systemData = state.systemData(existing.systemData, request.identity());
    return ArmSimEtags.withEtag(new Response(200, json(existing)), existing.etag);
  }

  private Response delete(Request request, String key, ConnectorRecord existing) {
    if (existing == null) {
      return new Response(204, null);
    }
    Optional<Response> precondition = etags.checkIfMatch(request, existing.etag);
    if (precondition.isPresent()) {
      return precondition.get();
    }
    state.connectors.remove(key);
    return new Response(200, null);
  }

  private static ObjectNode json(ConnectorRecord connector) {
    ObjectNode json = ArmSimJson.JSON.createObjectNode();
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

  private static Response notFound(Request request) {
    return ArmSimJson.error(404, "ResourceNotFound", "The Resource '" + CONNECTOR_TYPE + "/" + request.segment(7)
        + "' under resource group '" + request.segment(3) + "' was not found.");
  }
}
