package io.github.devopsconnector.examples.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsProject;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsRepository;
import io.github.devopsconnector.core.discovery.DiscoveredPipeline;
import io.github.devopsconnector.core.discovery.DiscoveryTotals;
import io.github.devopsconnector.core.discovery.Inventory;
import io.github.devopsconnector.core.discovery.OrganizationInventory;
import io.github.devopsconnector.core.discovery.OrganizationOutcome;
import io.github.devopsconnector.core.discovery.OrganizationPreflight;
import io.github.devopsconnector.examples.console.Printable;
import io.github.devopsconnector.examples.console.TextTable;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints an {@link Inventory} as text or JSON. */
final class DiscoveryOutput {

  private DiscoveryOutput() {}

  /**
   * JSON: {@code {"organizations":[{"name","id","status","projects":[{"id","name","repositories":[{"id","name",
   * "url","defaultBranch"}],"pipelines":[{"id","name","folder"}]}],"findings":[...],"error"?,"onboardable"?,
   * "notOnboardableBecause"?:[...]}],"totals":{...},"onboardable"?:{...},"requests"}}; the onboarding fields when the
   * discovery checked onboarding.
   */
  static void json(PrintStream out, Inventory inventory) {
    JsonOutput.print(out, json -> {
      json.writeStartObject();
      json.writeArrayFieldStart("organizations");
      for (OrganizationInventory organization : inventory.organizations()) {
        organization(json, organization);
      }
      json.writeEndArray();
      DiscoveryTotals totals = inventory.totals();
      json.writeObjectFieldStart("totals");
      json.writeNumberField("organizations", totals.organizations());
      json.writeNumberField("projects", totals.projects());
      json.writeNumberField("repositories", totals.repositories());
      json.writeNumberField("pipelines", totals.pipelines());
      json.writeNumberField("throttledRequests", totals.throttledRequests());
      json.writeEndObject();
      if (inventory.onboardable().isPresent()) {
        DiscoveryTotals seen = inventory.onboardable().get();
        json.writeObjectFieldStart("onboardable");
        json.writeNumberField("organizations", seen.organizations());
        json.writeNumberField("projects", seen.projects());
        json.writeNumberField("repositories", seen.repositories());
        json.writeNumberField("pipelines", seen.pipelines());
        json.writeEndObject();
      }
      json.writeNumberField("requests", totals.requests());
      json.writeEndObject();
    });
  }

  private static void organization(JsonGenerator json, OrganizationInventory organization) throws IOException {
    OrganizationOutcome outcome = organization.outcome();
    json.writeStartObject();
    json.writeStringField("name", outcome.organization().value());
    json.writeStringField("id", outcome.id().orElse(null));
    json.writeStringField("status", outcome.status().name());
    json.writeArrayFieldStart("projects");
    for (ProjectItems project : byProject(organization)) {
      json.writeStartObject();
      json.writeStringField("id", project.id);
      json.writeStringField("name", project.name);
      json.writeArrayFieldStart("repositories");
      for (AzureDevOpsRepository repository : project.repositories) {
        json.writeStartObject();
        json.writeStringField("id", repository.id());
        json.writeStringField("name", repository.name());
        json.writeStringField("url", repository.url());
        json.writeStringField("defaultBranch", repository.defaultBranch().orElse(null));
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("pipelines");
      for (DiscoveredPipeline pipeline : project.pipelines) {
        json.writeStartObject();
        json.writeNumberField("id", pipeline.id());
        json.writeStringField("name", pipeline.name());
        json.writeStringField("folder", pipeline.folder());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndArray();
    JsonOutput.findings(json, "findings", outcome.findings());
    if (outcome.error().isPresent()) {
      JsonOutput.error(json, "error", outcome.error().get());
    }
    if (outcome.onboardable().isPresent()) {
      json.writeBooleanField("onboardable", outcome.onboardable().get());
      JsonOutput.findings(json, "notOnboardableBecause", outcome.notOnboardableBecause());
      OrganizationPreflight check = outcome.onboarding().get();
      if (check.error().isPresent() && outcome.error().isEmpty()) {
        JsonOutput.error(json, "onboardingCheckError", check.error().get());
      }
    }
    json.writeEndObject();
  }

  /** An organization's repositories and pipelines under their projects, in the inventory's order. */
  private static List<ProjectItems> byProject(OrganizationInventory organization) {
    Map<String, ProjectItems> projects = new LinkedHashMap<>();
    for (AzureDevOpsProject project : organization.projects()) {
      projects.put(project.id(), new ProjectItems(project.id(), project.name()));
    }
    for (AzureDevOpsRepository repository : organization.repositories()) {
      projects.computeIfAbsent(repository.projectId(), id -> new ProjectItems(id, repository.projectName()))
          .repositories.add(repository);
    }
    for (DiscoveredPipeline pipeline : organization.pipelines()) {
      projects.computeIfAbsent(pipeline.projectId(), id -> new ProjectItems(id, pipeline.projectName()))
          .pipelines.add(pipeline);
    }
    return new ArrayList<>(projects.values());
  }

  /** Text: a summary, a table of organizations with their status and counts, and the totals. */
  static void text(PrintStream out, Inventory inventory, String source) {
    DiscoveryTotals totals = inventory.totals();
    out.println("Discovery of " + Printable.line(source) + ":");
    if (inventory.organizations().isEmpty()) {
      out.println("The signed-in user belongs to no organization.");
    } else {
      out.println();
      boolean checked = inventory.onboardable().isPresent();
      TextTable table = checked
          ? TextTable.of("ORGANIZATION", "STATUS", "ONBOARDABLE", "PROJECTS", "REPOSITORIES", "PIPELINES", "NOTE")
              .alignRight(3, 4, 5)
          : TextTable.of("ORGANIZATION", "STATUS", "PROJECTS", "REPOSITORIES", "PIPELINES", "NOTE")
              .alignRight(2, 3, 4);
      for (OrganizationInventory organization : inventory.organizations()) {
        OrganizationOutcome outcome = organization.outcome();
        String note = outcome.error().map(Object::toString)
            .orElse(outcome.findings().isEmpty() ? "" : outcome.findings().get(0).message());
        if (note.isEmpty() && !outcome.notOnboardableBecause().isEmpty()) {
          note = outcome.notOnboardableBecause().stream().map(f -> f.code().name())
              .collect(java.util.stream.Collectors.joining(", "));
        } else if (note.isEmpty()) {
          note = outcome.onboarding().flatMap(OrganizationPreflight::error)
              .map(e -> "onboarding not checked: " + e).orElse("");
        }
        List<String> cells = new ArrayList<>(List.of(outcome.organization().value(), outcome.status().name()));
        if (checked) {
          cells.add(outcome.onboardable().orElse(false) ? "yes" : "no");
        }
        cells.addAll(List.of(Integer.toString(outcome.projectCount()), Integer.toString(outcome.repositoryCount()),
            Integer.toString(outcome.pipelineCount()), note));
        table.row(cells.toArray(new String[0]));
      }
      table.print(out);
    }
    out.println();
    out.println("Totals: " + totals.organizations() + " organizations, " + totals.projects() + " projects, "
        + totals.repositories() + " repositories, " + totals.pipelines() + " pipelines; " + totals.requests()
        + " requests (" + totals.throttledRequests() + " throttled).");
    inventory.onboardable().ifPresent(seen -> out.println("The connector would onboard: " + seen.organizations()
        + " organizations, " + seen.projects() + " projects, " + seen.repositories() + " repositories, "
        + seen.pipelines() + " pipelines."));
  }

  /** One project's items. */
  private static final class ProjectItems {
    final String id;
    final String name;
    final List<AzureDevOpsRepository> repositories = new ArrayList<>();
    final List<DiscoveredPipeline> pipelines = new ArrayList<>();

    ProjectItems(String id, String name) {
      this.id = id;
      this.name = name;
    }
  }
}
