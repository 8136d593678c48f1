package io.github.devopsconnector.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsconnector.testing.AzureDevOpsSimulator;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A token given through --pat-env never shows in anything the tool prints, on success or on failure. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SecretsTest {

  private static final String CANARY = "canary7token2that3must4never5appear6in7output2abcdef";
  private static final Map<String, String> ENV = Map.of("CANARY_PAT", CANARY, "SPACED_PAT", CANARY + " x");

  @Test
  void theCanaryNeverAppears() throws IOException {
    String mixed = Cli.estateFile("mixed.json");
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    List<Cli.Result> results = new ArrayList<>();
    results.add(Cli.run(ENV, "preflight", "--simulate", mixed, "--pat-env", "CANARY_PAT"));
    results.add(Cli.run(ENV, "preflight", "--simulate", mixed, "--pat-env", "CANARY_PAT", "--format", "json"));
    results.add(Cli.run(ENV, "discover", "--simulate", mixed, "--pat-env", "CANARY_PAT", "--format", "json"));
    results.add(Cli.run(ENV, "discover", "--simulate", mixed, "--pat-env", "SPACED_PAT"));
    results.add(Cli.run(ENV, "simulator", "--estate", mixed, "--pat-env", "CANARY_PAT", "--duration-seconds", "1"));
    results.add(Cli.run(ENV, "discover", "--endpoint", "http://127.0.0.1:" + closedPort, "--pat-env", "CANARY_PAT",
        "--retries", "0", "--verbose"));
    results.add(Cli.run(ENV, "preflight", "--endpoint", "http://example.com", "--pat-env", "CANARY_PAT",
        "--verbose"));
    results.add(Cli.run(ENV, "discover", "--organization", "fabrikam", "--pat-env", CANARY));
    try (AzureDevOpsSimulator other = AzureDevOpsSimulator.builder(Cli.estate("mixed.json"))
        .personalAccessToken("another2token3entirely4abcdefghijklmnopqrstuvwxyz2345").build().start()) {
      results.add(Cli.run(ENV, "discover", "--endpoint", other.endpoint(), "--pat-env", "CANARY_PAT", "--verbose"));
      results.add(Cli.run(ENV, "preflight", "--endpoint", other.endpoint(), "--pat-env", "CANARY_PAT",
          "--format", "json"));
    }

    String encoded = Base64.getEncoder().encodeToString((":" + CANARY).getBytes(StandardCharsets.UTF_8));
    assertThat(results).extracting(Cli.Result::exitCode).containsExactly(1, 1, 0, 2, 0, 3, 2, 2, 3, 3);
    for (Cli.Result result : results) {
      assertThat(result.out() + result.err()).as("%s", result).doesNotContain(CANARY).doesNotContain(encoded)
          .doesNotContain(CANARY.substring(0, 20));
    }
  }
}
