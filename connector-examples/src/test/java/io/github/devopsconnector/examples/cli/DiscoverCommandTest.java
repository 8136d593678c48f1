package io.github.devopsconnector.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.devopsconnector.testing.AzureDevOpsSimulator;
import io.github.devopsconnector.testing.Estate;
import io.github.devopsconnector.testing.Estates;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DiscoverCommandTest {

  private static final String PAT = "fake-pat-for-tests-only-not-a-real-token";

  @Test
  void jsonHasEveryOrganizationProjectRepositoryAndPipelineAndTotalsEqualToTheEstate() {
    Estate estate = Cli.estate("mixed.json");

    Cli.Result result = Cli.run("discover", "--simulate", Cli.estateFile("mixed.json"), "--format", "json");

    assertThat(result.exitCode()).as("%s", result).isZero();
    assertThat(result.err()).isEmpty();
    JsonNode json = result.json();
    JsonNode totals = json.get("totals");
    assertThat(totals.get("organizations").asLong()).isEqualTo(estate.organizations().size());
    assertThat(totals.get("projects").asLong()).isEqualTo(estate.projectCount());
    assertThat(totals.get("repositories").asLong()).isEqualTo(estate.repositoryCount());
    assertThat(totals.get("pipelines").asLong()).isEqualTo(estate.pipelineCount());
    assertThat(json.get("requests").asLong()).isPositive();

    long projects = 0;
    long repositories = 0;
    long pipelines = 0;
    for (JsonNode organization : json.get("organizations")) {
      assertThat(organization.get("name").asText()).isNotBlank();
      assertThat(organization.get("status").asText()).isIn("DISCOVERED", "FAILED", "SKIPPED");
      for (JsonNode project : organization.get("projects")) {
        projects++;
        assertThat(project.get("name").asText()).isNotBlank();
        for (JsonNode repository : project.get("repositories")) {
          repositories++;
          assertThat(repository.get("id").asText()).hasSize(36);
          assertThat(repository.get("name").asText()).isNotBlank();
          assertThat(repository.get("url").asText()).startsWith("http://127.0.0.1:");
        }
        for (JsonNode pipeline : project.get("pipelines")) {
          pipelines++;
          assertThat(pipeline.get("id").asLong()).isPositive();
          assertThat(pipeline.get("name").asText()).isNotBlank();
        }
      }
    }
    assertThat(projects).isEqualTo(estate.projectCount());
    assertThat(repositories).isEqualTo(estate.repositoryCount());
    assertThat(pipelines).isEqualTo(estate.pipelineCount());

    JsonNode fabrikam = organization(json, "fabrikam");
    assertThat(fabrikam.get("status").asText()).isEqualTo("DISCOVERED");
    assertThat(fabrikam.get("projects").findValuesAsText("name")).contains("web", "legacy", "api", "ui", "monolith",
        "ci", "release");
    JsonNode northwind = organization(json, "northwind");
    assertThat(northwind.get("status").asText()).isEqualTo("FAILED");
    JsonNode error = northwind.get("error");
    assertThat(error.get("kind").asText()).isEqualTo("NOT_AUTHORIZED");
    assertThat(error.get("status").asInt()).isEqualTo(401);
    assertThat(error.get("code").asText()).isEqualTo("TF400813");
    assertThat(error.get("message").asText()).contains("TF400813");
    assertThat(northwind.get("findings").get(0).get("code").asText()).isEqualTo("ADO_ORGANIZATION_NOT_ACCESSIBLE");
  }

  @Test
  void textShowsEachOrganizationsStatusAndCountsAndTheTotals() {
    Cli.Result result = Cli.run("discover", "--simulate", Cli.estateFile("mixed.json"));

    assertThat(result.exitCode()).as("%s", result).isZero();
    assertThat(result.outLines())
        .anySatisfy(l -> assertThat(l).matches("ORGANIZATION\\s+STATUS\\s+ONBOARDABLE\\s+PROJECTS\\s+REPOSITORIES"
            + "\\s+PIPELINES\\s+NOTE"))
        .anySatisfy(l -> assertThat(l).matches("fabrikam\\s+DISCOVERED\\s+yes\\s+2\\s+3\\s+2"))
        .anySatisfy(l -> assertThat(l).matches("contoso-research\\s+DISCOVERED\\s+no\\s+1\\s+1\\s+1\\s+"
            + "ADO_ACCESS_LEVEL_INSUFFICIENT"))
        .anySatisfy(l -> assertThat(l).matches("northwind\\s+FAILED\\s+no\\s+0\\s+0\\s+0\\s+NOT_AUTHORIZED 401 "
            + "TF400813:.*"))
        .anySatisfy(l -> assertThat(l).matches("Totals: 5 organizations, 5 projects, 6 repositories, 4 pipelines; "
            + "\\d+ requests \\(0 throttled\\)\\."))
        .contains("The connector would onboard: 1 organizations, 2 projects, 3 repositories, 2 pipelines.");
  }

  @Test
  void jsonMarksWhatTheConnectorWouldOnboardAndWhyNot() {
    Cli.Result result = Cli.run("discover", "--simulate", Cli.estateFile("mixed.json"), "--format", "json");

    assertThat(result.exitCode()).as("%s", result).isZero();
    JsonNode json = result.json();
    assertThat(organization(json, "fabrikam").get("onboardable").asBoolean()).isTrue();
    assertThat(organization(json, "fabrikam").get("notOnboardableBecause")).isEmpty();
    assertThat(organization(json, "tailspin").get("onboardable").asBoolean()).isFalse();
    assertThat(organization(json, "tailspin").get("notOnboardableBecause").findValuesAsText("code"))
        .containsExactly("ADO_OAUTH_APP_ACCESS_DISABLED");
    assertThat(organization(json, "adventureworks").get("notOnboardableBecause").findValuesAsText("code"))
        .containsExactly("ADO_ORGANIZATION_ONBOARDED_ELSEWHERE");
    assertThat(organization(json, "northwind").get("notOnboardableBecause").findValuesAsText("code"))
        .containsExactly("ADO_ORGANIZATION_NOT_ACCESSIBLE");
    // Everything discovered is still totalled; the onboardable block is what the connector would see.
    assertThat(json.get("totals").get("organizations").asInt()).isEqualTo(5);
    JsonNode onboardable = json.get("onboardable");
    assertThat(onboardable.get("organizations").asInt()).isEqualTo(1);
    assertThat(onboardable.get("projects").asInt()).isEqualTo(2);
    assertThat(onboardable.get("repositories").asInt()).isEqualTo(3);
    assertThat(onboardable.get("pipelines").asInt()).isEqualTo(2);
  }

  @Test
  void theOnboardingCheckCanBeSkipped() {
    Cli.Result result = Cli.run("discover", "--simulate", Cli.estateFile("mixed.json"), "--format", "json",
        "--no-onboarding-check");

    assertThat(result.exitCode()).as("%s", result).isZero();
    JsonNode json = result.json();
    assertThat(json.has("onboardable")).isFalse();
    assertThat(organization(json, "fabrikam").has("onboardable")).isFalse();
  }

  @Test
  void endpointReachesASeparatelyStartedSimulatorWithAnExplicitSelection() {
    Estate estate = Cli.estate("mixed.json");
    try (AzureDevOpsSimulator simulator = AzureDevOpsSimulator.builder(estate).personalAccessToken(PAT).build()
        .start()) {
      Cli.Result result = Cli.run(Map.of("ADO_PAT", PAT), "discover", "--endpoint", simulator.endpoint(),
          "--pat-env", "ADO_PAT", "--organization", "fabrikam,tailspin", "--organization", "nobody",
          "--format", "json");

      assertThat(result.exitCode()).as("%s", result).isZero();
      JsonNode json = result.json();
      assertThat(organization(json, "fabrikam").get("status").asText()).isEqualTo("DISCOVERED");
      assertThat(organization(json, "tailspin").get("status").asText()).isEqualTo("DISCOVERED");
      assertThat(organization(json, "nobody").get("status").asText()).as("it answers 404 for itself")
          .isEqualTo("FAILED");
      assertThat(organization(json, "nobody").get("findings").get(0).get("code").asText())
          .isEqualTo("ADO_ORGANIZATION_NOT_ACCESSIBLE");
      assertThat(simulator.counters().requests(AzureDevOpsSimulator.Route.PROFILE)).as("named organizations")
          .isZero();
      assertThat(json.get("totals").get("repositories").asLong()).isEqualTo(4);
      assertThat(simulator.counters().totalRequests()).isEqualTo(json.get("requests").asLong());
    }
  }

  @Test
  void preflightThroughAnEndpointWithoutTenantLeavesTheTenantChecksOut() {
    try (AzureDevOpsSimulator simulator = AzureDevOpsSimulator.builder(Cli.estate("mixed.json"))
        .personalAccessToken(PAT).build().start()) {
      Cli.Result result = Cli.run(Map.of("ADO_PAT", PAT), "preflight", "--endpoint", simulator.endpoint(),
          "--pat-env", "ADO_PAT", "--format", "json");

      assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
      assertThat(organization(result.json(), "adventureworks").get("eligible").booleanValue())
          .as("no tenant, so no registry of other connectors").isTrue();
    }
  }

  @Test
  void allExistingWithATokenScopedToOrganizationsSaysWhyAndWhatToDo() {
    Estate scoped = Estates.builder().organization("fabrikam", o -> o.project("web")).organization("contoso")
        .tokenScopedTo("fabrikam", "contoso").build();
    try (AzureDevOpsSimulator simulator = AzureDevOpsSimulator.builder(scoped).personalAccessToken(PAT).build()
        .start()) {
      Cli.Result all = Cli.run(Map.of("ADO_PAT", PAT), "discover", "--endpoint", simulator.endpoint(),
          "--pat-env", "ADO_PAT");
      Cli.Result named = Cli.run(Map.of("ADO_PAT", PAT), "discover", "--endpoint", simulator.endpoint(),
          "--pat-env", "ADO_PAT", "--organization", "fabrikam,contoso", "--format", "json");

      assertThat(all.exitCode()).as("%s", all).isEqualTo(3);
      all.isOneLineError();
      assertThat(all.err()).contains("all existing organizations", "401", "All accessible organizations",
          "Microsoft Entra", "name the organizations");
      assertThat(named.exitCode()).as("%s", named).isZero();
      assertThat(named.json().get("totals").get("projects").asLong()).isEqualTo(1);
    }
  }

  @Test
  void aWrongTokenIsAServiceFailureOnOneLine() {
    try (AzureDevOpsSimulator simulator = AzureDevOpsSimulator.builder(Cli.estate("mixed.json"))
        .personalAccessToken(PAT).build().start()) {
      Cli.Result result = Cli.run(Map.of("ADO_PAT", "wrong" + PAT), "discover", "--endpoint", simulator.endpoint(),
          "--pat-env", "ADO_PAT");

      assertThat(result.exitCode()).as("%s", result).isEqualTo(3);
      result.isOneLineError();
      assertThat(result.err()).contains("401", "TF400813");
      assertThat(result.out()).isEmpty();
    }
  }

  @Test
  void aClosedPortIsAServiceFailureOnOneLine() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }

    Cli.Result result = Cli.run(Map.of("ADO_PAT", PAT), "preflight", "--endpoint", "http://127.0.0.1:" + port,
        "--pat-env", "ADO_PAT", "--retries", "0");

    assertThat(result.exitCode()).as("%s", result).isEqualTo(3);
    result.isOneLineError();
    assertThat(result.err()).contains("Azure DevOps");
  }

  @Test
  void verboseAddsTheStackTraceToTheOneLine() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }

    Cli.Result result = Cli.run(Map.of("ADO_PAT", PAT), "discover", "--verbose", "--endpoint",
        "http://127.0.0.1:" + port, "--pat-env", "ADO_PAT", "--retries", "0");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.errLines().get(0)).startsWith("devops-connector: Azure DevOps: ");
    assertThat(result.err()).contains("ServiceException", "\tat ");
  }

  @Test
  void injectedFaultsAreRetried() {
    Cli.Result result = Cli.run("discover", "--simulate", Cli.estateFile("eligible.json"), "--fault-rate", "0.3",
        "--seed", "7", "--format", "json");

    assertThat(result.exitCode()).as("%s", result).isIn(0, 3);
    assertThat(result.json().get("totals").get("organizations").asLong()).isEqualTo(2);
  }

  private static JsonNode organization(JsonNode json, String name) {
    for (JsonNode organization : json.get("organizations")) {
      if (organization.get("name").asText().equals(name)) {
        return organization;
      }
    }
    throw new AssertionError("no organization " + name + " in " + json);
  }
}
