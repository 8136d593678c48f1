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
 * What a GitHub connector onboarded: {@code gitHubOwners[/{owner}]}, {@code gitHubOwners/{owner}/repos[/{repo}]},
 * and {@code POST listAvailableGitHubOwners} with each owner's {@code onboardingState} (GitHubOwners_List,
 * GitHubRepos_List and GitHubOwners_ListAvailable of the 2024-04-01 specification; the properties are those of
 * GitHubOwnerProperties and GitHubRepositoryProperties).
 */
final class ArmSimGitHub {

  private static final String OWNER_TYPE = "Microsoft.Security/securityConnectors/devops/gitHubOwners";

  private final ArmSimState state;

  ArmSimGitHub(ArmSimState state) {
    this.state = state;
  }

  Response listAvailable(Request request) {
    ConnectorRecord connector = state.connector(request);
    if (connector == null || connector.devOps == null || !connector.gitHub()) {
      return ArmSimDevOps.notFound(request);
    }
    if (!request.identity().equals(connector.devOps.authorizingIdentity)) {
      return ArmSimJson.error(401, "Unauthorized", "The caller is not the identity that authorized this connector's "
          + "access to GitHub, so the owners it can reach cannot be listed.");
    }
    List<JsonNode> items = new ArrayList<>();
    for (ArmSimulatorGitHubOwner owner : state.options.gitHubOwners()) {
      items.add(ownerJson(connector, owner.name(), onboardingState(connector, owner)));
    }
    return ArmSimJson.page(request, items, state.options.pageSize());
  }

  Response read(Request request, Route route) {
    Optional<Response> denied = state.authorize(request, ArmSimState.READ);
    if (denied.isPresent()) {
      return denied.get();
    }
    ConnectorRecord connector = state.connector(request);
    if (connector == null || connector.devOps == null || !connector.gitHub()) {
      return ArmSimDevOps.notFound(request);
    }
    List<ArmSimulatorGitHubOwner> onboarded = new ArrayList<>();
    for (ArmSimulatorGitHubOwner owner : state.options.gitHubOwners()) {
      if (onboardingState(connector, owner).equals("Onboarded")) {
        onboarded.add(owner);
      }
    }
    int size = request.segments().size();
    if (route == Route.GITHUB_OWNERS) {
      if (size == 11) {
        List<JsonNode> items = new ArrayList<>();
        onboarded.forEach(o -> items.add(ownerJson(connector, o.name(), "Onboarded")));
        return ArmSimJson.page(request, items, state.options.pageSize());
      }
      return find(onboarded, request.segment(11)).<Response>map(o -> new Response(200,
          ownerJson(connector, o.name(), "Onboarded"))).orElseGet(() -> notOnboarded("owner", request.segment(11)));
    }
    Optional<ArmSimulatorGitHubOwner> owner = find(onboarded, request.segment(11));
    if (owner.isEmpty()) {
      return notOnboarded("owner", request.segment(11));
    }
    String login = owner.get().name();
    if (size == 13) {
      List<JsonNode> items = new ArrayList<>();
      owner.get().repositories().forEach(r -> items.add(repoJson(connector, login, r)));
      return ArmSimJson.page(request, items, state.options.pageSize());
    }
    return owner.get().repositories().stream().filter(r -> r.equalsIgnoreCase(request.segment(13))).findFirst()
        .<Response>map(r -> new Response(200, repoJson(connector, login, r)))
        .orElseGet(() -> notOnboarded("repository", request.segment(13)));
  }

  private static Optional<ArmSimulatorGitHubOwner> find(List<ArmSimulatorGitHubOwner> owners, String name) {
    return owners.stream().filter(o -> o.name().equalsIgnoreCase(name)).findFirst();
  }

  private static Response notOnboarded(String what, String name) {
    return ArmSimJson.error(404, "ResourceNotFound", "The GitHub " + what + " '" + name + "' is not onboarded to "
        + "this connector.");
  }

  /** As for Azure DevOps organizations, among the GitHub connectors only. */
  private String onboardingState(ConnectorRecord connector, ArmSimulatorGitHubOwner owner) {
    if (owner.onboardedByOtherConnector()) {
      return "OnboardedByOtherConnector";
    }
    for (ConnectorRecord candidate : state.connectors.values()) {
      if (candidate.gitHub() && candidate.selects(owner.name())) {
        return candidate == connector ? "Onboarded" : "OnboardedByOtherConnector";
      }
    }
    return "NotOnboarded";
  }

  private static ObjectNode ownerJson(ConnectorRecord connector, String owner, String onboardingState) {
    ObjectNode json = ArmSimJson.JSON.createObjectNode();
    ObjectNode properties = json.putObject("properties");
    properties.put("ownerUrl", "https://github.com/" + owner);
    properties.put("gitHubInternalId", ArmSimJson.nameGuid("github-owner:" + owner.toLowerCase(java.util.Locale.ROOT)));
    properties.put("onboardingState", onboardingState);
    if (!onboardingState.equals("NotOnboarded")) {
      properties.put("provisioningState", "Succeeded");
    }
    json.put("id", connector.resourceId() + "/devops/default/gitHubOwners/" + owner);
    json.put("name", owner);
    json.put("type", OWNER_TYPE);
    return json;
  }

  private static ObjectNode repoJson(ConnectorRecord connector, String owner, String repo) {
    ObjectNode json = ArmSimJson.JSON.createObjectNode();
    ObjectNode properties = json.putObject("properties");
    properties.put("repoId", String.valueOf(Math.abs((owner + "/" + repo).toLowerCase(java.util.Locale.ROOT)
        .hashCode())));
    properties.put("repoName", repo);
    properties.put("repoFullName", owner + "/" + repo);
    properties.put("repoUrl", "https://github.com/" + owner + "/" + repo);
    properties.put("parentOwnerName", owner);
    properties.put("onboardingState", "Onboarded");
    properties.put("provisioningState", "Succeeded");
    json.put("id", connector.resourceId() + "/devops/default/gitHubOwners/" + owner + "/repos/" + repo);
    json.put("name", repo);
    json.put("type", OWNER_TYPE + "/repos");
    return json;
  }
}
