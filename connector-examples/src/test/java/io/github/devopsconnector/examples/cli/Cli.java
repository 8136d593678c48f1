package io.github.devopsconnector.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.devopsconnector.examples.ConnectorCli;
import io.github.devopsconnector.testing.Estate;
import io.github.devopsconnector.testing.EstateFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Runs the tool in-process, as {@code main} would, and captures what it printed. */
final class Cli {

  static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";

  private Cli() {}

  /** What one run returned and printed. */
  record Result(int exitCode, String out, String err) {

    List<String> errLines() {
      return err.isEmpty() ? List.of() : Arrays.asList(err.split("\\R"));
    }

    List<String> outLines() {
      return out.isEmpty() ? List.of() : Arrays.asList(out.split("\\R"));
    }

    JsonNode json() {
      try {
        return new ObjectMapper().readTree(out);
      } catch (IOException e) {
        throw new UncheckedIOException("stdout is not JSON: " + out, e);
      }
    }

    /** Exit 2 with one line on stderr that starts like every error of the tool, and nothing on stdout. */
    Result isUsageError() {
      assertThat(exitCode).as("exit code; stderr: %s", err).isEqualTo(2);
      return isOneLineError();
    }

    Result isOneLineError() {
      assertThat(errLines()).as("stderr").hasSize(1);
      assertThat(err).startsWith("devops-connector: ").doesNotContain("\tat ", "Exception in thread");
      return this;
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- out\n" + out + "\n--- err\n" + err;
    }
  }

  static Result run(String... args) {
    return run(Map.of(), args);
  }

  static Result run(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = ConnectorCli.run(args, o, e, env);
    }
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** The path of a test estate file, such as {@code mixed.json}. */
  static String estateFile(String name) {
    try {
      return Path.of(Cli.class.getResource("/estates/" + name).toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Estate estate(String name) {
    return EstateFiles.read(Path.of(estateFile(name)));
  }
}
