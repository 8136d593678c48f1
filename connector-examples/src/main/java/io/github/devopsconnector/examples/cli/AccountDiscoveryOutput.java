package io.github.devopsconnector.examples.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.devopsconnector.core.discovery.DiscoveryTotals;
import io.github.devopsconnector.core.discovery.OrganizationOutcome;
import io.github.devopsconnector.examples.console.Printable;
import io.github.devopsconnector.examples.console.TextTable;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the outputs of GitHub and GitLab discovery share, in the shapes of {@link DiscoveryOutput}: per organization
 * (a GitHub owner, a GitLab top-level group) its name, status, repositories, findings, error and onboarding verdict,
 * then the totals; as JSON or as a text table.
 *
 * @param <E> one organization's inventory entry
 */
final class AccountDiscoveryOutput<E> {

  /** Writes the platform's own fields of one entry: its repositories, and what else the platform has. */
  interface Body<E> {
    void write(JsonGenerator json, E entry) throws IOException;
  }

  private final Function<E, OrganizationOutcome> outcome;
  private final Function<E, Long> archived;
  private final String noun;

  /**
   * @param outcome the entry's outcome
   * @param archived how many of the entry's repositories are archived
   * @param noun what an organization is called ("owner", "group")
   */
  AccountDiscoveryOutput(Function<E, OrganizationOutcome> outcome, Function<E, Long> archived, String noun) {
    this.outcome = outcome;
    this.archived = archived;
    this.noun = noun;
  }

  /**
   * JSON: {@code {"organizations":[{"name","status",<body>,"findings":[...],"error"?,"onboardable",
   * "notOnboardableBecause":[...]}],"totals":{"organizations","repositories","throttledRequests"},
   * "onboardable":{"organizations","repositories"},"requests"}}.
   */
  void json(PrintStream out, List<E> entries, DiscoveryTotals totals, DiscoveryTotals onboardable, Body<E> body) {
    JsonOutput.print(out, json -> {
      json.writeStartObject();
      json.writeArrayFieldStart("organizations");
      for (E entry : entries) {
        OrganizationOutcome result = outcome.apply(entry);
        json.writeStartObject();
        json.writeStringField("name", result.organization().value());
        json.writeStringField("status", result.status().name());
        body.write(json, entry);
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
   *
   * @param none what to say when there is no organization
   * @param repositories what a repository is called in the table's header and the totals ("repositories",
   *     "projects")
   */
  void text(PrintStream out, String source, List<E> entries, DiscoveryTotals totals, DiscoveryTotals onboardable,
      String none, String repositories) {
    out.println("Discovery of " + Printable.line(source) + ":");
    if (entries.isEmpty()) {
      out.println(none);
    } else {
      out.println();
      TextTable table = TextTable.of(noun.toUpperCase(java.util.Locale.ROOT), "STATUS", "ONBOARDABLE",
          repositories.toUpperCase(java.util.Locale.ROOT), "ARCHIVED", "NOTE").alignRight(3, 4);
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
            Long.toString(archived.apply(entry)), note);
      }
      table.print(out);
    }
    out.println();
    out.println(totals.organizations() + " " + noun + "s, " + totals.repositories() + " " + repositories + "; a "
        + "connector selecting all existing " + noun + "s would see " + onboardable.organizations() + " " + noun
        + "s and " + onboardable.repositories() + " " + repositories + " (" + totals.requests() + " requests).");
  }
}
