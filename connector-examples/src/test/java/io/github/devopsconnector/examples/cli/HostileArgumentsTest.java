package io.github.devopsconnector.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsconnector.examples.console.Printable;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Command lines that cannot be run: each exits 2 with one clear line on stderr that says what is wrong, never a
 * stack trace, and prints nothing on stdout.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HostileArgumentsTest {

  private static final String PAT = "canary2pat3value4never5shown6anywhere7abcdefghijklmn";
  private static final Map<String, String> ENV = Map.of("ADO_PAT", PAT, "EMPTY", "", "BAD_PAT", "has a space");

  static Stream<Arguments> commandLines() {
    String mixed = Cli.estateFile("mixed.json");
    String directory = java.nio.file.Path.of(mixed).getParent().toString();
    return Stream.of(
        cmd("Unknown option: '--bogus'", "--bogus"),
        cmd("Unknown options: '--formt', 'json'; did you mean --format?", "preflight", "--simulate", mixed, "--formt", "json"),
        cmd("Unmatched argument at index 0: 'frobnicate'", "frobnicate"),
        cmd("Unmatched argument", "@/etc/passwd"),
        cmd("--simulate and --organization name two different sources", "preflight", "--simulate", mixed,
            "--organization", "fabrikam"),
        cmd("--simulate and --endpoint name two different sources", "discover", "--simulate", mixed,
            "--endpoint", "http://127.0.0.1:1"),
        cmd("--credential does not apply to --simulate", "preflight", "--simulate", mixed, "--credential",
            "default"),
        cmd("The environment variable MISSING_VAR named by --pat-env is not set", "preflight", "--organization",
            "fabrikam", "--pat-env", "MISSING_VAR"),
        cmd("The environment variable EMPTY named by --pat-env is empty", "preflight", "--organization", "fabrikam",
            "--pat-env", "EMPTY"),
        cmd("takes the name of an environment variable", "discover", "--organization", "fabrikam", "--pat-env",
            "NOT A VARIABLE"),
        cmd("looks like a token itself", "discover", "--organization", "fabrikam", "--pat-env",
            "abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrst"),
        cmd("The personal access token in BAD_PAT cannot be used", "discover", "--simulate", mixed, "--pat-env",
            "BAD_PAT"),
        cmd("--pat-env and --credential are two credentials", "preflight", "--organization", "fabrikam",
            "--pat-env", "ADO_PAT", "--credential", "default"),
        cmd("Azure DevOps needs a credential", "preflight", "--organization", "fabrikam"),
        cmd("Say where the Azure DevOps data comes from", "preflight"),
        cmd("--credential takes 'default'", "discover", "--organization", "fabrikam", "--credential", "azurecli"),
        cmd("$.organizations[1].accessLevel: \"admin\" is not one of", "preflight", "--simulate",
            Cli.estateFile("bad-access-level.json")),
        cmd("$", "discover", "--simulate", Cli.estateFile("malformed.json")),
        cmd("does not exist", "discover", "--simulate", directory + "/no-such-estate.json"),
        cmd("is not a regular file", "discover", "--simulate", directory),
        cmd("Invalid value for option '--format'", "preflight", "--simulate", mixed, "--format", "xml"),
        cmd("should be specified only once", "preflight", "--simulate", mixed, "--format", "json", "--format",
            "text"),
        cmd("--concurrency must be from 1 to 256; it is 0", "discover", "--simulate", mixed, "--concurrency", "0"),
        cmd("--concurrency must be from 1 to 256; it is 257", "preflight", "--simulate", mixed, "--concurrency",
            "257"),
        cmd("Invalid value for option '--concurrency'", "discover", "--simulate", mixed, "--concurrency", "abc"),
        cmd("Invalid value for option '--concurrency'", "discover", "--simulate", mixed, "--concurrency",
            "99999999999"),
        cmd("--retries must be from 0 to 20", "discover", "--simulate", mixed, "--retries", "21"),
        cmd("--tenant: ", "preflight", "--simulate", mixed, "--tenant", "not-a-guid"),
        cmd("--organization: Entry 1 of 1", "preflight", "--organization", "bad name", "--pat-env", "ADO_PAT"),
        cmd("is listed 2 times", "preflight", "--organization", "fabrikam,Fabrikam", "--pat-env", "ADO_PAT"),
        cmd("--organization: ", "preflight", "--organization", "-leading-hyphen", "--pat-env", "ADO_PAT"),
        cmd("uses http to a host that is not a loopback address", "discover", "--endpoint", "http://example.com",
            "--pat-env", "ADO_PAT"),
        cmd("must be an absolute https URL", "discover", "--endpoint", "ftp://example.com", "--pat-env", "ADO_PAT"),
        cmd("must not have a query or fragment", "discover", "--endpoint", "http://127.0.0.1:1/?q=1", "--pat-env",
            "ADO_PAT"),
        cmd("--latency-ms only applies with --simulate", "discover", "--organization", "fabrikam", "--pat-env",
            "ADO_PAT", "--latency-ms", "5"),
        cmd("--fault-rate must be a number from 0 to 1", "discover", "--simulate", mixed, "--fault-rate", "2"),
        cmd("--fault-rate must be a number from 0 to 1", "discover", "--simulate", mixed, "--fault-rate", "NaN"),
        cmd("--latency-ms must be from 0 to 60000", "discover", "--simulate", mixed, "--latency-ms", "-1"),
        cmd("Invalid value for option '--seed'", "discover", "--simulate", mixed, "--seed", "x"),
        cmd("--seed seeds the injected faults", "discover", "--simulate", mixed, "--seed", "3"),
        cmd("--retry-after must be from 1 to 3600", "discover", "--simulate", mixed, "--retry-after", "0"),
        cmd("--retry-after only applies with --simulate", "discover", "--organization", "fabrikam", "--pat-env",
            "ADO_PAT", "--retry-after", "5"),
        cmd("--retry-after must be from 1 to 3600", "simulator", "--estate", mixed, "--retry-after", "3601"),
        cmd("Missing required option: '--estate=FILE'", "simulator"),
        cmd("--port must be from 0 to 65535", "simulator", "--estate", mixed, "--port", "70000"),
        cmd("--duration-seconds must be from 1", "simulator", "--estate", mixed, "--duration-seconds", "0"),
        cmd("--seed seeds the injected faults", "simulator", "--estate", mixed, "--seed", "3"),
        cmd("Missing required option: '--latency-ms=MS'", "bench"),
        cmd("--latency-ms must be from 1 to 60000", "bench", "--latency-ms", "0"),
        cmd("Give one or the other", "bench", "--latency-ms", "5", "--simulate", mixed, "--orgs", "3"),
        cmd("--orgs must be from 0 to 1000", "bench", "--latency-ms", "5", "--orgs", "1001"),
        cmd("The estate to generate is too large", "bench", "--latency-ms", "5", "--orgs", "1000", "--projects",
            "10000", "--repos", "1000"),
        cmd("--organization: ", "preflight", "--organization", "evil\u001b[2J\nname\u202e", "--pat-env", "ADO_PAT"),
        cmd("--organization: ", "preflight", "--organization", "a".repeat(10_000), "--pat-env", "ADO_PAT"));
  }

  private static Arguments cmd(String expected, String... args) {
    return Arguments.of(String.join(" ", args).replaceAll("\\p{Cntrl}", "?"), expected, args);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("commandLines")
  void isAUsageErrorOnOneClearLine(String shown, String expected, String[] args) {
    Cli.Result result = Cli.run(ENV, args);

    result.isUsageError();
    assertThat(result.err()).contains(expected);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).doesNotContain(PAT).doesNotContain("\u001b").doesNotContain("\u202e")
        .doesNotContain("abcdefghijklmnopqrstuvwxyz234567");
    assertThat(result.err().length()).isLessThan(Printable.MAX_LENGTH + 200);
  }
}
