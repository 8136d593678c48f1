package io.github.devopsconnector.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Pipelines and build definitions of a project (Pipelines - List, Definitions - List), paged with {@code $top} and
 * opaque continuation tokens.
 */
final class AdoSimPipelines {
  /** The page size of pipelines when the request gives none. */
  static final int PIPELINE_PAGE_SIZE = 100;

  private final AdoSimWorld world;
  private final String base;

  AdoSimPipelines(AdoSimWorld world) {
    this.world = world;
    this.base = world.base();
  }

  /**
   * {@code GET {org}/{project}/_apis/build/definitions}: the pipelines as build definition references (a YAML
   * pipeline is a build definition with the same id and name). {@code $top} and {@code continuationToken} page as
   * for pipelines; the REST reference documents no default page, so without {@code $top} the simulator uses the
   * pipelines' 100.
   */
  AdoSimReply buildDefinitions(AdoSimOrg org, String projectName, Map<String, String> query) {
    return listing(org, projectName, query, "definitions", (project, start) -> {
      SimPage page = SimPage.of(project.pipelines().size(), start, requestedSize(query));
      List<Object> value = new ArrayList<>();
      for (EstatePipeline pipeline : page.items(project.pipelines())) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("quality", "definition");
        json.put("id", pipeline.id());
        json.put("name", pipeline.name());
        json.put("url", base + "/" + org.segment + "/" + project.id() + "/_apis/build/Definitions/" + pipeline.id()
            + "?revision=1");
        json.put("uri", "vstfs:///Build/Definition/" + pipeline.id());
        json.put("path", "\\");
        json.put("type", "build");
        json.put("queueStatus", "enabled");
        json.put("revision", 1);
        json.put("createdDate", AdoSimCatalog.TIMESTAMP);
        json.put("project", world.catalog.project(org, project, false));
        value.add(json);
      }
      return page(value, "definitions", project, page);
    });
  }

  AdoSimReply pipelines(AdoSimOrg org, String projectName, Map<String, String> query) {
    return listing(org, projectName, query, "pipelines", (project, start) -> {
      AdoSimReply stored = world.stored(AdoSimPages.pipelinesKey(org, project, start, requestedSize(query)));
      return stored != null ? stored : pipelinesPage(org, project, start, requestedSize(query));
    });
  }

  AdoSimReply pipelinesPage(AdoSimOrg org, EstateProject project, int start, int size) {
    SimPage page = SimPage.of(project.pipelines().size(), start, size);
    List<Object> value = new ArrayList<>();
    for (EstatePipeline pipeline : page.items(project.pipelines())) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("id", pipeline.id());
      json.put("name", pipeline.name());
      json.put("folder", "\\");
      json.put("revision", 1);
      json.put("url", base + "/" + org.segment + "/" + project.id() + "/_apis/pipelines/" + pipeline.id()
          + "?revision=1");
      value.add(json);
    }
    return page(value, "pipelines", project, page);
  }

  /** Answers with the project and the start its continuation token names, or the service's 404 or 400. */
  private static AdoSimReply listing(AdoSimOrg org, String projectName, Map<String, String> query, String kind,
      BiFunction<EstateProject, Integer, AdoSimReply> answer) {
    Optional<EstateProject> found = org.project(projectName);
    if (found.isEmpty()) {
      return AdoSimReply.projectMissing(projectName);
    }
    EstateProject project = found.get();
    if (AdoSimIds.positiveInt(query, "$top") == null && query.containsKey("$top")) {
      return AdoSimReply.badParameter("$top", query.get("$top"));
    }
    int start = 0;
    String token = query.get("continuationToken");
    if (token != null) {
      start = AdoSimIds.decodeToken(kind, project.id(), token);
      if (start < 0) {
        return AdoSimReply.badParameter("continuationToken", token);
      }
    }
    return answer.apply(project, start);
  }

  private static int requestedSize(Map<String, String> query) {
    Integer top = AdoSimIds.positiveInt(query, "$top");
    return top == null ? PIPELINE_PAGE_SIZE : top;
  }

  private static AdoSimReply page(List<Object> value, String kind, EstateProject project, SimPage page) {
    AdoSimReply reply = AdoSimReply.ok(AdoSimReply.collection(value));
    return page.hasNext() ? reply.withContinuation(AdoSimIds.encodeToken(kind, project.id(), page.to())) : reply;
  }
}
