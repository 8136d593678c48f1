package io.github.devopsconnector.examples.cli;

import io.github.devopsconnector.core.Finding;
import io.github.devopsconnector.core.ValidationReport;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsClient;
import io.github.devopsconnector.core.discovery.DiscoveryOptions;
import io.github.devopsconnector.core.discovery.OrganizationPreflight;
import io.github.devopsconnector.core.discovery.Preflight;
import io.github.devopsconnector.core.discovery.PreflightReport;
import io.github.devopsconnector.core.gitlab.GitLabClient;
import io.github.devopsconnector.github.GitHubRestClient;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code devops-connector preflight}: which organizations a connector could onboard, and why the others not. */
@Command(name = "preflight", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
        "Checks, before a connector is created, which Azure DevOps organizations it could onboard: the signed-in "
            + "user's access level, Project Collection Administrator membership, the third-party OAuth policy, "
            + "the organization's tenant, and organizations another connector of the tenant already onboarded.",
        "With --platform github (or a GitHub estate file to --simulate), which GitHub owners: Owner role, the "
            + "Defender for Cloud app and its repository access, Enterprise Managed Users, data residency, and "
            + "owners onboarded elsewhere.",
        "With a GitLab estate file to --simulate, which top-level GitLab groups: Owner role (access level 50), "
            + "GitLab Ultimate, and groups onboarded elsewhere.",
        "Greyed-out organizations are listed with each finding's code, message and remediation."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:every organization is eligible",
        "1:an organization is greyed out, or a connector-level finding blocks",
        AzureDevOpsCommand.USAGE_EXIT,
        AzureDevOpsCommand.SERVICE_FAILURE_EXIT})
final class PreflightCommand extends AzureDevOpsCommand {

  PreflightCommand(CliContext context) {
    super(context);
  }

  @Override
  int run(Source<AzureDevOpsClient> ado, DiscoveryOptions options, int concurrency) {
    Preflight preflight = Preflight.builder().client(ado.client()).tenantRegistry(ado.registry())
        .options(options).concurrency(concurrency).build();
    ValidationReport connector = ValidationReport.of(List.of());
    PreflightReport report = ado.tenant().isPresent()
        ? preflight.check(ado.selection(), ado.tenant().get(), connector)
        : preflight.check(ado.selection(), connector);
    if (run.format == OutputFormat.json) {
      PreflightOutput.json(context.out(), report);
    } else {
      PreflightOutput.text(context.out(), report, ado.description(),
          ado.tenant().map(t -> "tenant " + t).orElse("tenant not checked"));
    }
    return exitCode(report);
  }

  @Override
  int runGitHub(Source<GitHubRestClient> gitHub, DiscoveryOptions options) {
    return check(Preflight.builder().client(gitHub.client()).tenantRegistry(gitHub.registry()).options(options)
        .build(), gitHub);
  }

  @Override
  int runGitLab(Source<GitLabClient> gitLab, DiscoveryOptions options) {
    return check(Preflight.builder().client(gitLab.client()).tenantRegistry(gitLab.registry()).options(options)
        .build(), gitLab);
  }

  /** Checks the source's selection (against its tenant, when known), prints the report, gives the exit code. */
  private int check(Preflight preflight, Source<?> source) {
    ValidationReport connector = ValidationReport.of(List.of());
    PreflightReport report = source.tenant().isPresent()
        ? preflight.check(source.selection(), source.tenant().get(), connector)
        : preflight.check(source.selection(), connector);
    if (run.format == OutputFormat.json) {
      PreflightOutput.json(context.out(), report);
    } else {
      PreflightOutput.text(context.out(), report, source.description(),
          source.tenant().map(t -> "tenant " + t).orElse("tenant not checked"));
    }
    return exitCode(report);
  }

  private static int exitCode(PreflightReport report) {
    // A check that failed (the service, the network, the time limit) is a failure, not a finding.
    boolean failed = report.organizations().stream().anyMatch(o -> isServiceFailure(o.error()));
    boolean blocked = report.connectorFindings().stream().anyMatch(Finding::isError)
        || report.organizations().stream().anyMatch(OrganizationPreflight::isGreyedOut);
    return failed ? ExitCode.SERVICE_FAILURE : blocked ? ExitCode.BLOCKING_FINDINGS : ExitCode.OK;
  }
}
