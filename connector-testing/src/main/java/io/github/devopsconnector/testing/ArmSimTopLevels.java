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
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * What a connector of one platform onboarded, served as securityConnectorsDevOps.json (2024-04-01, 2025-03-01)
 * serves it for every platform: {@code POST listAvailable...} lists every top-level resource the authorization
 * reaches (Azure DevOps organizations, GitHub owners, GitLab groups) with its {@code onboardingState}, and answers
 * 401 to anyone but the identity that authorized the connector; the {@code GET} routes read what the connector
 * onboarded, pages with {@code nextLink}, and answer 404 for what it did not. Each platform says what it reaches
 * and how its resources look.
 *
 * @param <T> a top-level resource as the options describe it
 */
abstract class ArmSimTopLevels<T> {

  final ArmSimState state;
  private final Route topLevelRoute;
  private final String environmentName;
  private final String platform;
  private final String topLevelKind;
  private final Function<ArmSimulatorOptions, List<T>> reachable;
  private final Function<T, String> name;
  private final BiPredicate<ArmSimulatorOptions, T> heldOutside;

  /**
   * @param topLevelRoute the route of the top-level collection and its items
   * @param environmentName the connectors' {@code environmentName}
   * @param platform the platform as people name it, for messages
   * @param topLevelKind what a top-level resource is called, for messages
   * @param reachable the top-level resources the authorizing identity reaches, in order
   * @param name a top-level resource's name
   * @param heldOutside whether a connector outside the simulator already onboarded it
   */
  ArmSimTopLevels(ArmSimState state, Route topLevelRoute, String environmentName, String platform,
      String topLevelKind, Function<ArmSimulatorOptions, List<T>> reachable, Function<T, String> name,
      BiPredicate<ArmSimulatorOptions, T> heldOutside) {
    this.state = state;
    this.topLevelRoute = topLevelRoute;
    this.environmentName = environmentName;
    this.platform = platform;
    this.topLevelKind = topLevelKind;
    this.reachable = reachable;
    this.name = name;
    this.heldOutside = heldOutside;
  }

  /** A top-level resource's JSON, by name, in this onboarding state. */
  abstract ObjectNode topLevelJson(ConnectorRecord connector, String name, String onboardingState);

  /** Answers a read below an onboarded top-level resource (segment 11 names it). */
  abstract Response readBelow(Request request, Route route, ConnectorRecord connector, T parent);

  /** What {@code listAvailable...} lists for a top-level resource in this onboarding state: itself. */
  List<JsonNode> available(ConnectorRecord connector, T item, String onboardingState) {
    return List.of(topLevelJson(connector, name.apply(item), onboardingState));
  }

  /**
   * Answers a read of the onboarded inventory, given the top-level resources this connector onboarded: the
   * top-level collection or one of its items, or what is below one of them.
   */
  Response read(Request request, Route route, ConnectorRecord connector, List<T> onboarded) {
    if (route == topLevelRoute) {
      return listOrOne(request, 11, topLevelKind, names(onboarded), n -> topLevelJson(connector, n, "Onboarded"));
    }
    return onboarded.stream().filter(item -> name.apply(item).equalsIgnoreCase(request.segment(11))).findFirst()
        .map(parent -> readBelow(request, route, connector, parent))
        .orElseGet(() -> notOnboarded(topLevelKind, request.segment(11)));
  }

  /** The top-level resources the authorizing identity reaches, in order. */
  final List<T> reachable() {
    return reachable.apply(state.options);
  }

  /** A top-level resource's name. */
  final String name(T item) {
    return name.apply(item);
  }

  final Response listAvailable(Request request) {
    ConnectorRecord connector = state.connector(request);
    if (!serves(connector)) {
      return ArmSimDevOps.notFound(request);
    }
    if (!request.identity().equals(connector.devOps.authorizingIdentity)) {
      return ArmSimJson.error(401, "Unauthorized", "The caller is not the identity that authorized this connector's "
          + "access to " + platform + ", so the " + topLevelKind + "s it can reach cannot be listed.");
    }
    List<JsonNode> items = new ArrayList<>();
    for (T item : reachable()) {
      items.addAll(available(connector, item, onboardingState(connector, item)));
    }
    return page(request, items);
  }

  final Response read(Request request, Route route) {
    Optional<Response> denied = state.authorize(request, ArmSimState.READ);
    if (denied.isPresent()) {
      return denied.get();
    }
    ConnectorRecord connector = state.connector(request);
    if (!serves(connector)) {
      return ArmSimDevOps.notFound(request);
    }
    List<T> onboarded = new ArrayList<>();
    for (T item : reachable()) {
      if (onboardingState(connector, item).equals("Onboarded")) {
        onboarded.add(item);
      }
    }
    return read(request, route, connector, onboarded);
  }

  private boolean serves(ConnectorRecord connector) {
    return connector != null && connector.devOps != null && connector.isEnvironment(environmentName);
  }

  /**
   * Onboarded when this connector selects it and no connector created earlier (or outside the simulator) holds
   * it; OnboardedByOtherConnector when another connector of the platform does; NotOnboarded otherwise.
   */
  final String onboardingState(ConnectorRecord connector, T item) {
    if (heldOutside.test(state.options, item)) {
      return "OnboardedByOtherConnector";
    }
    for (ConnectorRecord candidate : state.connectors.values()) {
      if (candidate.samePlatform(connector) && candidate.selects(name(item))) {
        return candidate == connector ? "Onboarded" : "OnboardedByOtherConnector";
      }
    }
    return "NotOnboarded";
  }

  /** The list when the path ends at the collection (segment {@code index} absent), else the one item it names. */
  final Response listOrOne(Request request, int index, String what, List<String> names,
      Function<String, ObjectNode> json) {
    if (request.segments().size() == index) {
      List<JsonNode> items = new ArrayList<>();
      names.forEach(name -> items.add(json.apply(name)));
      return page(request, items);
    }
    return find(names, request.segment(index)).<Response>map(name -> new Response(200, json.apply(name)))
        .orElseGet(() -> notOnboarded(what, request.segment(index)));
  }

  final Response page(Request request, List<JsonNode> items) {
    return ArmSimJson.page(request, items, state.options.pageSize());
  }

  static Optional<String> find(List<String> names, String name) {
    return names.stream().filter(n -> n.equalsIgnoreCase(name)).findFirst();
  }

  final Response notOnboarded(String what, String name) {
    return ArmSimJson.error(404, "ResourceNotFound", "The " + platform + " " + what + " '" + name + "' is not "
        + "onboarded to this connector.");
  }

  /** The names of the items, in order. */
  final List<String> names(List<T> items) {
    List<String> names = new ArrayList<>();
    items.forEach(item -> names.add(name(item)));
    return names;
  }

  /** A resource under {@code devops/default}: {@code properties}, then its id, name and type. */
  static ObjectNode resource(ConnectorRecord connector, String path, String name, String type,
      ObjectNode properties) {
    ObjectNode json = ArmSimJson.JSON.createObjectNode();
    json.set("properties", properties);
    json.put("id", connector.resourceId() + "/devops/default/" + path);
    json.put("name", name);
    json.put("type", "Microsoft.Security/securityConnectors/devops/" + type);
    return json;
  }

  /** Properties with the onboarding state, and a provisioning state for what was onboarded somewhere. */
  static ObjectNode onboarding(String onboardingState) {
    ObjectNode properties = ArmSimJson.JSON.createObjectNode();
    properties.put("onboardingState", onboardingState);
    if (!onboardingState.equals("NotOnboarded")) {
      properties.put("provisioningState", "Succeeded");
    }
    return properties;
  }
}
