package io.github.devopsconnector.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The organization's graph: groups (Groups - List, by scope and subject type, paged), membership checks and
 * memberships up and down (Memberships - Check, List).
 */
final class AdoSimGroups {

  private final AdoSimWorld world;
  private final String base;

  AdoSimGroups(AdoSimWorld world) {
    this.world = world;
    this.base = world.base();
  }

  /** The organization or project id a scope descriptor names, or null. */
  private static String scopeIdOf(AdoSimOrg org, String descriptor) {
    if (descriptor.equals(AdoSimIdentities.scopeDescriptor(org.org.id()))) {
      return org.org.id().toLowerCase(Locale.ROOT);
    }
    for (EstateProject project : org.org.projects()) {
      if (descriptor.equals(AdoSimIdentities.scopeDescriptor(project.id()))) {
        return project.id().toLowerCase(Locale.ROOT);
      }
    }
    return null;
  }

  /**
   * {@code GET {org}/_apis/graph/groups}: the groups of the organization, collection and project groups alike,
   * filtered by the {@code scopeDescriptor} ("Specify a non-default scope (collection, project) to search for
   * groups") and {@code subjectTypes} (descriptor prefixes such as {@code vssgp}) the REST reference (Groups - List)
   * documents. An unknown scope descriptor is a {@code 400}.
   */
  AdoSimReply groups(AdoSimOrg org, Map<String, String> query) {
    String scope = query.get("scopeDescriptor");
    String scopeId = null;
    if (scope != null) {
      scopeId = scopeIdOf(org, scope);
      if (scopeId == null) {
        return AdoSimReply.badParameter("scopeDescriptor", scope);
      }
    }
    List<String> types = new ArrayList<>();
    if (query.containsKey("subjectTypes")) {
      for (String type : query.get("subjectTypes").split(",")) {
        if (!type.isBlank()) {
          types.add(type.trim().toLowerCase(Locale.ROOT));
        }
      }
    }
    List<AdoSimGraph.Group> groups = new ArrayList<>();
    for (AdoSimGraph.Group group : org.groups()) {
      String domain = String.valueOf(group.json().get("domain"));
      boolean inScope = scopeId == null || domain.toLowerCase(Locale.ROOT).endsWith("/" + scopeId);
      boolean ofType = types.isEmpty() || types.contains(group.descriptor().substring(0,
          group.descriptor().indexOf('.')).toLowerCase(Locale.ROOT));
      if (inScope && ofType) {
        groups.add(group);
      }
    }
    String listKey = org.org.id() + "~" + (scope == null ? "" : scope) + "~" + String.join("+", types);
    int start = 0;
    String token = query.get("continuationToken");
    if (token != null) {
      start = AdoSimIds.decodeToken("groups", listKey, token);
      if (start < 0) {
        return AdoSimReply.badParameter("continuationToken", token);
      }
    }
    SimPage page = SimPage.of(groups.size(), start, world.groupPageSize());
    List<Object> value = new ArrayList<>();
    page.items(groups).forEach(group -> value.add(group.json()));
    AdoSimReply reply = AdoSimReply.ok(AdoSimReply.collection(value));
    return page.hasNext() ? reply.withContinuation(AdoSimIds.encodeToken("groups", listKey, page.to())) : reply;
  }

  AdoSimReply membershipCheck(AdoSimOrg org, String subject, String container) {
    List<String> up = org.edgesUp().get(subject);
    return AdoSimReply.status(up != null && up.contains(container) ? 200 : 404);
  }

  AdoSimReply memberships(AdoSimOrg org, String subject, Map<String, String> query) {
    String direction = query.getOrDefault("direction", "up").toLowerCase(Locale.ROOT);
    if (!direction.equals("up") && !direction.equals("down") && !direction.equals("unknown")) {
      return AdoSimReply.badParameter("direction", query.get("direction"));
    }
    Map<String, List<String>> up = org.edgesUp();
    if (!up.containsKey(subject)) {
      return AdoSimReply.error(404, "VS860018: The subject with descriptor '" + subject + "' could not be found.",
          "Microsoft.VisualStudio.Services.Graph.GraphSubjectNotFoundException, Microsoft.VisualStudio.Services.WebApi",
          "GraphSubjectNotFoundException");
    }
    List<Object> value = new ArrayList<>();
    if (direction.equals("down")) {
      for (Map.Entry<String, List<String>> edge : up.entrySet()) {
        if (edge.getValue().contains(subject)) {
          value.add(membership(org, edge.getKey(), subject));
        }
      }
    } else {
      for (String container : up.get(subject)) {
        value.add(membership(org, subject, container));
      }
    }
    return AdoSimReply.ok(AdoSimReply.collection(value));
  }

  private Map<String, Object> membership(AdoSimOrg org, String member, String container) {
    Map<String, Object> json = new LinkedHashMap<>();
    String graph = base + "/" + org.segment + "/_apis/Graph/";
    Map<String, Object> links = new LinkedHashMap<>();
    links.put("self", Map.of("href", graph + "Memberships/" + member + "/" + container));
    links.put("member", Map.of("href", graph + "Subjects/" + member));
    links.put("container", Map.of("href", graph + "Subjects/" + container));
    json.put("_links", links);
    json.put("containerDescriptor", container);
    json.put("memberDescriptor", member);
    return json;
  }
}
