package io.github.devopsconnector.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.devopsconnector.testing.ArmSimulatorExchange.Request;
import io.github.devopsconnector.testing.ArmSimulatorExchange.Response;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ARM simulator's state: connectors with their DevOps configurations, pending operations, hashes of used and
 * expired one-time codes, permissions and provider registrations. Callers hold its monitor (the routes do, for a
 * whole request), so every request sees and leaves a consistent state.
 */
final class ArmSimState {

  static final String READ = "Microsoft.Security/securityConnectors/read";
  static final String WRITE = "Microsoft.Security/securityConnectors/write";
  static final String DELETE = "Microsoft.Security/securityConnectors/delete";

  final ArmSimulatorOptions options;
  final Map<String, ConnectorRecord> connectors = new LinkedHashMap<>();
  final Map<String, Operation> operations = new HashMap<>();
  final Set<String> usedCodes = new HashSet<>();
  final Set<String> expiredCodes = new HashSet<>();
  private final Map<String, List<ArmSimulatorPermissions>> grants = new HashMap<>();
  private final Map<String, String> providerStates = new HashMap<>();
  private long etagCounter;
  private long writeRequests;

  ArmSimState(ArmSimulatorOptions options) {
    this.options = options;
    options.expiredCodes().forEach(code -> expiredCodes.add(ArmSimJson.hash(code)));
    grants.putAll(options.permissions());
    options.providerRegistrationStates().forEach((sub, state) -> providerStates.put(sub.toLowerCase(Locale.ROOT), state));
  }

  synchronized void grant(String identity, List<ArmSimulatorPermissions> permissions) {
    grants.put(identity, List.copyOf(permissions));
  }

  synchronized void providerRegistrationState(String subscription, String state) {
    providerStates.put(subscription.toLowerCase(Locale.ROOT), state);
  }

  synchronized String providerRegistrationState(String subscription) {
    return providerStates.getOrDefault(subscription.toLowerCase(Locale.ROOT), "Registered");
  }

  synchronized void expireCode(String code) {
    expiredCodes.add(ArmSimJson.hash(code));
  }

  synchronized Optional<String> authorizingIdentity(String connectorId) {
    ConnectorRecord connector = connectors.get(connectorId.toLowerCase(Locale.ROOT));
    return connector == null || connector.devOps == null
        ? Optional.empty() : Optional.ofNullable(connector.devOps.authorizingIdentity);
  }

  synchronized int connectorCount() {
    return connectors.size();
  }

  /** Counts a PUT, PATCH or DELETE that reached the routes. */
  synchronized void countWrite() {
    writeRequests++;
  }

  synchronized long writeRequests() {
    return writeRequests;
  }

  List<ArmSimulatorPermissions> permissionsOf(String identity) {
    return grants.getOrDefault(identity, List.of(options.defaultPermissions()));
  }

  /** 403 {@code AuthorizationFailed} unless the caller's permissions grant the action, as ARM's RBAC check. */
  Optional<Response> authorize(Request request, String action) {
    boolean granted = permissionsOf(request.identity()).stream().anyMatch(p -> p.grants(action));
    if (granted) {
      return Optional.empty();
    }
    String scope = "/subscriptions/" + request.segment(1) + "/resourceGroups/" + request.segment(3);
    return Optional.of(ArmSimJson.error(403, "AuthorizationFailed", "The client '" + request.identity()
        + "' does not have authorization to perform action '" + action + "' over scope '" + scope
        + "' or the scope is invalid. If access was recently granted, please refresh your credentials."));
  }

  ConnectorRecord connector(Request request) {
    return connectors.get(connectorKey(request));
  }

  String nextEtag() {
    etagCounter++;
    return String.format(Locale.ROOT, "%08x-0000-0100-0000-%012x", etagCounter, options.clock().millis());
  }

  Instant now() {
    return options.clock().instant();
  }

  /**
   * systemData as ARM reports it (the common-types systemData: createdBy/lastModifiedBy hold a user's user principal
   * name or an application's id, with createdByType/lastModifiedByType User or Application), never the object id of
   * a principal the options describe.
   */
  ObjectNode systemData(ObjectNode previous, String identity) {
    String now = now().toString();
    String name = identity;
    String type = "User";
    for (ArmSimulatorPrincipal principal : options.principals()) {
      if (principal.objectId().equalsIgnoreCase(identity)) {
        name = principal.reportedName();
        type = principal.reportedType();
      }
    }
    ObjectNode data = ArmSimJson.JSON.createObjectNode();
    data.put("createdBy", previous == null ? name : previous.path("createdBy").asText());
    data.put("createdByType", previous == null ? type : previous.path("createdByType").asText());
    data.put("createdAt", previous == null ? now : previous.path("createdAt").asText());
    data.put("lastModifiedBy", name);
    data.put("lastModifiedByType", type);
    data.put("lastModifiedAt", now);
    return data;
  }

  static String connectorKey(Request request) {
    return connectorPath(request).toLowerCase(Locale.ROOT);
  }

  static String connectorPath(Request request) {
    return "/subscriptions/" + request.segment(1) + "/resourceGroups/" + request.segment(3)
        + "/providers/Microsoft.Security/securityConnectors/" + request.segment(7);
  }

  /** A security connector. */
  final class ConnectorRecord {
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

    /** The connector's {@code environmentName} ({@code AzureDevOps}, {@code Github}, {@code GitLab}, ...). */
    String environmentName() {
      return properties == null ? "" : properties.path("environmentName").asText();
    }

    /** Whether the connector's {@code environmentName} is this one (ignoring case). */
    boolean isEnvironment(String environmentName) {
      return environmentName().equalsIgnoreCase(environmentName);
    }

    /** Whether the other connector is of the same platform, so that the same name means the same thing. */
    boolean samePlatform(ConnectorRecord other) {
      return isEnvironment(other.environmentName());
    }

    /**
     * The top-level names the connector's authorization reaches: Azure DevOps organizations, GitHub owners or GitLab
     * top-level groups, each with whether a connector outside the simulator holds it.
     */
    Map<String, Boolean> reachable() {
      Map<String, Boolean> names = new java.util.LinkedHashMap<>();
      if (isEnvironment("Github")) {
        options.gitHubOwners().forEach(o -> names.put(o.name(), o.onboardedByOtherConnector()));
      } else if (isEnvironment("GitLab")) {
        options.gitLabGroups().forEach(g -> names.put(g.path().value(), options.gitLabGroupsOnboardedElsewhere()
            .stream().anyMatch(g.path().value()::equalsIgnoreCase)));
      } else {
        options.organizations().forEach(o -> names.put(o.name(), o.onboardedByOtherConnector()));
      }
      return names;
    }

    /** Whether this connector's settled DevOps configuration selects the organization (or GitHub owner). */
    boolean selects(String organization) {
      if (devOps == null || devOps.authorizingIdentity == null || !"Succeeded".equals(devOps.provisioningState)) {
        return false;
      }
      if ("Enabled".equalsIgnoreCase(devOps.properties.path("autoDiscovery").asText())) {
        return reachable().keySet().stream().anyMatch(name -> name.equalsIgnoreCase(organization));
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

  /** A connector's {@code devops/default}. */
  static final class DevOpsRecord {
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

  /** A long-running operation. */
  static final class Operation {
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
