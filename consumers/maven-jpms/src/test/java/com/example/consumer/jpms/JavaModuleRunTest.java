package com.example.consumer.jpms;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsconnector.testing.ArmSimulator;
import io.github.devopsconnector.testing.AzureDevOpsSimulator;
import io.github.devopsconnector.testing.Estates;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the application as a module, {@code java -p ... -m com.example.consumer.jpms/...}, against the simulators. */
class JavaModuleRunTest {

  @Test
  void theApplicationRunsOnTheModulePath() throws Exception {
    runs(System.getProperty("consumer.modulePath"), List.of());
  }

  @Test
  void theTestModulesResolveWithIt() throws Exception {
    // The fixtures' modules (connector-testing, connector-testing-junit5 with JUnit and AssertJ) resolve too.
    runs(System.getProperty("consumer.testModulePath"),
        List.of("--add-modules", "io.github.devopsconnector.testing.junit5"));
  }

  private static void runs(String modulePathFile, List<String> options) throws Exception {
    String dependencies = Files.readString(Path.of(modulePathFile), StandardCharsets.UTF_8).trim();
    String modulePath = System.getProperty("consumer.classes") + File.pathSeparator + dependencies;
    try (AzureDevOpsSimulator ado = AzureDevOpsSimulator.builder(Estates.builder().tokenForAllOrganizations()
            .organization("fabrikam", org -> org.project("web", p -> p.repositories("api", "ui")))
            .build()).build().start();
        ArmSimulator arm = ArmSimulator.builder().build().start()) {
      Path java = Path.of(System.getProperty("java.home"), "bin", "java");
      List<String> arguments = new ArrayList<>(List.of(java.toString(), "-Dsun.net.httpserver.nodelay=true",
          "-p", modulePath));
      arguments.addAll(options);
      arguments.addAll(List.of("-m", "com.example.consumer.jpms/com.example.consumer.jpms.Main",
          ado.endpoint(), arm.endpoint(), ArmSimulator.bearerToken("d6245f20-2af8-44f4-9451-8107cb2767db")));
      Path log = Files.createTempFile("java-m", ".log");
      ProcessBuilder command = new ProcessBuilder(arguments).redirectErrorStream(true).redirectOutput(log.toFile());
      command.environment().put("ADO_PAT", ado.personalAccessToken());
      Process process = command.start();
      boolean ended = process.waitFor(60, TimeUnit.SECONDS);
      if (!ended) {
        process.destroyForcibly();
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      Files.deleteIfExists(log);
      assertThat(ended).as("java -m ended within 60 s: " + output).isTrue();

      assertThat(process.exitValue()).as(output).isZero();
      assertThat(output).contains("github-client=2022-11-28");
      assertThat(output).contains("gitlab-client=v4");
      assertThat(output).contains("organizations=1 repositories=2 complete=true")
          .contains("azure-prerequisites-valid=true");
      assertThat(ado.counters().totalRequests()).isPositive();
      assertThat(arm.counters().totalRequests()).isPositive();
    }
  }
}
