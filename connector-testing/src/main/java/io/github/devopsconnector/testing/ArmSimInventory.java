package io.github.devopsconnector.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.devopsconnector.testing.ArmSimState.ConnectorRecord;
import io.github.devopsconnector.testing.ArmSimulator.Route;
import io.github.devopsconnector.testing.ArmSimulatorExchange.Request;
import io.github.devopsconnector.testing.ArmSimulatorExchange.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a connector onboarded: {@code azureDevOpsOrgs}, {@code projects} and {@code repos}, and
 * {@code listAvailableAzureDevOpsOrgs} with each organization's {@code onboardingState}.
 */
final class ArmSimInventory {

  private static final String ORG_TYPE = "Microsoft.Security/securityConnectors/devops/azureDevOpsOrgs";

  private final ArmSimState state;

  ArmSimInventory(ArmSimState state) {
    this.state = state;
  }

  Response listAvailable(Request request) {
    ConnectorRecord connector = state.connector(request);
    if (connector == null || connector.devOps == null) {
      return ArmSimDevOps.notFound(request);
    }
    if (!request.identity().equals(connector.devOps.authorizingIdentity)) {
      return ArmSimJson.error(401, "Unauthorized", "The caller is not the identity that authorized this connector's "
          + "access to Azure DevOps, so the organizations it can reach cannot be listed.");
    }
    List<JsonNode> items = new ArrayList<>();
    for (ArmSimulatorOrganization organization : state.options.organizations()) {
      items.add(orgJson(connector, organization.name(), onboardingState(connector, organization)));
    }
    return page(request, items);
  }

  Response read(Request request, Route route) {
    Optional<Response> denied = state.authorize(request, ArmSimState.READ);
    if (denied.isPresent()) {
      return denied.get();
    }
    ConnectorRecord connector = state.connector(request);
    if (connector == null || connector.devOps == null) {
      return ArmSimDevOps.notFound(request);
    }
    List<ArmSimulatorOrganization> onboarded = new ArrayList<>();
    for (ArmSimulatorOrganization organization : state.options.organizations()) {
      if (onboardingState(connector, organization).equals("Onboarded")) {
        onboarded.add(organization);
      }
    }
    List<String> names = new ArrayList<>();
    onboarded.forEach(o -> names.add(o.name()));
    if (route == Route.AZURE_DEVOPS_ORGS) {
      return listOrOne(request, 11, "organization", names, o -> orgJson(connector, o, "Onboarded"));
    }
    Optional<ArmSimulatorOrganization> organization =
        onboarded.stream().filter(o -> o.name().equalsIgnoreCase(request.segment(11))).findFirst();
    if (organization.isEmpty()) {
      return childNotFound("organization", request.segment(11));
    }
    String org = organization.get().name();
    Map<String, List<String>> projects = organization.get().projects();
    if (route == Route.AZURE_DEVOPS_PROJECTS) {
      return listOrOne(request, 13, "project", List.copyOf(projects.keySet()), p -> projectJson(connector, org, p));
    }
    Optional<String> project = find(List.copyOf(projects.keySet()), request.segment(13));
    if (project.isEmpty()) {
      return childNotFound("project", request.segment(13));
    }
    return listOrOne(request, 15, "repository", projects.get(project.get()),
        r -> repoJson(connector, org, project.get(), r));
  }

  /** The list when the path ends at the collection (segment {@code index} absent), else the one item it names. */
  private Response listOrOne(Request request, int index, String what, List<String> names,
      Function<String, ObjectNode> json) {
    if (request.segments().size() == index) {
      List<JsonNode> items = new ArrayList<>();
      names.forEach(name -> items.add(json.apply(name)));
      return page(request, items);
    }
    return find(names, request.segment(index)).<Response>map(name -> new Response(200, json.apply(name)))
        .orElseGet(() -> childNotFound(what, request.segment(index)));
  }

  private Response page(Request request, List<JsonNode> items) {
    return ArmSimJson.page(request, items, state.options.pageSize());
  }

  private static Optional<String> find(List<String> names, String name) {
    return names.stream().filter(n -> n.equalsIgnoreCase(name)).findFirst();
  }

  private static Response childNotFound(String what, String name) {
    return ArmSimJson.error(404, "ResourceNotFound", "The Azure DevOps " + what + " '" + name + "' is not onboarded "
        + "to this connector.");
  }

  /**
   * Onboarded when this connector selects the organization and no connector created earlier (or outside the
   * simulator) holds it; OnboardedByOtherConnector when another does; NotOnboarded otherwise.
   */
  private String onboardingState(ConnectorRecord connector, ArmSimulatorOrganization organization) {
    if (organization.onboardedByOtherConnector()) {
      return "OnboardedByOtherConnector";
    }
    for (ConnectorRecord candidate : state.connectors.values()) {
      if (candidate.samePlatform(connector) && candidate.selects(organization.name())) {
        return candidate == connector ? "Onboarded" : "OnboardedByOtherConnector";
      }
    }
    return "NotOnboarded";
  }

  private static ObjectNode orgJson(ConnectorRecord connector, String org, String onboardingState) {
    ObjectNode json = ArmSimJson.JSON.createObjectNode();
    ObjectNode properties = json.putObject("properties");
    properties.put("onboardingState", onboardingState);
    properties.putObject("actionableRemediation").put("state",
        onboardingState.equals("NotOnboarded") ? "None" : "Enabled");
    if (!onboardingState.equals("NotOnboarded")) {
      properties.put("provisioningState", "Succeeded");
    }
    json.put("id", connector.resourceId() + "/devops/default/azureDevOpsOrgs/" + org);
    json.put("name", org);
    json.put("type", ORG_TYPE);
    return json;
  }

  private static ObjectNode projectJson(ConnectorRecord connector, String org, String project) {
    ObjectNode json = ArmSimJson.JSON.createObjectNode();
    ObjectNode properties = json.putObject("properties");
    properties.put("parentOrgName", org);
    properties.put("projectId", ArmSimJson.nameGuid("project:" + org + "/" + project));
    onboarded(properties);
    json.put("id", connector.resourceId() + "/devops/default/azureDevOpsOrgs/" + org + "/projects/" + project);
    json.put("name", project);
    json.put("type", ORG_TYPE + "/projects");
    return json;
  }

  private static ObjectNode repoJson(ConnectorRecord connector, String org, String project, String repo) {
    ObjectNode json = ArmSimJson.JSON.createObjectNode();
    ObjectNode properties = json.putObject("properties");
    properties.put("parentOrgName", org);
    properties.put("parentProjectName", project);
    properties.put("repoId", ArmSimJson.nameGuid("repo:" + org + "/" + project + "/" + repo));
    properties.put("repoUrl", ("https://dev.azure.com/" + org + "/" + project + "/_git/" + repo).replace(" ", "%20"));
    properties.put("visibility", "private");
    onboarded(properties);
    json.put("id", connector.resourceId() + "/devops/default/azureDevOpsOrgs/" + org + "/projects/" + project
        + "/repos/" + repo);
    json.put("name", repo);
    json.put("type", ORG_TYPE + "/projects/repos");
    return json;
  }

  private static void onboarded(ObjectNode properties) {
    properties.put("onboardingState", "Onboarded");
    properties.putObject("actionableRemediation").put("state", "Enabled");
    properties.put("provisioningState", "Succeeded");
  }
}
