package io.github.devopsconnector.examples.cli;

import io.github.devopsconnector.core.discovery.DiscoveryOptions;
import picocli.CommandLine.Option;

/** {@code --format}, {@code --concurrency} and {@code --timeout}, shared by preflight and discover. */
final class RunOptions {

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
      description = "Output format: text (default) or json.")
  OutputFormat format = OutputFormat.text;

  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "8",
      description = "Most requests to Azure DevOps in flight at once, 1 to 256 (default ${DEFAULT-VALUE}).")
  int concurrency = 8;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "1800",
      description = "The longest the whole run may take, 1 to 86400 seconds (default ${DEFAULT-VALUE}); "
          + "organizations not finished by then are reported as failed.")
  int timeoutSeconds = 1800;

  /**
   * The run's options: its time limit.
   *
   * @throws UsageException if the time limit is out of range
   */
  DiscoveryOptions options() {
    Checks.range("--timeout", timeoutSeconds, 1, 86_400);
    return DiscoveryOptions.builder().timeout(java.time.Duration.ofSeconds(timeoutSeconds)).build();
  }

  /**
   * The checked concurrency.
   *
   * @throws UsageException if it is out of range
   */
  int concurrency() {
    return Checks.range("--concurrency", concurrency, 1, DiscoveryOptions.MAX_CONCURRENCY);
  }
}
