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

/** {@code preflight} and {@code discover} of a GitHub estate through the embedded GitHub simulator. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GitHubCliTest {

  @Test
  void preflightPrintsEachOwnerWithTheSameJsonShapeAsForAzureDevOps() {
    Cli.Result result = Cli.run("preflight", "--simulate", Cli.estateFile("github.json"), "--format", "json");

    assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
    Map<String, List<String>> codes = new LinkedHashMap<>();
    for (JsonNode owner : result.json().get("organizations")) {
      List<String> found = new ArrayList<>();
      for (JsonNode finding : owner.get("findings")) {
        assertThat(finding.fieldNames()).toIterable().contains("code", "severity", "message", "remediation");
        found.add(finding.get("code").asText());
      }
      codes.put(owner.get("name").asText(), found);
      assertThat(owner.has("eligible")).isTrue();
    }
    assertThat(codes).containsExactly(
        Map.entry("adventure-works", List.of("GITHUB_NOT_ORGANIZATION_OWNER")),
        Map.entry("contoso", List.of()),
        Map.entry("fabrikam", List.of("GITHUB_APP_LIMITED_TO_SELECTED_REPOSITORIES")),
        Map.entry("northwind", List.of("GITHUB_APP_NOT_INSTALLED")),
        Map.entry("octocat", List.of()),
        Map.entry("tailspin", List.of("GITHUB_OWNER_ONBOARDED_ELSEWHERE")));
    assertThat(result.json().get("requests").asLong()).isPositive();
  }

  @Test
  void discoverPrintsTheRepositoriesTheAppCanAccessWithTotals() {
    Cli.Result result = Cli.run("discover", "--simulate", Cli.estateFile("github.json"), "--format", "json");

    assertThat(result.exitCode()).as("%s", result).isZero();
    JsonNode json = result.json();
    JsonNode contoso = null;
    for (JsonNode owner : json.get("organizations")) {
      if (owner.get("name").asText().equals("contoso")) {
        contoso = owner;
      }
    }
    assertThat(contoso).isNotNull();
    assertThat(contoso.get("status").asText()).isEqualTo("DISCOVERED");
    assertThat(contoso.get("repositories")).hasSize(150);
    assertThat(contoso.get("repositories").get(0).fieldNames()).toIterable()
        .contains("name", "private", "archived");
    assertThat(json.get("totals").get("organizations").asLong()).isEqualTo(6);
    assertThat(json.get("totals").get("repositories").asLong()).isGreaterThan(150);
  }

  @Test
  void textAndUsageErrors() {
    Cli.Result text = Cli.run("discover", "--simulate", Cli.estateFile("github.json"));
    assertThat(text.exitCode()).as("%s", text).isZero();
    assertThat(text.out()).contains("OWNER").contains("fabrikam").contains("GITHUB_APP_LIMITED_TO_SELECTED");

    assertThat(Cli.run("preflight", "--platform", "gitlab", "--simulate", Cli.estateFile("github.json"))
        .exitCode()).isEqualTo(2);
    assertThat(Cli.run("preflight", "--platform", "azureDevOps", "--simulate", Cli.estateFile("github.json"))
        .exitCode()).isEqualTo(2);
    Cli.Result noToken = Cli.run("preflight", "--platform", "github");
    assertThat(noToken.exitCode()).isEqualTo(2);
    assertThat(noToken.err()).contains("--token-env");
  }
}
