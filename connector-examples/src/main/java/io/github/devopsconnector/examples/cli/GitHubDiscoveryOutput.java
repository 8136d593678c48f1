package io.github.devopsconnector.examples.cli;

import io.github.devopsconnector.core.discovery.GitHubInventory;
import io.github.devopsconnector.core.discovery.GitHubOwnerInventory;
import io.github.devopsconnector.core.github.GitHubRepository;
import java.io.PrintStream;

/** Prints a {@link GitHubInventory} as text or JSON, in the shapes of {@link DiscoveryOutput}. */
final class GitHubDiscoveryOutput {

  private static final AccountDiscoveryOutput<GitHubOwnerInventory> OUTPUT = new AccountDiscoveryOutput<>(
      GitHubOwnerInventory::outcome, o -> o.repositories().stream().filter(GitHubRepository::archived).count(),
      "owner");

  private GitHubDiscoveryOutput() {}

  /**
   * JSON: {@code {"organizations":[{"name","status","installation"?:{"id","repositorySelection"},
   * "repositories":[{"id","name","private","archived"}],"findings":[...],"error"?,"onboardable",
   * "notOnboardableBecause":[...]}],"totals":{"organizations","repositories","throttledRequests"},
   * "onboardable":{"organizations","repositories"},"requests"}}.
   */
  static void json(PrintStream out, GitHubInventory inventory) {
    OUTPUT.json(out, inventory.owners(), inventory.totals(), inventory.onboardable(), (json, owner) -> {
      if (owner.installation().isPresent()) {
        json.writeObjectFieldStart("installation");
        json.writeNumberField("id", owner.installation().get().id());
        json.writeStringField("repositorySelection", owner.installation().get().repositorySelection().name());
        json.writeEndObject();
      }
      json.writeArrayFieldStart("repositories");
      for (GitHubRepository repository : owner.repositories()) {
        json.writeStartObject();
        json.writeNumberField("id", repository.id());
        json.writeStringField("name", repository.name());
        json.writeBooleanField("private", repository.isPrivate());
        json.writeBooleanField("archived", repository.archived());
        json.writeEndObject();
      }
      json.writeEndArray();
    });
  }

  /** Text: a table of owners with their status, repositories and what keeps them from being onboarded. */
  static void text(PrintStream out, GitHubInventory inventory, String source) {
    OUTPUT.text(out, source, inventory.owners(), inventory.totals(), inventory.onboardable(),
        "The signed-in user belongs to no GitHub organization.", "repositories");
  }
}
