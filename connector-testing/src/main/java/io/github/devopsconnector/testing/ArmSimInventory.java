package io.github.devopsconnector.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.devopsconnector.testing.ArmSimState.ConnectorRecord;
import io.github.devopsconnector.testing.ArmSimulator.Route;
import io.github.devopsconnector.testing.ArmSimulatorExchange.Request;
import io.github.devopsconnector.testing.ArmSimulatorExchange.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an Azure DevOps connector onboarded: {@code azureDevOpsOrgs}, {@code projects} and {@code repos}, and
 * {@code listAvailableAzureDevOpsOrgs} with each organization's {@code onboardingState} (AzureDevOpsOrgs_*,
 * AzureDevOpsProjects_*, AzureDevOpsRepos_* of securityConnectorsDevOps.json).
 */
final class ArmSimInventory extends ArmSimTopLevels<ArmSimulatorOrganization> {

  ArmSimInventory(ArmSimState state) {
    super(state, Route.AZURE_DEVOPS_ORGS, "AzureDevOps", "Azure DevOps", "organization",
        ArmSimulatorOptions::organizations, ArmSimulatorOrganization::name,
        (options, organization) -> organization.onboardedByOtherConnector());
  }

  @Override
  ObjectNode topLevelJson(ConnectorRecord connector, String org, String onboardingState) {
    return orgJson(connector, org, onboardingState);
  }

  @Override
  Response readBelow(Request request, Route route, ConnectorRecord connector, ArmSimulatorOrganization parent) {
    String org = parent.name();
    Map<String, List<String>> projects = parent.projects();
    if (route == Route.AZURE_DEVOPS_PROJECTS) {
      return listOrOne(request, 13, "project", List.copyOf(projects.keySet()), p -> projectJson(connector, org, p));
    }
    Optional<String> project = find(List.copyOf(projects.keySet()), request.segment(13));
    if (project.isEmpty()) {
      return notOnboarded("project", request.segment(13));
    }
    return listOrOne(request, 15, "repository", projects.get(project.get()),
        r -> repoJson(connector, org, project.get(), r));
  }

  private static ObjectNode orgJson(ConnectorRecord connector, String org, String onboardingState) {
    ObjectNode properties = onboarding(onboardingState);
    properties.putObject("actionableRemediation").put("state",
        onboardingState.equals("NotOnboarded") ? "None" : "Enabled");
    return resource(connector, "azureDevOpsOrgs/" + org, org, "azureDevOpsOrgs", properties);
  }

  private static ObjectNode projectJson(ConnectorRecord connector, String org, String project) {
    ObjectNode properties = onboarded();
    properties.put("parentOrgName", org);
    properties.put("projectId", ArmSimJson.nameGuid("project:" + org + "/" + project));
    return resource(connector, "azureDevOpsOrgs/" + org + "/projects/" + project, project,
        "azureDevOpsOrgs/projects", properties);
  }

  private static ObjectNode repoJson(ConnectorRecord connector, String org, String project, String repo) {
    ObjectNode properties = onboarded();
    properties.put("parentOrgName", org);
    properties.put("parentProjectName", project);
    properties.put("repoId", ArmSimJson.nameGuid("repo:" + org + "/" + project + "/" + repo));
    properties.put("repoUrl", ("https://dev.azure.com/" + org + "/" + project + "/_git/" + repo).replace(" ", "%20"));
    properties.put("visibility", "private");
    return resource(connector, "azureDevOpsOrgs/" + org + "/projects/" + project + "/repos/" + repo, repo,
        "azureDevOpsOrgs/projects/repos", properties);
  }

  private static ObjectNode onboarded() {
    ObjectNode properties = onboarding("Onboarded");
    properties.putObject("actionableRemediation").put("state", "Enabled");
    return properties;
  }
}
