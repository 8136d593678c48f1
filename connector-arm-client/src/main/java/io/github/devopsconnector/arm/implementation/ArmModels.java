package io.github.devopsconnector.arm.implementation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.devopsconnector.arm.models.AgentlessConfiguration;
import io.github.devopsconnector.arm.models.AgentlessInventoryItem;
import io.github.devopsconnector.arm.models.ArmSystemData;
import io.github.devopsconnector.arm.models.AutoDiscovery;
import io.github.devopsconnector.arm.models.AzureDevOpsOrganizationResource;
import io.github.devopsconnector.arm.models.AzureDevOpsProjectResource;
import io.github.devopsconnector.arm.models.AzureDevOpsRepositoryResource;
import io.github.devopsconnector.arm.models.DevOpsConfiguration;
import io.github.devopsconnector.arm.models.DevOpsProvisioningState;
import io.github.devopsconnector.arm.models.OnboardingState;
import io.github.devopsconnector.arm.models.ResourceProviderRegistration;
import io.github.devopsconnector.arm.models.SecurityConnector;
import io.github.devopsconnector.core.Offering;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * The JSON of the ARM payloads, both ways, by hand and exactly to the API: unknown fields are ignored, unknown enum
 * values kept, and request bodies have only the fields the API documents. A resource without its {@code id} or
 * {@code name}, or with {@code properties} that are not an object, is not a resource: the readers throw
 * {@link MalformedException}, which the client reports as a {@code DecodeException} with the response.
 */
public final class ArmModels {

  /** What logs see instead of the authorization code. */
  public static final String REDACTED = "****";

  private ArmModels() {}

  /** A payload that lacks what the API promises; the message completes "… with ", e.g. "a … that has no name". */
  public static final class MalformedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedException(String what) {
      super(what, null, false, false);
    }
  }

  private static String required(JsonNode json, String field, String what) {
    return Json.text(json, field).orElseThrow(() -> new MalformedException(what + " that has no " + field));
  }

  private static JsonNode properties(JsonNode json, String what) {
    JsonNode properties = json.path("properties");
    if (!properties.isMissingNode() && !properties.isNull() && !properties.isObject()) {
      throw new MalformedException(what + " whose properties are not an object");
    }
    return properties;
  }

  // ------------------------------------------------------------------------------------------------ responses

  public static SecurityConnector securityConnector(JsonNode json, Optional<String> etagHeader) {
    String what = "a security connector";
    JsonNode properties = properties(json, what);
    SecurityConnector.Builder builder = SecurityConnector.builder()
        .id(required(json, "id", what))
        .name(required(json, "name", what))
        .location(Json.text(json, "location").orElse(""))
        .etag(Json.text(json, "etag").or(() -> etagHeader.map(ArmModels::unquote)))
        .hierarchyIdentifier(Json.text(properties, "hierarchyIdentifier"))
        .environmentName(Json.text(properties, "environmentName"))
        .environmentType(Json.text(properties.path("environmentData"), "environmentType"))
        .systemData(systemData(json.path("systemData")));
    for (JsonNode offering : properties.path("offerings")) {
      Json.text(offering, "offeringType").ifPresent(builder::addOfferingTypes);
    }
    Iterator<Map.Entry<String, JsonNode>> tags = json.path("tags").fields();
    while (tags.hasNext()) {
      Map.Entry<String, JsonNode> tag = tags.next();
      builder.putTags(tag.getKey(), tag.getValue().asText(""));
    }
    return builder.build();
  }

  public static DevOpsConfiguration devOpsConfiguration(JsonNode json, Optional<String> etagHeader) {
    String what = "a DevOps configuration";
    JsonNode properties = properties(json, what);
    required(json, "name", what);
    DevOpsConfiguration.Builder builder = DevOpsConfiguration.builder()
        .id(required(json, "id", what))
        .etag(etagHeader.map(ArmModels::unquote).or(() -> Json.text(json, "etag")))
        .provisioningState(Json.text(properties, "provisioningState").map(DevOpsProvisioningState::fromString))
        .provisioningStatusMessage(Json.text(properties, "provisioningStatusMessage"))
        .provisioningStatusUpdateTime(time(properties, "provisioningStatusUpdateTimeUtc"))
        .autoDiscovery(Json.text(properties, "autoDiscovery").map(AutoDiscovery::fromString))
        .systemData(systemData(json.path("systemData")));
    for (JsonNode name : properties.path("topLevelInventoryList")) {
      if (name.isTextual()) {
        builder.addTopLevelInventoryList(name.asText());
      }
    }
    for (JsonNode capability : properties.path("capabilities")) {
      Optional<String> name = Json.text(capability, "name");
      name.ifPresent(n -> builder.putCapabilities(n, capability.path("value").asText("")));
    }
    JsonNode agentless = properties.path("agentlessConfiguration");
    if (agentless.isObject()) {
      builder.agentlessConfiguration(agentless(agentless));
    }
    return builder.build();
  }

  private static AgentlessConfiguration agentless(JsonNode json) {
    AgentlessConfiguration.Builder builder = AgentlessConfiguration.builder()
        .agentlessEnabled(Json.text(json, "agentlessEnabled"))
        .agentlessAutoDiscovery(Json.text(json, "agentlessAutoDiscovery").map(AutoDiscovery::fromString))
        .inventoryListType(Json.text(json, "inventoryListType"));
    json.path("scanners").forEach(s -> builder.addScanners(s.asText()));
    for (JsonNode item : json.path("inventoryList")) {
      builder.addInventoryList(AgentlessInventoryItem.of(Json.text(item, "inventoryKind").orElse(""),
          Json.text(item, "value").orElse("")));
    }
    return builder.build();
  }

  public static AzureDevOpsOrganizationResource org(JsonNode json) {
    String what = "an Azure DevOps organization";
    JsonNode properties = properties(json, what);
    return AzureDevOpsOrganizationResource.builder()
        .id(required(json, "id", what))
        .name(required(json, "name", what))
        .onboardingState(Json.text(properties, "onboardingState").map(OnboardingState::fromString))
        .provisioningState(Json.text(properties, "provisioningState").map(DevOpsProvisioningState::fromString))
        .actionableRemediationState(Json.text(properties.path("actionableRemediation"), "state"))
        .build();
  }

  public static AzureDevOpsProjectResource project(JsonNode json) {
    String what = "an Azure DevOps project";
    JsonNode properties = properties(json, what);
    return AzureDevOpsProjectResource.builder()
        .id(required(json, "id", what))
        .name(required(json, "name", what))
        .parentOrgName(Json.text(properties, "parentOrgName"))
        .projectId(Json.text(properties, "projectId"))
        .onboardingState(Json.text(properties, "onboardingState").map(OnboardingState::fromString))
        .provisioningState(Json.text(properties, "provisioningState").map(DevOpsProvisioningState::fromString))
        .actionableRemediationState(Json.text(properties.path("actionableRemediation"), "state"))
        .build();
  }

  public static AzureDevOpsRepositoryResource repository(JsonNode json) {
    String what = "an Azure DevOps repository";
    JsonNode properties = properties(json, what);
    return AzureDevOpsRepositoryResource.builder()
        .id(required(json, "id", what))
        .name(required(json, "name", what))
        .parentOrgName(Json.text(properties, "parentOrgName"))
        .parentProjectName(Json.text(properties, "parentProjectName"))
        .repoId(Json.text(properties, "repoId"))
        .repoUrl(Json.text(properties, "repoUrl"))
        .visibility(Json.text(properties, "visibility"))
        .onboardingState(Json.text(properties, "onboardingState").map(OnboardingState::fromString))
        .provisioningState(Json.text(properties, "provisioningState").map(DevOpsProvisioningState::fromString))
        .actionableRemediationState(Json.text(properties.path("actionableRemediation"), "state"))
        .build();
  }

  public static ResourceProviderRegistration providerRegistration(JsonNode json, String namespace) {
    return ResourceProviderRegistration.of(Json.text(json, "namespace").orElse(namespace),
        required(json, "registrationState", "a resource provider"));
  }

  /** An entry of {@code Microsoft.Authorization/permissions}, checked: its action lists are arrays of strings. */
  public static JsonNode permission(JsonNode json) {
    for (String field : List.of("actions", "notActions")) {
      JsonNode list = json.path(field);
      boolean absent = list.isMissingNode() || list.isNull();
      if (!absent && (!list.isArray() || !StreamSupport.stream(list.spliterator(), false)
          .allMatch(JsonNode::isTextual))) {
        throw new MalformedException("a permission whose " + field + " are not an array of strings");
      }
    }
    return json;
  }

  private static Optional<ArmSystemData> systemData(JsonNode json) {
    if (!json.isObject()) {
      return Optional.empty();
    }
    return Optional.of(ArmSystemData.builder()
        .createdBy(Json.text(json, "createdBy"))
        .createdByType(Json.text(json, "createdByType"))
        .createdAt(time(json, "createdAt"))
        .lastModifiedBy(Json.text(json, "lastModifiedBy"))
        .lastModifiedByType(Json.text(json, "lastModifiedByType"))
        .lastModifiedAt(time(json, "lastModifiedAt"))
        .build());
  }

  private static Optional<OffsetDateTime> time(JsonNode json, String field) {
    return Json.text(json, field).flatMap(text -> {
      try {
        return Optional.of(OffsetDateTime.parse(text));
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    });
  }

  /** An etag without the quotes (and weak marker) of its header form. */
  public static String unquote(String etag) {
    String value = etag.trim();
    if (value.startsWith("W/")) {
      value = value.substring(2);
    }
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      value = value.substring(1, value.length() - 1);
    }
    return value;
  }

  // ------------------------------------------------------------------------------------------------- requests

  /** The PUT body of an Azure DevOps security connector. */
  public static ObjectNode connectorBody(String location, String hierarchyIdentifier, String environmentName,
      String environmentType, List<Offering> offerings, Map<String, String> tags) {
    ObjectNode body = Json.object();
    body.put("location", location);
    if (!tags.isEmpty()) {
      ObjectNode tagNode = body.putObject("tags");
      tags.forEach(tagNode::put);
    }
    ObjectNode properties = body.putObject("properties");
    properties.put("hierarchyIdentifier", hierarchyIdentifier);
    properties.put("environmentName", environmentName);
    properties.putObject("environmentData").put("environmentType", environmentType);
    ArrayNode offeringNodes = properties.putArray("offerings");
    offerings.forEach(o -> offeringNodes.addObject().put("offeringType", o.armName()));
    return body;
  }

  /**
   * The PUT or PATCH body of {@code devops/default}: {@code authorization.code} when a code is given, then the
   * settings that are set.
   */
  public static ObjectNode devOpsBody(Optional<String> code, Optional<AutoDiscovery> autoDiscovery,
      Optional<List<String>> topLevelInventoryList, Optional<AgentlessConfiguration> agentless) {
    ObjectNode body = Json.object();
    ObjectNode properties = body.putObject("properties");
    code.ifPresent(c -> properties.putObject("authorization").put("code", c));
    autoDiscovery.ifPresent(a -> properties.put("autoDiscovery", a.value()));
    topLevelInventoryList.ifPresent(list -> {
      ArrayNode names = properties.putArray("topLevelInventoryList");
      list.forEach(names::add);
    });
    agentless.ifPresent(a -> properties.set("agentlessConfiguration", agentlessBody(a)));
    return body;
  }

  private static ObjectNode agentlessBody(AgentlessConfiguration configuration) {
    ObjectNode node = Json.object();
    configuration.agentlessEnabled().ifPresent(v -> node.put("agentlessEnabled", v));
    configuration.agentlessAutoDiscovery().ifPresent(v -> node.put("agentlessAutoDiscovery", v.value()));
    if (!configuration.scanners().isEmpty()) {
      ArrayNode scanners = node.putArray("scanners");
      configuration.scanners().forEach(scanners::add);
    }
    configuration.inventoryListType().ifPresent(v -> node.put("inventoryListType", v));
    if (!configuration.inventoryList().isEmpty()) {
      ArrayNode list = node.putArray("inventoryList");
      configuration.inventoryList().forEach(item -> list.addObject().put("inventoryKind", item.inventoryKind())
          .put("value", item.value()));
    }
    return node;
  }
}
