package io.github.devopsconnector.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.devopsconnector.testing.ArmSimState.ConnectorRecord;
import io.github.devopsconnector.testing.ArmSimulator.Route;
import io.github.devopsconnector.testing.ArmSimulatorExchange.Request;
import io.github.devopsconnector.testing.ArmSimulatorExchange.Response;
import java.util.Locale;

/**
 * What a GitHub connector onboarded: {@code gitHubOwners[/{owner}]}, {@code gitHubOwners/{owner}/repos[/{repo}]},
 * and {@code POST listAvailableGitHubOwners} with each owner's {@code onboardingState} (GitHubOwners_List,
 * GitHubRepos_List and GitHubOwners_ListAvailable of the 2024-04-01 specification; the properties are those of
 * GitHubOwnerProperties and GitHubRepositoryProperties).
 */
final class ArmSimGitHub extends ArmSimTopLevels<ArmSimulatorGitHubOwner> {

  ArmSimGitHub(ArmSimState state) {
    super(state, Route.GITHUB_OWNERS, "Github", "GitHub", "owner", ArmSimulatorOptions::gitHubOwners,
        ArmSimulatorGitHubOwner::name, (options, owner) -> owner.onboardedByOtherConnector());
  }

  @Override
  ObjectNode topLevelJson(ConnectorRecord connector, String owner, String onboardingState) {
    return ownerJson(connector, owner, onboardingState);
  }

  @Override
  Response readBelow(Request request, Route route, ConnectorRecord connector, ArmSimulatorGitHubOwner owner) {
    return listOrOne(request, 13, "repository", owner.repositories(), r -> repoJson(connector, owner.name(), r));
  }

  private static ObjectNode ownerJson(ConnectorRecord connector, String owner, String onboardingState) {
    ObjectNode properties = onboarding(onboardingState);
    properties.put("ownerUrl", "https://github.com/" + owner);
    properties.put("gitHubInternalId", ArmSimJson.nameGuid("github-owner:" + owner.toLowerCase(Locale.ROOT)));
    return resource(connector, "gitHubOwners/" + owner, owner, "gitHubOwners", properties);
  }

  private static ObjectNode repoJson(ConnectorRecord connector, String owner, String repo) {
    ObjectNode properties = onboarding("Onboarded");
    properties.put("repoId", String.valueOf(Math.abs((owner + "/" + repo).toLowerCase(Locale.ROOT).hashCode())));
    properties.put("repoName", repo);
    properties.put("repoFullName", owner + "/" + repo);
    properties.put("repoUrl", "https://github.com/" + owner + "/" + repo);
    properties.put("parentOwnerName", owner);
    return resource(connector, "gitHubOwners/" + owner + "/repos/" + repo, repo, "gitHubOwners/repos", properties);
  }
}
