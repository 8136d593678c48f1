package io.github.devopsconnector.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PreflightCommandTest {

  @Test
  void jsonListsEveryOrganizationWithItsFindingsAndExitsOneWhenAnyIsGreyedOut() {
    Cli.Result result = Cli.run("preflight", "--simulate", Cli.estateFile("mixed.json"), "--format", "json");

    assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
    assertThat(result.err()).isEmpty();
    JsonNode json = result.json();
    Map<String, List<String>> codes = new LinkedHashMap<>();
    Map<String, Boolean> eligible = new LinkedHashMap<>();
    for (JsonNode organization : json.get("organizations")) {
      List<String> found = new ArrayList<>();
      for (JsonNode finding : organization.get("findings")) {
        assertThat(finding.fieldNames()).toIterable()
            .contains("code", "severity", "message", "remediation");
        assertThat(finding.get("message").asText()).isNotBlank();
        assertThat(finding.get("remediation").asText()).isNotBlank();
        found.add(finding.get("code").asText());
      }
      codes.put(organization.get("name").asText(), found);
      eligible.put(organization.get("name").asText(), organization.get("eligible").booleanValue());
    }
    assertThat(codes).containsExactly(
        Map.entry("adventureworks", List.of("ADO_ORGANIZATION_ONBOARDED_ELSEWHERE")),
        Map.entry("contoso-research", List.of("ADO_ACCESS_LEVEL_INSUFFICIENT")),
        Map.entry("fabrikam", List.of()),
        Map.entry("northwind", List.of("ADO_ORGANIZATION_NOT_ACCESSIBLE")),
        Map.entry("tailspin", List.of("ADO_OAUTH_APP_ACCESS_DISABLED")));
    assertThat(eligible).containsEntry("fabrikam", true).containsEntry("tailspin", false)
        .containsEntry("northwind", false).containsEntry("adventureworks", false)
        .containsEntry("contoso-research", false);
    assertThat(json.get("organizations").get(0).get("onboardedBy").asText()).endsWith("/other-connector");
    assertThat(json.get("requests").asLong()).isPositive();
    assertThat(json.get("ready").booleanValue()).as("all existing: fabrikam can be onboarded").isTrue();
  }

  @Test
  void allEligibleExitsZero() {
    Cli.Result result = Cli.run("preflight", "--simulate", Cli.estateFile("eligible.json"), "--format", "json");

    assertThat(result.exitCode()).as("%s", result).isZero();
    assertThat(result.json().get("organizations")).hasSize(2)
        .allSatisfy(o -> assertThat(o.get("eligible").booleanValue()).isTrue());
  }

  @Test
  void anotherTenantGreysOutEveryOrganization() {
    Cli.Result result = Cli.run("preflight", "--simulate", Cli.estateFile("eligible.json"), "--format", "json",
        "--tenant", "0b7e6c1a-9d2f-4e3b-8a5c-6f4d3e2c1b0a");

    assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
    assertThat(result.json().get("organizations")).allSatisfy(o ->
        assertThat(o.get("findings").get(0).get("code").asText()).isEqualTo("ADO_TENANT_MISMATCH"));
  }

  @Test
  void textIsATableWithEachFindingsMessageAndRemediation() {
    Cli.Result result = Cli.run("preflight", "--simulate", Cli.estateFile("mixed.json"));

    assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
    List<String> lines = result.outLines();
    assertThat(lines.get(0)).startsWith("Preflight of all existing organizations in simulated estate")
        .contains("tenant " + Cli.TENANT);
    assertThat(lines.get(1)).isEqualTo("5 organizations, 1 eligible, 4 greyed out (" + requests(lines.get(1))
        + " requests).");
    assertThat(lines).anySatisfy(l -> assertThat(l).matches("ORGANIZATION\\s+RESULT\\s+FINDINGS"))
        .anySatisfy(l -> assertThat(l).matches("fabrikam\\s+ELIGIBLE\\s+-"))
        .anySatisfy(l -> assertThat(l).matches("contoso-research\\s+GREYED OUT\\s+ADO_ACCESS_LEVEL_INSUFFICIENT"))
        .anySatisfy(l -> assertThat(l).matches("tailspin\\s+GREYED OUT\\s+ADO_OAUTH_APP_ACCESS_DISABLED"))
        .contains("contoso-research: GREYED OUT")
        .anySatisfy(l -> assertThat(l).startsWith("  ERROR ADO_ACCESS_LEVEL_INSUFFICIENT: ")
            .contains("Stakeholder is not enough"))
        .anySatisfy(l -> assertThat(l).startsWith("    Remediation: ").contains("Basic access level"))
        .anySatisfy(l -> assertThat(l).startsWith("  ERROR ADO_ORGANIZATION_ONBOARDED_ELSEWHERE: ")
            .contains("other-connector"));
  }

  private static String requests(String line) {
    return line.replaceAll(".*\\((\\d+) requests\\)\\.$", "$1");
  }
}
