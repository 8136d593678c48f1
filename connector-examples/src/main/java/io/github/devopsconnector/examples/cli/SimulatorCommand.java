package io.github.devopsconnector.examples.cli;

import io.github.devopsconnector.examples.console.Printable;
import io.github.devopsconnector.testing.AzureDevOpsSimulator;
import io.github.devopsconnector.testing.Estate;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code devops-connector simulator}: serves an estate file as Azure DevOps on 127.0.0.1 until stopped. */
@Command(name = "simulator", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
        "Serves an estate file as Azure DevOps (the single-host layout of Azure DevOps Server) on 127.0.0.1 until "
            + "stopped with Ctrl-C or SIGTERM, or until --duration-seconds pass.",
        "Prints the base URL as the first line; without --pat-env, the generated personal access token follows on "
            + "the second line as PAT=<value> (a throwaway secret for this simulator only).",
        "Point the tool at it with: devops-connector discover --endpoint URL --pat-env VAR"})
final class SimulatorCommand implements Callable<Integer> {

  private final CliContext context;

  @Option(names = "--estate", required = true, paramLabel = "FILE", description = "The estate file to serve.")
  Path estate;

  @Option(names = "--port", paramLabel = "N", description = "The port, 0 to 65535 (default 0: any free port).")
  Integer port;

  @Option(names = "--latency-ms", paramLabel = "MS", description = "Delay every response this long (0 to 60000).")
  Integer latencyMs;

  @Option(names = "--fault-rate", paramLabel = "X",
      description = "The share of requests, 0 to 1, that get a transient fault (429, 503 or a dropped connection).")
  Double faultRate;

  @Option(names = "--seed", paramLabel = "N", description = "The seed of the injected faults (default: random).")
  Long seed;

  @Option(names = "--pat-env", paramLabel = "VAR",
      description = "Accept the personal access token in this environment variable instead of a generated one.")
  String patEnv;

  @Option(names = "--duration-seconds", paramLabel = "N",
      description = "Stop after this many seconds (1 to 31536000; default: run until stopped).")
  Long durationSeconds;

  SimulatorCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (durationSeconds != null) {
      Checks.range("--duration-seconds", durationSeconds, 1, 365L * 24 * 3600);
    }
    SimulatorSettings settings = new SimulatorSettings().port(port).latencyMs(latencyMs).faultRate(faultRate)
        .seed(seed);
    if (seed != null && faultRate == null) {
      throw new UsageException("--seed seeds the injected faults; give --fault-rate too.");
    }
    Estate served = EstateLoader.read("--estate", estate);
    if (patEnv != null) {
      settings.personalAccessToken(context.secretFromEnvironment("--pat-env", patEnv), patEnv);
    }
    AzureDevOpsSimulator simulator = settings.start(served);
    CountDownLatch stop = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      stop.countDown();
      simulator.close();
    }, "devops-connector-simulator-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      context.out().println(simulator.endpoint());
      if (patEnv == null) {
        // The one place a secret is printed: the user's own throwaway token for this simulator.
        context.out().println("PAT=" + simulator.personalAccessToken());
      }
      context.out().println(String.format(Locale.ROOT,
          "Serving %d organizations (%d projects, %d repositories, %d pipelines) from %s; latency %d ms, fault rate "
              + "%s%s. Stop with Ctrl-C.",
          served.organizations().size(), served.projectCount(), served.repositoryCount(), served.pipelineCount(),
          Printable.line(estate.toString()), settings.latencyMs(), settings.faultRate(),
          settings.faultRate() > 0 ? " (seed " + simulator.seed() + ")" : ""));
      context.out().flush();
      if (durationSeconds == null) {
        stop.await();
      } else {
        stop.await(durationSeconds, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      // Interrupted is stopped.
      Thread.currentThread().interrupt();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running and closes the simulator.
      }
      simulator.close();
    }
    return ExitCode.OK;
  }
}
