package io.github.devopsconnector.examples.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.devopsconnector.core.discovery.DiscoveryTotals;
import io.github.devopsconnector.core.discovery.GitHubInventory;
import io.github.devopsconnector.core.discovery.GitHubOwnerInventory;
import io.github.devopsconnector.core.discovery.OrganizationOutcome;
import io.github.devopsconnector.core.github.GitHubRepository;
import io.github.devopsconnector.examples.console.Printable;
import io.github.devopsconnector.examples.console.TextTable;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;

/** Prints a {@link GitHubInventory} as text or JSON, in the shapes of {@link DiscoveryOutput}. */
final class GitHubDiscoveryOutput {

  private GitHubDiscoveryOutput() {}

  /**
   * JSON: {@code {"organizations":[{"name","status","installation"?:{"id","repositorySelection"},
   * "repositories":[{"id","name","private","archived"}],"findings":[...],"error"?,"onboardable",
   * "notOnboardableBecause":[...]}],"totals":{"organizations","repositories","throttledRequests"},
   * "onboardable":{"organizations","repositories"},"requests"}}.
   */
  static void json(PrintStream out, GitHubInventory inventory) {
    JsonOutput.print(out, json -> {
      json.writeStartObject();
      json.writeArrayFieldStart("organizations");
      for (GitHubOwnerInventory owner : inventory.owners()) {
        owner(json, owner);
      }
      json.writeEndArray();
      DiscoveryTotals totals = inventory.totals();
      json.writeObjectFieldStart("totals");
      json.writeNumberField("organizations", totals.organizations());
      json.writeNumberField("repositories", totals.repositories());
      json.writeNumberField("throttledRequests", totals.throttledRequests());
      json.writeEndObject();
      json.writeObjectFieldStart("onboardable");
      json.writeNumberField("organizations", inventory.onboardable().organizations());
      json.writeNumberField("repositories", inventory.onboardable().repositories());
      json.writeEndObject();
      json.writeNumberField("requests", totals.requests());
      json.writeEndObject();
    });
  }

  private static void owner(JsonGenerator json, GitHubOwnerInventory owner) throws IOException {
    OrganizationOutcome outcome = owner.outcome();
    json.writeStartObject();
    json.writeStringField("name", outcome.organization().value());
    json.writeStringField("status", outcome.status().name());
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
    JsonOutput.findings(json, "findings", outcome.findings());
    if (outcome.error().isPresent()) {
      JsonOutput.error(json, "error", outcome.error().get());
    }
    json.writeBooleanField("onboardable", outcome.onboardable().orElse(false));
    JsonOutput.findings(json, "notOnboardableBecause", outcome.notOnboardableBecause());
    json.writeEndObject();
  }

  /** Text: a table of owners with their status, repositories and what keeps them from being onboarded. */
  static void text(PrintStream out, GitHubInventory inventory, String source) {
    out.println("Discovery of " + Printable.line(source) + ":");
    if (inventory.owners().isEmpty()) {
      out.println("The signed-in user belongs to no GitHub organization.");
    } else {
      out.println();
      TextTable table = TextTable.of("OWNER", "STATUS", "ONBOARDABLE", "REPOSITORIES", "ARCHIVED", "NOTE")
          .alignRight(3, 4);
      for (GitHubOwnerInventory owner : inventory.owners()) {
        OrganizationOutcome outcome = owner.outcome();
        List<String> why = outcome.notOnboardableBecause().stream().map(f -> f.code().name())
            .collect(Collectors.toList());
        if (why.isEmpty()) {
          // Warnings do not block, but say what the connector would miss (selected repositories only).
          outcome.onboarding().ifPresent(check -> check.findings().stream().filter(f -> !f.isError())
              .forEach(f -> why.add(f.code().name())));
        }
        String note = outcome.error().map(Object::toString).orElse(String.join(", ", why));
        table.row(outcome.organization().value(), outcome.status().name(),
            outcome.onboardable().orElse(false) ? "yes" : "no", Integer.toString(owner.repositories().size()),
            Long.toString(owner.repositories().stream().filter(GitHubRepository::archived).count()), note);
      }
      table.print(out);
    }
    DiscoveryTotals totals = inventory.totals();
    out.println();
    out.println(totals.organizations() + " owners, " + totals.repositories() + " repositories; a connector selecting "
        + "all existing owners would see " + inventory.onboardable().organizations() + " owners and "
        + inventory.onboardable().repositories() + " repositories (" + totals.requests() + " requests).");
  }
}
