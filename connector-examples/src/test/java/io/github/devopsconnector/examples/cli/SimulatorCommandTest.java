package io.github.devopsconnector.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SimulatorCommandTest {

  @Test
  void printsTheBaseUrlFirstThenTheGeneratedTokenAndStopsAfterTheDuration() {
    Cli.Result result = Cli.run("simulator", "--estate", Cli.estateFile("mixed.json"), "--duration-seconds", "1");

    assertThat(result.exitCode()).as("%s", result).isZero();
    assertThat(result.outLines().get(0)).matches("http://127\\.0\\.0\\.1:\\d+");
    assertThat(result.outLines().get(1)).matches("PAT=[a-z2-7]{52}");
    assertThat(result.outLines().get(2)).startsWith("Serving 5 organizations");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void withPatEnvTheTokenIsNeverPrintedAndTheToolCanDiscoverThroughIt() throws Exception {
    String pat = "sim4pat5token6for7the8running9simulator2abcdefghijk";
    Map<String, String> env = Map.of("SIM_PAT", pat);
    LineCapture out = new LineCapture();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() -> CliRunner.run(new String[] {
        "simulator", "--estate", Cli.estateFile("eligible.json"), "--pat-env", "SIM_PAT", "--duration-seconds", "20"},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env,
        false));
    String baseUrl = out.firstLine().get(20, TimeUnit.SECONDS);

    Cli.Result discovered = Cli.run(env, "discover", "--endpoint", baseUrl, "--pat-env", "SIM_PAT", "--format",
        "json");

    assertThat(discovered.exitCode()).as("%s", discovered).isZero();
    assertThat(discovered.json().get("totals").get("organizations").asLong()).isEqualTo(2);
    Thread.sleep(50);
    assertThat(out.text()).doesNotContain(pat).doesNotContain("PAT=");
    running.cancel(true);
  }

  @Test
  void aGitHubEstateIsServedAsGitHubWithAGeneratedClassicPersonalAccessToken() {
    Cli.Result result = Cli.run("simulator", "--estate", Cli.estateFile("github.json"), "--duration-seconds", "1");

    assertThat(result.exitCode()).as("%s", result).isZero();
    assertThat(result.outLines().get(0)).matches("http://127\\.0\\.0\\.1:\\d+");
    assertThat(result.outLines().get(1)).matches("PAT=ghp_[A-Za-z0-9]{36}");
    assertThat(result.outLines().get(2)).startsWith("Serving GitHub: 7 owners (6 organizations, 278 repositories) "
        + "for the user octocat, who holds a personal access token, from ");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void aGitHubSimulatorStartedFromTheCommandLineServesTheGitHubClientWithTheTokenOfTokenEnv() throws Exception {
    String token = "ghu_cliSimulatorAppUserToken00000000000";
    Map<String, String> env = Map.of("SIM_GH_TOKEN", token);
    LineCapture out = new LineCapture();
    startInBackground(out, env, "--estate", Cli.estateFile("github.json"), "--token-env", "SIM_GH_TOKEN");
    String baseUrl = out.firstLine().get(20, TimeUnit.SECONDS);

    Cli.Result discovered = Cli.run(env, "discover", "--platform", "github", "--endpoint", baseUrl, "--token-env",
        "SIM_GH_TOKEN", "--format", "json");

    assertThat(discovered.exitCode()).as("%s", discovered).isZero();
    assertThat(organization(discovered, "contoso").get("repositories")).hasSize(150);
    assertThat(organization(discovered, "fabrikam").get("status").asText()).isEqualTo("DISCOVERED");
    Thread.sleep(50);
    assertThat(out.text()).doesNotContain(token).doesNotContain("PAT=")
        .contains("who holds a GitHub App user access token");
  }

  @Test
  void aGitLabEstateIsServedAsGitLabWithAGeneratedPersonalAccessToken() {
    Cli.Result result = Cli.run("simulator", "--estate", Cli.estateFile("gitlab.json"), "--duration-seconds", "1");

    assertThat(result.exitCode()).as("%s", result).isZero();
    String baseUrl = result.outLines().get(0);
    assertThat(baseUrl).matches("http://127\\.0\\.0\\.1:\\d+");
    assertThat(result.outLines().get(1)).matches("PAT=glpat-[A-Za-z0-9_-]{20}");
    assertThat(result.outLines().get(2)).startsWith("Serving GitLab (API under " + baseUrl + "/api/v4): 5 top-level "
        + "groups (");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void aGitLabSimulatorStartedFromTheCommandLineServesTheGitLabClient() throws Exception {
    String token = "glpat-cliSimulatorToken0001";
    Map<String, String> env = Map.of("SIM_GL_TOKEN", token);
    LineCapture out = new LineCapture();
    startInBackground(out, env, "--estate", Cli.estateFile("gitlab.json"), "--pat-env", "SIM_GL_TOKEN");
    String baseUrl = out.firstLine().get(20, TimeUnit.SECONDS);

    Cli.Result discovered = Cli.run(env, "discover", "--platform", "gitlab", "--endpoint", baseUrl, "--token-env",
        "SIM_GL_TOKEN", "--format", "json");

    assertThat(discovered.exitCode()).as("%s", discovered).isZero();
    assertThat(organization(discovered, "contoso").get("repositories")).hasSize(123);
    assertThat(discovered.json().get("totals").get("organizations").asLong()).isEqualTo(4);
    Thread.sleep(50);
    assertThat(out.text()).doesNotContain(token).doesNotContain("PAT=");
  }

  @Test
  void anotherTokenThanTheOneServedIsRefused() throws Exception {
    Map<String, String> env = Map.of("SIM_GL_TOKEN", "glpat-cliSimulatorToken0002", "OTHER", "glpat-otherToken");
    LineCapture out = new LineCapture();
    startInBackground(out, env, "--estate", Cli.estateFile("gitlab.json"), "--pat-env", "SIM_GL_TOKEN");
    String baseUrl = out.firstLine().get(20, TimeUnit.SECONDS);

    Cli.Result refused = Cli.run(env, "discover", "--platform", "gitlab", "--endpoint", baseUrl, "--token-env",
        "OTHER", "--format", "json");

    assertThat(refused.exitCode()).as("%s", refused).isNotZero();
    assertThat(refused.out() + refused.err()).doesNotContain("glpat-otherToken");
  }

  @Test
  void retryAfterSetsTheWaitTheServedSimulatorsThrottlingAsksFor() throws Exception {
    Map<String, String> env = Map.of("SIM_GL_TOKEN", "glpat-cliSimulatorToken0003");
    LineCapture out = new LineCapture();
    startInBackground(out, env, "--estate", Cli.estateFile("gitlab.json"), "--pat-env", "SIM_GL_TOKEN",
        "--fault-rate", "1", "--seed", "1", "--retry-after", "7");
    String baseUrl = out.firstLine().get(20, TimeUnit.SECONDS);
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();

    java.util.List<String> throttledWaits = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      java.net.http.HttpResponse<Void> response = http.send(java.net.http.HttpRequest.newBuilder(
              java.net.URI.create(baseUrl + "/api/v4/user")).header("PRIVATE-TOKEN", env.get("SIM_GL_TOKEN")).build(),
          java.net.http.HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() == 429) {
        throttledWaits.add(response.headers().firstValue("Retry-After").orElse("none"));
      }
    }

    assertThat(throttledWaits).isNotEmpty().containsOnly("7");
  }

  private static void startInBackground(LineCapture out, Map<String, String> env, String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "simulator";
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "--duration-seconds";
    all[args.length + 2] = "15";
    CompletableFuture.supplyAsync(() -> CliRunner.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), env, false));
  }

  private static com.fasterxml.jackson.databind.JsonNode organization(Cli.Result result, String name) {
    for (com.fasterxml.jackson.databind.JsonNode organization : result.json().get("organizations")) {
      if (organization.get("name").asText().equals(name)) {
        return organization;
      }
    }
    throw new AssertionError("no organization " + name + " in " + result.out());
  }

  /** Collects what is written and completes a future with the first line. */
  private static final class LineCapture extends ByteArrayOutputStream {
    private final CompletableFuture<String> firstLine = new CompletableFuture<>();

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
      super.write(bytes, offset, length);
      String text = toString(StandardCharsets.UTF_8);
      int end = text.indexOf('\n');
      if (end >= 0) {
        firstLine.complete(text.substring(0, end).strip());
      }
    }

    CompletableFuture<String> firstLine() {
      return firstLine;
    }

    synchronized String text() {
      return toString(StandardCharsets.UTF_8);
    }
  }
}
