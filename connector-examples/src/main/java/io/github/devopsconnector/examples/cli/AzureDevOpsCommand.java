package io.github.devopsconnector.examples.cli;

import io.github.devopsconnector.core.DevOpsPlatform;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsClient;
import io.github.devopsconnector.core.gitlab.GitLabClient;
import io.github.devopsconnector.core.discovery.DiscoveryError;
import io.github.devopsconnector.core.discovery.DiscoveryOptions;
import io.github.devopsconnector.github.GitHubRestClient;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * What {@code preflight} and {@code discover} share: where the Azure DevOps data comes from ({@link SourceOptions}),
 * how the run goes ({@link RunOptions}), checking both before the first request, closing the source, and telling a
 * failure of the service from an organization's refusal.
 */
abstract class AzureDevOpsCommand implements Callable<Integer> {

  /** The last exit codes of both commands' help. */
  static final String USAGE_EXIT = "2:usage error";
  static final String SERVICE_FAILURE_EXIT = "3:Azure DevOps, Microsoft Entra or the network failed, or the run ran "
      + "out of time (--timeout), for the whole run or an organization";

  final CliContext context;

  @Mixin
  SourceOptions source = new SourceOptions();

  @Mixin
  RunOptions run = new RunOptions();

  AzureDevOpsCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public final Integer call() {
    int concurrency = run.concurrency();
    DiscoveryOptions options = run.options();   // checked before any request
    DevOpsPlatform platform = source.platform();
    if (platform == DevOpsPlatform.GITHUB) {
      try (Source<GitHubRestClient> gitHub = source.openGitHub(context)) {
        int exitCode = runGitHub(gitHub, options);
        context.out().flush();
        return exitCode;
      }
    }
    if (platform == DevOpsPlatform.GITLAB) {
      try (Source<GitLabClient> gitLab = source.openGitLab(context)) {
        int exitCode = runGitLab(gitLab, options);
        context.out().flush();
        return exitCode;
      }
    }
    try (Source<AzureDevOpsClient> ado = source.open(context, concurrency)) {
      int exitCode = run(ado, options, concurrency);
      context.out().flush();
      return exitCode;
    }
  }

  /** Runs the command against the open source, prints the result on {@code context.out()}, gives the exit code. */
  abstract int run(Source<AzureDevOpsClient> ado, DiscoveryOptions options, int concurrency);

  /** As {@link #run}, against a GitHub source (GitHub requests go one at a time: no concurrency). */
  abstract int runGitHub(Source<GitHubRestClient> gitHub, DiscoveryOptions options);

  /** As {@link #run}, against a GitLab source (one request at a time: no concurrency). */
  abstract int runGitLab(Source<GitLabClient> gitLab, DiscoveryOptions options);

  /**
   * Whether an organization's error is a failure of the service (the network, the time limit): refusals
   * (401/403/404) are facts about the organization instead.
   */
  static boolean isServiceFailure(Optional<DiscoveryError> error) {
    return error.map(e -> !e.isNotAccessible()).orElse(false);
  }
}
