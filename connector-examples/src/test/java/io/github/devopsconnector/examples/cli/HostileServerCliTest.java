package io.github.devopsconnector.examples.cli;

import static io.github.devopsconnector.testsupport.HostileAdoServer.ORGANIZATION;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsconnector.testsupport.AttackLedger;
import io.github.devopsconnector.testsupport.AttackLedger.Evidence;
import io.github.devopsconnector.testsupport.HostileAdoServer;
import io.github.devopsconnector.testsupport.RawHttpServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The hostile-server suite's command-line part: {@code discover} and {@code preflight} against a hostile Azure
 * DevOps, each with a shortened {@code --timeout}, must return with their documented exit code (3: the service
 * failed or the run ran out of time) within it, and never print the token.
 */
class HostileServerCliTest {
  private static final String PAT = "hostileclipat4c8e2a6f0b3d7e9a1c5f8b2d4e6a0c3f5b7d9e1a3c5e7f9b1d3a5";
  private static final Map<String, String> ENV = Map.of("ADO_PAT", PAT);
  private static final AttackLedger LEDGER = new AttackLedger("CLI", Set.of(PAT));

  @TestFactory
  Stream<DynamicTest> commandLine() {
    List<DynamicTest> tests = new ArrayList<>();
    tests.add(attack("discover: a stalled organization", "discover", Duration.ofSeconds(3),
        s -> s.attack("GET", HostileAdoServer.projects(ORGANIZATION), RawHttpServer.stall()), "--timeout", "2"));
    tests.add(attack("discover: a trickled answer", "discover", Duration.ofSeconds(3),
        s -> s.attack("GET", HostileAdoServer.projects(ORGANIZATION), HostileAdoServer.trickle(
            "{\"count\":1,\"value\":[{\"id\":\"p1\",\"name\":\"Web\"}]}", Duration.ofMillis(400))),
        "--timeout", "2"));
    tests.add(attack("discover: Retry-After of a day on the organizations", "discover", Duration.ofSeconds(3),
        s -> s.attack("GET", "/_apis/accounts", HostileAdoServer.throttle(86_400)), "--timeout", "60"));
    tests.add(attack("discover: projects paging without end", "discover", Duration.ofSeconds(10),
        s -> s.attack("GET", HostileAdoServer.projects(ORGANIZATION),
            HostileAdoServer.endlessPages("{\"id\":\"p1\",\"name\":\"Web\"}")), "--timeout", "10"));
    tests.add(attack("discover: the token echoed in an error", "discover", Duration.ofSeconds(3),
        s -> s.attack("GET", "/_apis/accounts", HostileAdoServer.echoAuthorization(500)), "--retries", "0",
        "--verbose"));
    tests.add(attack("discover: a profile that never answers, per-call limit", "discover", Duration.ofSeconds(2),
        s -> s.attack("GET", "/_apis/profile/profiles/me", RawHttpServer.stall()), "--call-timeout", "1"));
    tests.add(attack("preflight: a stalled entitlement", "preflight", Duration.ofSeconds(3),
        s -> s.attack("GET", HostileAdoServer.entitlement(ORGANIZATION), RawHttpServer.stall()), "--timeout", "2"));
    tests.add(attack("preflight: Retry-After of a day on the entitlement", "preflight", Duration.ofSeconds(4),
        s -> s.attack("GET", HostileAdoServer.entitlement(ORGANIZATION), HostileAdoServer.throttle(86_400)),
        "--timeout", "3"));
    return tests.stream();
  }

  private static DynamicTest attack(String name, String command, Duration deadline,
      Consumer<HostileAdoServer> setup, String... extra) {
    return DynamicTest.dynamicTest(name, () -> {
      AttackLedger.Outcome outcome = LEDGER.run("cli", name, deadline, () -> {
        try (HostileAdoServer server = HostileAdoServer.start()) {
          setup.accept(server);
          List<String> args = new ArrayList<>(List.of(command, "--endpoint", server.url(), "--pat-env", "ADO_PAT"));
          args.addAll(List.of(extra));
          Cli.Result result = Cli.run(ENV, args.toArray(String[]::new));
          String seen = "exit " + result.exitCode() + ": " + (result.errLines().isEmpty() ? ""
              : result.errLines().get(0));
          return result.exitCode() == ExitCode.SERVICE_FAILURE
              ? Evidence.typed(seen, result.out(), result.err())
              : Evidence.untyped(seen, result.out(), result.err());
        }
      });
      assertThat(outcome.defeated()).as(outcome.toString()).isTrue();
    });
  }

  @AfterAll
  static void figures() {
    System.out.println(LEDGER.report());
    assertThat(LEDGER.outcomes()).allMatch(AttackLedger.Outcome::defeated, "every attack defeated");
  }
}
