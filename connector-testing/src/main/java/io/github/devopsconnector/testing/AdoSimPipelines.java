package io.github.devopsconnector.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pipelines and build definitions of a project (Pipelines - List, Definitions - List), paged with opaque
 * continuation tokens.
 */
final class AdoSimPipelines {
  /** The page size of pipelines when the request gives none. */
  static final int PIPELINE_PAGE_SIZE = 100;

  private final AdoSimWorld world;
  private final Estate estate;
  private final String base;

  AdoSimPipelines(AdoSimWorld world) {
    this.world = world;
    this.estate = world.estate();
    this.base = world.base();
  }

  /**
   * {@code GET {org}/{project}/_apis/build/definitions}: the pipelines as build definition references (a YAML
   * pipeline is a build definition with the same id and name). {@code $top} and {@code continuationToken} page as
   * for pipelines; the REST reference documents no default page, so without {@code $top} the simulator uses the
   * pipelines' 100.
   */
  AdoSimReply buildDefinitions(AdoSimOrg org, String projectName, Map<String, String> query) {
    Optional<EstateProject> found = org.project(projectName);
    if (found.isEmpty()) {
      return AdoSimReply.projectMissing(projectName);
    }
    EstateProject project = found.get();
    Integer top = AdoSimIds.positiveInt(query, "$top");
    if (top == null && query.containsKey("$top")) {
      return AdoSimReply.badParameter("$top", query.get("$top"));
    }
    int size = top == null ? 100 : top;
    int start = 0;
    String token = query.get("continuationToken");
    if (token != null) {
      start = AdoSimIds.decodeToken("definitions", project.id(), token);
      if (start < 0) {
        return AdoSimReply.badParameter("continuationToken", token);
      }
    }
    List<EstatePipeline> pipelines = project.pipelines();
    int end = (int) Math.min((long) start + size, pipelines.size());
    List<Object> value = new ArrayList<>();
    for (int i = Math.min(start, pipelines.size()); i < end; i++) {
      EstatePipeline pipeline = pipelines.get(i);
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
    AdoSimReply reply = AdoSimReply.ok(AdoSimReply.collection(value));
    return end < pipelines.size() ? reply.withContinuation(AdoSimIds.encodeToken("definitions", project.id(), end)) : reply;
  }

  AdoSimReply pipelines(AdoSimOrg org, String projectName, Map<String, String> query) {
    Optional<EstateProject> found = org.project(projectName);
    if (found.isEmpty()) {
      return AdoSimReply.projectMissing(projectName);
    }
    EstateProject project = found.get();
    Integer top = AdoSimIds.positiveInt(query, "$top");
    if (top == null && query.containsKey("$top")) {
      return AdoSimReply.badParameter("$top", query.get("$top"));
    }
    int size = top == null ? PIPELINE_PAGE_SIZE : top;
    int start = 0;
    String token = query.get("continuationToken");
    if (token != null) {
      start = AdoSimIds.decodeToken("pipelines", project.id(), token);
      if (start < 0) {
        return AdoSimReply.badParameter("continuationToken", token);
      }
    }
    AdoSimReply stored = world.stored(AdoSimPages.pipelinesKey(org, project, start, size));
    return stored != null ? stored : pipelinesPage(org, project, start, size);
  }

  AdoSimReply pipelinesPage(AdoSimOrg org, EstateProject project, int start, int size) {
    List<EstatePipeline> pipelines = project.pipelines();
    int end = (int) Math.min((long) start + size, pipelines.size());
    List<Object> value = new ArrayList<>();
    for (int i = Math.min(start, pipelines.size()); i < end; i++) {
      EstatePipeline pipeline = pipelines.get(i);
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("id", pipeline.id());
      json.put("name", pipeline.name());
      json.put("folder", "\\");
      json.put("revision", 1);
      json.put("url", base + "/" + org.segment + "/" + project.id() + "/_apis/pipelines/" + pipeline.id()
          + "?revision=1");
      value.add(json);
    }
    AdoSimReply reply = AdoSimReply.ok(AdoSimReply.collection(value));
    return end < pipelines.size() ? reply.withContinuation(AdoSimIds.encodeToken("pipelines", project.id(), end)) : reply;
  }
}
