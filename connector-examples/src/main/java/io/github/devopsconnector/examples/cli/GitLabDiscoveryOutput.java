package io.github.devopsconnector.examples.cli;

import io.github.devopsconnector.core.discovery.GitLabGroupInventory;
import io.github.devopsconnector.core.discovery.GitLabInventory;
import io.github.devopsconnector.core.gitlab.GitLabProject;
import java.io.PrintStream;

/**
 * Prints a {@link GitLabInventory} as text or JSON, in the shapes of {@link DiscoveryOutput}: an organization is a
 * top-level group ({@code name} is its path), and each project of its tree is listed under {@code repositories}.
 */
final class GitLabDiscoveryOutput {

  private static final AccountDiscoveryOutput<GitLabGroupInventory> OUTPUT = new AccountDiscoveryOutput<>(
      GitLabGroupInventory::outcome, g -> g.projects().stream().filter(GitLabProject::archived).count(), "group");

  private GitLabDiscoveryOutput() {}

  /**
   * JSON: {@code {"organizations":[{"name","status","repositories":[{"id","path","name","archived"}],
   * "findings":[...],"error"?,"onboardable","notOnboardableBecause":[...]}],"totals":{"organizations",
   * "repositories","throttledRequests"},"onboardable":{"organizations","repositories"},"requests"}}, where a
   * repository's {@code path} is the project's full path ({@code group/subgroup/project}).
   */
  static void json(PrintStream out, GitLabInventory inventory) {
    OUTPUT.json(out, inventory.groups(), inventory.totals(), inventory.onboardable(), (json, group) -> {
      json.writeArrayFieldStart("repositories");
      for (GitLabProject project : group.projects()) {
        json.writeStartObject();
        json.writeNumberField("id", project.id());
        json.writeStringField("path", project.fullPath());
        json.writeStringField("name", project.name());
        json.writeBooleanField("archived", project.archived());
        json.writeEndObject();
      }
      json.writeEndArray();
    });
  }

  /** Text: a table of top-level groups with their status, projects and what keeps them from being onboarded. */
  static void text(PrintStream out, GitLabInventory inventory, String source) {
    OUTPUT.text(out, source, inventory.groups(), inventory.totals(), inventory.onboardable(),
        "The signed-in user belongs to no GitLab group.", "projects");
  }
}
