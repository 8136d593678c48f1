package io.github.devopsconnector.examples.cli;

import io.github.devopsconnector.core.discovery.DiscoveryOptions;
import picocli.CommandLine.Option;

/** {@code --format} and {@code --concurrency}, shared by preflight and discover. */
final class RunOptions {

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
      description = "Output format: text (default) or json.")
  OutputFormat format = OutputFormat.text;

  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "8",
      description = "Most requests to Azure DevOps in flight at once, 1 to 256 (default ${DEFAULT-VALUE}).")
  int concurrency = 8;

  /**
   * The checked concurrency.
   *
   * @throws UsageException if it is out of range
   */
  int concurrency() {
    return Checks.range("--concurrency", concurrency, 1, DiscoveryOptions.MAX_CONCURRENCY);
  }
}
