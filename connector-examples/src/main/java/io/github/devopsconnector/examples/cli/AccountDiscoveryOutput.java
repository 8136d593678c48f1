package io.github.devopsconnector.examples.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.devopsconnector.core.discovery.DiscoveryTotals;
import io.github.devopsconnector.core.discovery.GitHubOwnerInventory;
import io.github.devopsconnector.core.discovery.GitLabGroupInventory;
import io.github.devopsconnector.core.discovery.OrganizationOutcome;
import io.github.devopsconnector.core.github.GitHubRepository;
import io.github.devopsconnector.core.gitlab.GitLabProject;
import io.github.devopsconnector.examples.console.Printable;
import io.github.devopsconnector.examples.console.TextTable;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Prints the inventory of GitHub or GitLab discovery as JSON or text, in the shapes of {@link DiscoveryOutput}: per
 * organization (a GitHub owner, a GitLab top-level group, {@code name} its login or path) its status, repositories
 * (GitLab: the projects of its tree, with {@code path}, the full path), findings, error and onboarding verdict, then
 * the totals.
 *
 * @param <E> one organization's inventory entry
 * @param <R> one of its repositories
 */
final class AccountDiscoveryOutput<E, R> {

  /** Writes fields of a value into the JSON object being written. */
  interface Fields<T> {
    void write(JsonGenerator json, T value) throws IOException;
  }

  /**
   * GitHub owners: {@code "installation"?:{"id","repositorySelection"}} and repositories
   * {@code {"id","name","private","archived"}}.
   */
  static final AccountDiscoveryOutput<GitHubOwnerInventory, GitHubRepository> GITHUB = new AccountDiscoveryOutput<>(
      GitHubOwnerInventory::outcome, GitHubOwnerInventory::repositories, GitHubRepository::archived, "owner",
      "repositories", "The signed-in user belongs to no GitHub organization.", (json, owner) -> {
        if (owner.installation().isPresent()) {
          json.writeObjectFieldStart("installation");
          json.writeNumberField("id", owner.installation().get().id());
          json.writeStringField("repositorySelection", owner.installation().get().repositorySelection().name());
          json.writeEndObject();
        }
      }, (json, repository) -> {
        json.writeNumberField("id", repository.id());
        json.writeStringField("name", repository.name());
        json.writeBooleanField("private", repository.isPrivate());
      });

  /** GitLab top-level groups: repositories {@code {"id","path","name","archived"}}, one per project of the tree. */
  static final AccountDiscoveryOutput<GitLabGroupInventory, GitLabProject> GITLAB = new AccountDiscoveryOutput<>(
      GitLabGroupInventory::outcome, GitLabGroupInventory::projects, GitLabProject::archived, "group", "projects",
      "The signed-in user belongs to no GitLab group.", (json, group) -> { }, (json, project) -> {
        json.writeNumberField("id", project.id());
        json.writeStringField("path", project.fullPath());
        json.writeStringField("name", project.name());
      });

  private final Function<E, OrganizationOutcome> outcome;
  private final Function<E, List<R>> repositories;
  private final java.util.function.Predicate<R> archived;
  private final String noun;
  private final String repositoriesNoun;
  private final String none;
  private final Fields<E> entryFields;
  private final Fields<R> repositoryFields;

  private AccountDiscoveryOutput(Function<E, OrganizationOutcome> outcome, Function<E, List<R>> repositories,
      java.util.function.Predicate<R> archived, String noun, String repositoriesNoun, String none,
      Fields<E> entryFields, Fields<R> repositoryFields) {
    this.outcome = outcome;
    this.repositories = repositories;
    this.archived = archived;
    this.noun = noun;
    this.repositoriesNoun = repositoriesNoun;
    this.none = none;
    this.entryFields = entryFields;
    this.repositoryFields = repositoryFields;
  }

  /** The outcome of one entry. */
  OrganizationOutcome outcome(E entry) {
    return outcome.apply(entry);
  }

  /**
   * JSON: {@code {"organizations":[{"name","status",<entry fields>,"repositories":[{<repository fields>,
   * "archived"}],"findings":[...],"error"?,"onboardable","notOnboardableBecause":[...]}],"totals":{"organizations",
   * "repositories","throttledRequests"},"onboardable":{"organizations","repositories"},"requests"}}.
   */
  void json(PrintStream out, List<E> entries, DiscoveryTotals totals, DiscoveryTotals onboardable) {
    JsonOutput.print(out, json -> {
      json.writeStartObject();
      json.writeArrayFieldStart("organizations");
      for (E entry : entries) {
        OrganizationOutcome result = outcome.apply(entry);
        json.writeStartObject();
        json.writeStringField("name", result.organization().value());
        json.writeStringField("status", result.status().name());
        entryFields.write(json, entry);
        json.writeArrayFieldStart("repositories");
        for (R repository : repositories.apply(entry)) {
          json.writeStartObject();
          repositoryFields.write(json, repository);
          json.writeBooleanField("archived", archived.test(repository));
          json.writeEndObject();
        }
        json.writeEndArray();
        JsonOutput.findings(json, "findings", result.findings());
        if (result.error().isPresent()) {
          JsonOutput.error(json, "error", result.error().get());
        }
        json.writeBooleanField("onboardable", result.onboardable().orElse(false));
        JsonOutput.findings(json, "notOnboardableBecause", result.notOnboardableBecause());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeObjectFieldStart("totals");
      json.writeNumberField("organizations", totals.organizations());
      json.writeNumberField("repositories", totals.repositories());
      json.writeNumberField("throttledRequests", totals.throttledRequests());
      json.writeEndObject();
      json.writeObjectFieldStart("onboardable");
      json.writeNumberField("organizations", onboardable.organizations());
      json.writeNumberField("repositories", onboardable.repositories());
      json.writeEndObject();
      json.writeNumberField("requests", totals.requests());
      json.writeEndObject();
    });
  }

  /**
   * Text: a table of organizations with their status, repositories and what keeps them from being onboarded, then
   * the totals.
   */
  void text(PrintStream out, String source, List<E> entries, DiscoveryTotals totals, DiscoveryTotals onboardable) {
    out.println("Discovery of " + Printable.line(source) + ":");
    if (entries.isEmpty()) {
      out.println(none);
    } else {
      out.println();
      TextTable table = TextTable.of(noun.toUpperCase(java.util.Locale.ROOT), "STATUS", "ONBOARDABLE",
          repositoriesNoun.toUpperCase(java.util.Locale.ROOT), "ARCHIVED", "NOTE").alignRight(3, 4);
      for (E entry : entries) {
        OrganizationOutcome result = outcome.apply(entry);
        List<String> why = result.notOnboardableBecause().stream().map(f -> f.code().name())
            .collect(Collectors.toList());
        if (why.isEmpty()) {
          // Warnings do not block, but say what the connector would miss (selected repositories only).
          result.onboarding().ifPresent(check -> check.findings().stream().filter(f -> !f.isError())
              .forEach(f -> why.add(f.code().name())));
        }
        String note = result.error().map(Object::toString).orElse(String.join(", ", why));
        table.row(result.organization().value(), result.status().name(),
            result.onboardable().orElse(false) ? "yes" : "no", Long.toString(result.repositoryCount()),
            Long.toString(repositories.apply(entry).stream().filter(archived).count()), note);
      }
      table.print(out);
    }
    out.println();
    out.println(totals.organizations() + " " + noun + "s, " + totals.repositories() + " " + repositoriesNoun + "; a "
        + "connector selecting all existing " + noun + "s would see " + onboardable.organizations() + " " + noun
        + "s and " + onboardable.repositories() + " " + repositoriesNoun + " (" + totals.requests() + " requests).");
  }
}
