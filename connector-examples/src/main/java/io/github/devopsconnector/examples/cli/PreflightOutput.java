package io.github.devopsconnector.examples.cli;

import io.github.devopsconnector.core.Finding;
import io.github.devopsconnector.core.discovery.OrganizationPreflight;
import io.github.devopsconnector.core.discovery.PreflightReport;
import io.github.devopsconnector.examples.console.Printable;
import io.github.devopsconnector.examples.console.TextTable;
import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;

/** Prints a {@link PreflightReport} as text or JSON. */
final class PreflightOutput {

  private PreflightOutput() {}

  /**
   * JSON: {@code {"organizations":[{"name","eligible","findings":[{"code","severity","message","remediation",...}],
   * "error"?,"onboardedBy"?}],"connectorFindings":[...],"ready","requests"}}.
   */
  static void json(PrintStream out, PreflightReport report) {
    JsonOutput.print(out, json -> {
      json.writeStartObject();
      json.writeArrayFieldStart("organizations");
      for (OrganizationPreflight organization : report.organizations()) {
        json.writeStartObject();
        json.writeStringField("name", organization.organization().value());
        json.writeBooleanField("eligible", organization.isEligible());
        JsonOutput.findings(json, "findings", organization.findings());
        if (organization.error().isPresent()) {
          JsonOutput.error(json, "error", organization.error().get());
        }
        if (organization.onboardedBy().isPresent()) {
          json.writeStringField("onboardedBy", organization.onboardedBy().get().resourceId());
        }
        json.writeEndObject();
      }
      json.writeEndArray();
      JsonOutput.findings(json, "connectorFindings", report.connectorFindings());
      json.writeBooleanField("ready", report.isReady());
      json.writeNumberField("requests", report.requests());
      json.writeEndObject();
    });
  }

  /** Text: a summary line, a table of organizations, then each organization's findings with remediation. */
  static void text(PrintStream out, PreflightReport report, String source, String tenant) {
    long eligible = report.organizations().stream().filter(OrganizationPreflight::isEligible).count();
    out.println("Preflight of " + report.selection() + " in " + source + ", " + tenant + ":");
    out.println(report.organizations().size() + " organizations, " + eligible + " eligible, "
        + (report.organizations().size() - eligible) + " greyed out (" + report.requests() + " requests).");
    if (!report.connectorFindings().isEmpty()) {
      out.println();
      out.println("Connector:");
      report.connectorFindings().forEach(f -> finding(out, f));
    }
    if (report.organizations().isEmpty()) {
      out.println();
      out.println("The signed-in user belongs to no organization.");
      return;
    }
    out.println();
    TextTable table = TextTable.of("ORGANIZATION", "RESULT", "FINDINGS");
    for (OrganizationPreflight organization : report.organizations()) {
      List<String> codes = organization.findings().stream().map(f -> f.code().name()).collect(Collectors.toList());
      organization.error().ifPresent(e -> codes.add("could not be checked: " + e.kind()));
      table.row(organization.organization().value(), organization.isEligible() ? "ELIGIBLE" : "GREYED OUT",
          codes.isEmpty() ? "-" : String.join(", ", codes));
    }
    table.print(out);
    for (OrganizationPreflight organization : report.organizations()) {
      if (organization.findings().isEmpty() && organization.error().isEmpty()) {
        continue;
      }
      out.println();
      out.println(Printable.line(organization.organization().value()) + ": "
          + (organization.isEligible() ? "ELIGIBLE" : "GREYED OUT"));
      // The error's message already ends with its remediation.
      organization.error().ifPresent(e -> out.println("  could not be checked: " + Printable.line(e.toString())));
      organization.findings().forEach(f -> finding(out, f));
    }
  }

  private static void finding(PrintStream out, Finding finding) {
    out.println("  " + finding.severity() + " " + finding.code() + ": " + Printable.line(finding.message()));
    out.println("    Remediation: " + Printable.line(finding.remediation()));
  }
}
