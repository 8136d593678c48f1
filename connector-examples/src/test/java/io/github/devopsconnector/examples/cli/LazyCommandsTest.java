package io.github.devopsconnector.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A command set up alone (as a run that names it does) answers exactly as when every command is set up. */
class LazyCommandsTest {

  @ParameterizedTest
  @ValueSource(strings = {"demo --help", "preflight --help", "discover --help", "simulator --help", "bench --help",
      "discover --bogus", "bench --latency-ms", "preflight --version"})
  void aCommandSetUpAloneAnswersAsWhenAllAre(String arguments) {
    String[] args = arguments.split(" ");
    Cli.Result alone = Cli.run(args);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = CliRunner.commandLine(new CliContext(o, e, Map.of(), false)).execute(args);
    }

    assertThat(alone.exitCode()).isEqualTo(code);
    assertThat(alone.out()).isEqualTo(out.toString(StandardCharsets.UTF_8));
    assertThat(alone.err()).isEqualTo(err.toString(StandardCharsets.UTF_8));
    assertThat(alone.out() + alone.err()).isNotBlank();
  }
}
