package io.github.devopsconnector.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Projects and Git repositories of an organization (Projects - List and Get, Repositories - List), with the
 * service's paging of projects: {@code $top}, {@code $skip} and integer continuation tokens.
 */
final class AdoSimCatalog {
  /** The page of projects without {@code $top}; see {@link #projects}. */
  static final int DEFAULT_PROJECT_PAGE = 100;
  static final String TIMESTAMP = "2025-01-15T09:30:00.000Z";

  private final AdoSimWorld world;
  private final String base;

  AdoSimCatalog(AdoSimWorld world) {
    this.world = world;
    this.base = world.base();
  }

  AdoSimReply projects(AdoSimOrg org, Map<String, String> query) {
    List<EstateProject> projects = org.org.projects();
    Integer top = AdoSimIds.positiveInt(query, "$top");
    if (top == null && query.containsKey("$top")) {
      return AdoSimReply.badParameter("$top", query.get("$top"));
    }
    // Without $top the service returns 100 projects (MicrosoftDocs/vsts-rest-api-specs#275: "undocumented default
    // value of 100 results"); with $top it returns that many, with no documented cap (values "up to at least 1,000"
    // were tested against the service: expertasolutions/AzDo.VstsDashboard#158). An organization holds at most
    // 1000 projects (learn.microsoft.com/azure/devops/organizations/projects/about-projects). A cap is only an
    // option of the simulator, to make tests page.
    int size = top == null ? DEFAULT_PROJECT_PAGE : top;
    int projectPageCap = world.projectPageCap();
    if (projectPageCap > 0) {
      size = Math.min(size, projectPageCap);
    }
    int start;
    if (query.containsKey("continuationToken")) {
      start = AdoSimIds.nonNegativeInt(query.get("continuationToken"));
      if (start < 0) {
        return AdoSimReply.badParameter("continuationToken", query.get("continuationToken"));
      }
    } else if (query.containsKey("$skip")) {
      start = AdoSimIds.nonNegativeInt(query.get("$skip"));
      if (start < 0) {
        return AdoSimReply.badParameter("$skip", query.get("$skip"));
      }
    } else {
      start = 0;
    }
    AdoSimReply stored = world.stored(AdoSimPages.projectsKey(org, start, size));
    return stored != null ? stored : projectsPage(org, start, size);
  }

  AdoSimReply projectsPage(AdoSimOrg org, int start, int size) {
    List<EstateProject> projects = org.org.projects();
    SimPage page = SimPage.of(projects.size(), start, size);
    List<Object> value = new ArrayList<>();
    for (EstateProject project : page.items(projects)) {
      value.add(project(org, project, true));
    }
    AdoSimReply reply = AdoSimReply.ok(AdoSimReply.collection(value));
    return page.hasNext() ? reply.withContinuation(Integer.toString(page.to())) : reply;
  }

  /** {@code GET {org}/_apis/projects/{projectId}}: one project by id or name (Projects - Get). */
  AdoSimReply project(AdoSimOrg org, String idOrName) {
    Optional<EstateProject> project = org.project(idOrName);
    if (project.isEmpty()) {
      return AdoSimReply.projectMissing(idOrName);
    }
    Map<String, Object> json = project(org, project.get(), true);
    json.put("defaultTeam", Map.of("id", AdoSimIds.uuid("team:" + project.get().id()), "name", project.get().name() + " Team",
        "url", base + "/" + org.segment + "/_apis/projects/" + project.get().id() + "/teams/"
            + AdoSimIds.uuid("team:" + project.get().id())));
    return AdoSimReply.ok(json);
  }

  AdoSimReply repositories(AdoSimOrg org) {
    AdoSimReply stored = world.stored(AdoSimPages.repositoriesKey(org));
    return stored != null ? stored : repositoryListing(org);
  }

  AdoSimReply repositoryListing(AdoSimOrg org) {
    List<Object> value = new ArrayList<>();
    for (EstateProject project : org.org.projects()) {
      for (EstateRepository repository : project.repositories()) {
        value.add(repository(org, project, repository));
      }
    }
    return AdoSimReply.ok(AdoSimReply.collection(value));
  }

  AdoSimReply repositories(AdoSimOrg org, String projectName) {
    Optional<EstateProject> project = org.project(projectName);
    if (project.isEmpty()) {
      return AdoSimReply.projectMissing(projectName);
    }
    List<Object> value = new ArrayList<>();
    for (EstateRepository repository : project.get().repositories()) {
      value.add(repository(org, project.get(), repository));
    }
    return AdoSimReply.ok(AdoSimReply.collection(value));
  }

  Map<String, Object> project(AdoSimOrg org, EstateProject project, boolean full) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", project.id());
    json.put("name", project.name());
    json.put("url", base + "/" + org.segment + "/_apis/projects/" + project.id());
    json.put("state", "wellFormed");
    json.put("revision", 400 + Math.floorMod(project.id().hashCode(), 600));
    json.put("visibility", "private");
    json.put("lastUpdateTime", TIMESTAMP);
    if (!full) {
      json.remove("lastUpdateTime");
    }
    return json;
  }

  private Map<String, Object> repository(AdoSimOrg org, EstateProject project, EstateRepository repository) {
    String remote = base + "/" + org.segment + "/" + AdoSimIds.segment(project.name()) + "/_git/" + AdoSimIds.segment(repository.name());
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", repository.id());
    json.put("name", repository.name());
    json.put("url", base + "/" + org.segment + "/" + project.id() + "/_apis/git/repositories/" + repository.id());
    json.put("project", project(org, project, false));
    repository.defaultBranch().ifPresent(branch -> json.put("defaultBranch", branch));
    json.put("size", repository.defaultBranch().isPresent()
        ? 1024 + Math.floorMod(repository.id().hashCode(), 4_000_000) : 0);
    json.put("remoteUrl", remote);
    json.put("webUrl", remote);
    json.put("isDisabled", false);
    json.put("isInMaintenance", false);
    return json;
  }
}
