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
 * What a GitLab connector onboarded, as securityConnectorsDevOps.json (2024-04-01, 2025-03-01) describes it:
 * <ul>
 *   <li>{@code POST listAvailableGitLabGroups} (GitLabGroups_ListAvailable, "all GitLab groups accessible by the
 *       user token"): every top-level group of {@link ArmSimulatorOptions#gitLabGroups()} with its
 *       {@code onboardingState}, each followed by its nested subgroups, as the ListAvailableGitLabGroups example
 *       lists {@code myGitLabGroup$mySubGroup} beside {@code myGitLabGroup}. A subgroup is {@code Onboarded} with
 *       its top-level group and {@code NotOnboarded} otherwise: the specification's OnboardingState says
 *       {@code OnboardedByOtherConnector} "is only applicable to top-level resources";</li>
 *   <li>{@code GET gitLabGroups[/{groupFQName}]} (GitLabGroups_List, GitLabGroups_Get): the onboarded groups and
 *       their subgroups, as the ListGitLabGroups example lists a subgroup;</li>
 *   <li>{@code POST gitLabGroups/{groupFQName}/listSubgroups} (GitLabSubgroups_List, "nested subgroups of given
 *       GitLab Group which are onboarded to the connector"): every subgroup below the group, at any depth;</li>
 *   <li>{@code GET gitLabGroups/{groupFQName}/projects[/{projectName}]} (GitLabProjects_List, "projects that are
 *       directly owned by given group").</li>
 * </ul>
 * A fully qualified name joins the namespaces with {@code $} and the friendly name with {@code /}
 * (GitLabGroupProperties, GitLabProjectProperties); URLs are those of GitLab SaaS, {@code https://gitlab.com/}.
 */
final class ArmSimGitLab extends ArmSimTopLevels<GitLabEstateGroup> {

  private static final String URL = "https://gitlab.com/";

  ArmSimGitLab(ArmSimState state) {
    super(state, Route.GITLAB_GROUPS, "GitLab", "GitLab", "group", ArmSimulatorOptions::gitLabGroups,
        group -> group.path().value(), (options, group) -> options.gitLabGroupsOnboardedElsewhere().stream()
            .anyMatch(group.path().value()::equalsIgnoreCase));
  }

  @Override
  ObjectNode topLevelJson(ConnectorRecord connector, String group, String onboardingState) {
    return groupJson(connector, new Node(group, group, List.of(), List.of()), onboardingState);
  }

  /** Not used: {@link #read(Request, Route, ConnectorRecord, List)} serves every GitLab route by fully qualified name. */
  @Override
  Response readBelow(Request request, Route route, ConnectorRecord connector, GitLabEstateGroup parent) {
    return read(request, route, connector, List.of(parent));
  }

  @Override
  List<JsonNode> available(ConnectorRecord connector, GitLabEstateGroup group, String onboardingState) {
    List<JsonNode> items = new ArrayList<>();
    String subgroupState = onboardingState.equals("Onboarded") ? "Onboarded" : "NotOnboarded";
    for (Node node : Node.tree(group)) {
      items.add(groupJson(connector, node, node.topLevel() ? onboardingState : subgroupState));
    }
    return items;
  }

  @Override
  Response read(Request request, Route route, ConnectorRecord connector, List<GitLabEstateGroup> onboarded) {
    List<Node> groups = new ArrayList<>();
    onboarded.forEach(group -> groups.addAll(Node.tree(group)));
    if (route == Route.GITLAB_GROUPS && request.segments().size() == 11) {
      return page(request, json(connector, groups));
    }
    Optional<Node> group = groups.stream().filter(g -> g.fullyQualifiedName.equalsIgnoreCase(request.segment(11)))
        .findFirst();
    if (group.isEmpty()) {
      return notOnboarded("group", request.segment(11));
    }
    Node node = group.get();
    if (route == Route.GITLAB_GROUPS) {
      return new Response(200, groupJson(connector, node, "Onboarded"));
    }
    if (route == Route.GITLAB_SUBGROUPS) {
      List<Node> below = new ArrayList<>(Node.tree(node));
      below.remove(0);
      return page(request, json(connector, below));
    }
    List<String> projects = new ArrayList<>();
    node.projects.forEach(project -> projects.add(project.path()));
    return listOrOne(request, 13, "project", projects, project -> projectJson(connector, node, project));
  }

  private List<JsonNode> json(ConnectorRecord connector, List<Node> groups) {
    List<JsonNode> items = new ArrayList<>();
    groups.forEach(group -> items.add(groupJson(connector, group, "Onboarded")));
    return items;
  }

  private static ObjectNode groupJson(ConnectorRecord connector, Node group, String onboardingState) {
    ObjectNode properties = onboarding(onboardingState);
    properties.put("fullyQualifiedName", group.fullyQualifiedName);
    properties.put("fullyQualifiedFriendlyName", group.friendlyName);
    properties.put("url", URL + group.friendlyName);
    return resource(connector, "gitLabGroups/" + group.fullyQualifiedName, group.fullyQualifiedName, "gitLabGroups",
        properties);
  }

  private static ObjectNode projectJson(ConnectorRecord connector, Node group, String project) {
    ObjectNode properties = onboarding("Onboarded");
    properties.put("fullyQualifiedName", group.fullyQualifiedName + "$" + project);
    properties.put("fullyQualifiedFriendlyName", group.friendlyName + "/" + project);
    properties.put("fullyQualifiedParentGroupName", group.fullyQualifiedName);
    properties.put("url", URL + group.friendlyName + "/" + project);
    return resource(connector, "gitLabGroups/" + group.fullyQualifiedName + "/projects/" + project, project,
        "gitLabGroups/projects", properties);
  }

  /** A group of a tree: its names, its own projects and its direct subgroups. */
  private static final class Node {
    final String fullyQualifiedName;
    final String friendlyName;
    final List<GitLabEstateProject> projects;
    final List<GitLabEstateSubgroup> subgroups;

    private Node(String fullyQualifiedName, String friendlyName, List<GitLabEstateProject> projects,
        List<GitLabEstateSubgroup> subgroups) {
      this.fullyQualifiedName = fullyQualifiedName;
      this.friendlyName = friendlyName;
      this.projects = projects;
      this.subgroups = subgroups;
    }

    boolean topLevel() {
      return fullyQualifiedName.indexOf('$') < 0;
    }

    /** The top-level group and every subgroup below it, depth first. */
    static List<Node> tree(GitLabEstateGroup group) {
      return tree(new Node(group.path().value(), group.path().value(), group.projects(), group.subgroups()));
    }

    /** The group and every subgroup below it, depth first. */
    static List<Node> tree(Node root) {
      List<Node> all = new ArrayList<>();
      all.add(root);
      for (GitLabEstateSubgroup child : root.subgroups) {
        all.addAll(tree(new Node(root.fullyQualifiedName + "$" + child.path(), root.friendlyName + "/" + child.path(),
            child.projects(), child.subgroups())));
      }
      return all;
    }
  }
}
