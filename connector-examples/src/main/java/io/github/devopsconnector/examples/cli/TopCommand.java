package io.github.devopsconnector.examples.cli;

import io.github.devopsconnector.examples.demo.Demo;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code devops-connector}: without a subcommand, runs the demo. */
@Command(name = "devops-connector", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
        "Checks, discovers and simulates what a Microsoft Defender for Cloud DevOps connector sees in Azure DevOps.",
        "Without a command, runs the guided demo against built-in simulators."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:success",
        "1:preflight found blocking findings (a greyed-out organization or a connector-level error)",
        "2:usage error: a wrong option, or a file that cannot be used",
        "3:Azure DevOps, Microsoft Entra, the network or the local system failed"},
    footerHeading = "%nExamples:%n",
    footer = {
        "  devops-connector preflight --organization fabrikam --pat-env ADO_PAT",
        "  devops-connector discover --credential default --format json",
        "  devops-connector preflight --simulate estate.json",
        "  devops-connector simulator --estate estate.json --port 8080",
        "  devops-connector bench --orgs 50 --projects 200 --repos 10 --pipelines 1 \\",
        "      --latency-ms 20 --concurrency 64"})
final class TopCommand implements Callable<Integer> {

  private final CliContext context;

  TopCommand(CliContext context) {
    this.context = context;
  }

  @Option(names = "--verbose", scope = ScopeType.INHERIT,
      description = "On errors, print the stack trace too (secrets still hidden).")
  void verbose(boolean verbose) {
    context.verbose(verbose);
  }

  @Override
  public Integer call() {
    return Demo.run(context.out(), context.err());
  }
}
