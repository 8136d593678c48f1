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

/**
 * {@code preflight} and {@code discover} of a GitHub estate through the embedded GitHub simulator, whose default
 * token is a personal access token; {@code --token-env} with a {@code ghu_} token makes it a GitHub App user access
 * token.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GitHubCliTest {

  private static final Map<String, String> APP_USER_TOKEN = Map.of("GH_APP_TOKEN", "ghu_cliTestAppUserToken0001");

  private static Cli.Result withAppUserToken(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--token-env", "GH_APP_TOKEN"));
    return Cli.run(APP_USER_TOKEN, all.toArray(new String[0]));
  }

  private static Map<String, List<String>> codes(Cli.Result result) {
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
    return codes;
  }

  @Test
  void preflightPrintsEachOwnerWithTheSameJsonShapeAsForAzureDevOps() {
    Cli.Result result = withAppUserToken("preflight", "--simulate", Cli.estateFile("github.json"), "--format",
        "json");

    assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
    assertThat(codes(result)).containsExactly(
        Map.entry("adventure-works", List.of("GITHUB_NOT_ORGANIZATION_OWNER")),
        Map.entry("contoso", List.of()),
        Map.entry("fabrikam", List.of("GITHUB_APP_LIMITED_TO_SELECTED_REPOSITORIES")),
        Map.entry("northwind", List.of("GITHUB_APP_NOT_INSTALLED")),
        Map.entry("octocat", List.of()),
        Map.entry("tailspin", List.of("GITHUB_OWNER_ONBOARDED_ELSEWHERE")));
    assertThat(result.json().get("requests").asLong()).isPositive();
  }

  @Test
  void withThePersonalAccessTokenPreflightFindsTheSameForOrganizationsAndLeavesOutThePersonalAccount() {
    Cli.Result result = Cli.run("preflight", "--simulate", Cli.estateFile("github.json"), "--format", "json");

    assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
    assertThat(codes(result)).containsExactly(
        Map.entry("adventure-works", List.of("GITHUB_NOT_ORGANIZATION_OWNER")),
        Map.entry("contoso", List.of()),
        Map.entry("fabrikam", List.of("GITHUB_APP_LIMITED_TO_SELECTED_REPOSITORIES")),
        Map.entry("northwind", List.of("GITHUB_APP_NOT_INSTALLED")),
        Map.entry("tailspin", List.of("GITHUB_OWNER_ONBOARDED_ELSEWHERE")));
  }

  @Test
  void withThePersonalAccessTokenDiscoverSaysTheSelectedRepositoriesNeedAnAppUserToken() {
    Cli.Result result = Cli.run("discover", "--simulate", Cli.estateFile("github.json"), "--format", "json");

    JsonNode fabrikam = null;
    for (JsonNode owner : result.json().get("organizations")) {
      if (owner.get("name").asText().equals("fabrikam")) {
        fabrikam = owner;
      }
    }
    assertThat(fabrikam).as("%s", result).isNotNull();
    assertThat(fabrikam.get("status").asText()).isEqualTo("FAILED");
    assertThat(fabrikam.get("error").get("kind").asText()).isEqualTo("NOT_AUTHORIZED");
    assertThat(fabrikam.get("error").get("code").asText()).isEqualTo("APP_USER_TOKEN_REQUIRED");
    assertThat(fabrikam.get("repositories")).isEmpty();
    assertThat(result.json().get("totals").get("organizations").asLong()).isEqualTo(5);
  }

  @Test
  void discoverPrintsTheRepositoriesTheAppCanAccessWithTotals() {
    Cli.Result result = withAppUserToken("discover", "--simulate", Cli.estateFile("github.json"), "--format",
        "json");

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
  void theSimulatorOptionsApplyToTheEmbeddedGitHubSimulator() {
    Cli.Result failing = withAppUserToken("discover", "--simulate", Cli.estateFile("github.json"), "--format",
        "json", "--fault-rate", "1", "--retries", "0");

    assertThat(failing.exitCode()).as("every request faults and none is retried: %s", failing).isEqualTo(3);
    assertThat(failing.err()).startsWith("devops-connector: GitHub: ");
  }

  @Test
  void textAndUsageErrors() {
    Cli.Result text = withAppUserToken("discover", "--simulate", Cli.estateFile("github.json"));
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
