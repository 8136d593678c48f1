package io.github.devopsconnector.examples.cli;

import picocli.CommandLine.Option;

/**
 * {@code --latency-ms}, {@code --fault-rate}, {@code --seed} and {@code --retry-after}: how a simulator behaves, the
 * same options for the embedded simulator of {@code --simulate} and for the {@code simulator} command.
 */
final class SimulatorOptions {

  @Option(names = "--latency-ms", paramLabel = "MS",
      description = "The simulator delays every response this long, 0 to 60000 ms.")
  Integer latencyMs;

  @Option(names = "--fault-rate", paramLabel = "X",
      description = "The share of requests, 0 to 1, that get a transient fault from the simulator (Azure DevOps: "
          + "429, 503 or a dropped connection; GitHub: a secondary rate limit or 503; GitLab: 429 or 503).")
  Double faultRate;

  @Option(names = "--seed", paramLabel = "N",
      description = "The seed of the simulator's injected faults (default: random).")
  Long seed;

  @Option(names = "--retry-after", paramLabel = "SECONDS",
      description = "The Retry-After of the simulator's throttling faults (Azure DevOps: and of its 503s), 1 to 3600 "
          + "seconds. Default: the simulator's (Azure DevOps: 1, GitHub and GitLab: 60); a client waits that long "
          + "before it retries.")
  Integer retryAfterSeconds;

  /**
   * The checked settings of these options.
   *
   * @throws UsageException if a value is out of range, or {@code --seed} comes without {@code --fault-rate}
   */
  SimulatorSettings settings() {
    if (seed != null && faultRate == null) {
      throw new UsageException("--seed seeds the injected faults; give --fault-rate too.");
    }
    return new SimulatorSettings().latencyMs(latencyMs).faultRate(faultRate).seed(seed)
        .retryAfterSeconds(retryAfterSeconds);
  }

  /**
   * Refuses these options where no simulator runs.
   *
   * @throws UsageException naming the first option given
   */
  void requireNone() {
    requireAbsent("--latency-ms", latencyMs);
    requireAbsent("--fault-rate", faultRate);
    requireAbsent("--seed", seed);
    requireAbsent("--retry-after", retryAfterSeconds);
  }

  private static void requireAbsent(String option, Object value) {
    if (value != null) {
      throw new UsageException(option + " only applies with --simulate FILE.");
    }
  }
}
