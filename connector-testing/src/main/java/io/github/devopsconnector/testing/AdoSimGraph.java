package io.github.devopsconnector.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The organization's groups and direct memberships. The user belongs to the Platform Team and, when the
 * estate says so, to the Project Collection Administrators directly, or through the Platform Team when the
 * membership is nested. Every group belongs to Project Collection Valid Users. The administrators come last
 * in the group list, so a client has to read every page to find them.
 */
final class AdoSimGraph {
  static final String PCA = "Project Collection Administrators";
  private static final String PCVU = "Project Collection Valid Users";
  private static final String TEAM = "Platform Team";
  private static final List<String> COLLECTION_GROUPS = List.of(PCVU, "Project Collection Build Administrators",
      "Project Collection Build Service Accounts", "Project Collection Service Accounts",
      "Project Collection Test Service Accounts", "Security Service Group", TEAM);
  private static final List<String> PROJECT_GROUPS = List.of("Project Administrators", "Contributors", "Readers");

  /** A group of an organization's graph. */
  record Group(String principalName, String descriptor, Map<String, Object> json) {}

  private final String base;
  final List<Group> groups;
  final Map<String, List<String>> up;

  AdoSimGraph(AdoSimOrg view, String base) {
    this.base = base;
    EstateOrganization org = view.org;
    String orgName = org.name().value();
    String collectionDomain = "vstfs:///Framework/IdentityDomain/" + org.id();
    List<Group> all = new ArrayList<>();
    Map<String, String> collection = new HashMap<>();
    for (String name : COLLECTION_GROUPS) {
      Group group = group(view, "[" + orgName + "]\\" + name, name, collectionDomain, view.collectionSid(name));
      collection.put(name, group.descriptor);
      all.add(group);
    }
    String firstContributors = null;
    for (EstateProject project : org.projects()) {
      String domain = "vstfs:///Classification/TeamProject/" + project.id();
      for (String name : PROJECT_GROUPS) {
        String seed = "project-group:" + project.id() + ":" + name;
        String sid = "S-1-9-1551374245-" + AdoSimIds.unsigned(seed, 0) + "-" + AdoSimIds.unsigned(seed, 1) + "-" + AdoSimIds.unsigned(seed, 2)
            + "-" + AdoSimIds.unsigned(seed, 3) + "-0-0-0-0-" + (PROJECT_GROUPS.indexOf(name) + 1);
        Group group = group(view, "[" + project.name() + "]\\" + name, name, domain, sid);
        all.add(group);
        if (firstContributors == null && name.equals("Contributors")) {
          firstContributors = group.descriptor;
        }
      }
    }
    Group pca = group(view, "[" + orgName + "]\\" + PCA, PCA, collectionDomain, view.collectionSid(PCA));
    all.add(pca);

    Map<String, List<String>> edges = new LinkedHashMap<>();
    String validUsers = collection.get(PCVU);
    for (Group group : all) {
      edges.put(group.descriptor, group.descriptor.equals(validUsers) ? List.of() : List.of(validUsers));
    }
    String team = collection.get(TEAM);
    boolean admin = org.projectCollectionAdministrator();
    boolean nested = admin && org.administratorThroughNestedGroup();
    if (nested) {
      edges.put(team, List.of(pca.descriptor, validUsers));
    }
    List<String> userUp = new ArrayList<>();
    if (admin && !nested) {
      userUp.add(pca.descriptor);
    }
    userUp.add(team);
    if (firstContributors != null) {
      userUp.add(firstContributors);
    }
    edges.put(view.subjectDescriptor, List.copyOf(userUp));
    this.groups = List.copyOf(all);
    this.up = Collections.unmodifiableMap(edges);
  }

  private Group group(AdoSimOrg view, String principalName, String displayName, String domain, String sid) {
    String descriptor = "vssgp." + AdoSimIds.base64Url(sid);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("subjectKind", "group");
    json.put("description", description(displayName));
    json.put("domain", domain);
    json.put("principalName", principalName);
    json.put("mailAddress", null);
    json.put("origin", "vsts");
    json.put("originId", AdoSimIds.uuid("origin:" + view.org.id() + ":" + principalName.toLowerCase(Locale.ROOT)));
    json.put("displayName", displayName);
    json.put("url", base + "/" + view.segment + "/_apis/Graph/Groups/" + descriptor);
    json.put("descriptor", descriptor);
    return new Group(principalName, descriptor, json);
  }

  private String description(String name) {
    switch (name) {
      case PCA:
        return "Members of this application group can perform all privileged operations on the Team Project "
            + "Collection.";
      case PCVU:
        return "This application group contains all users and groups that have access to resources in the Team "
            + "Project Collection.";
      case TEAM:
        return "The team that runs the engineering platform.";
      default:
        return "Members of the " + name + " group.";
    }
  }
}
