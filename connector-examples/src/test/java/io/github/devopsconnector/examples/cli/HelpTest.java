package io.github.devopsconnector.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class HelpTest {

  @ParameterizedTest
  @ValueSource(strings = {"preflight", "discover", "simulator", "bench", "demo"})
  void everyCommandHasHelp(String command) {
    Cli.Result result = Cli.run(command, "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("Usage: devops-connector " + command);
    assertThat(result.err()).isEmpty();
  }

  @Test
  void theTopCommandListsTheCommandsAndExitCodes() {
    Cli.Result result = Cli.run("--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("Usage: devops-connector").contains("preflight", "discover", "simulator",
        "bench", "demo", "Exit codes:");
  }

  @Test
  void helpCommandAndShortOptionWorkToo() {
    assertThat(Cli.run("help", "bench").out()).contains("ideal = latency x max(L, ceil(R / C))");
    assertThat(Cli.run("discover", "-h").exitCode()).isZero();
  }

  @Test
  void versionIsTheProjectVersion() {
    Cli.Result result = Cli.run("--version");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out().strip()).matches("devops-connector \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }
}
