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
