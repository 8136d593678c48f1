package io.github.devopsconnector.examples.cli;

import io.github.devopsconnector.core.azuredevops.AzureDevOpsClient;
import io.github.devopsconnector.core.discovery.DiscoveryOptions;
import io.github.devopsconnector.core.discovery.GitHubInventory;
import io.github.devopsconnector.core.discovery.GitHubInventoryDiscovery;
import io.github.devopsconnector.core.discovery.Inventory;
import io.github.devopsconnector.core.discovery.InventoryDiscovery;
import io.github.devopsconnector.core.discovery.OrganizationInventory;
import io.github.devopsconnector.examples.console.ProgressBar;
import io.github.devopsconnector.core.discovery.DiscoveryTotals;
import io.github.devopsconnector.core.discovery.GitLabInventory;
import io.github.devopsconnector.core.discovery.GitLabInventoryDiscovery;
import io.github.devopsconnector.core.gitlab.GitLabClient;
import io.github.devopsconnector.github.GitHubRestClient;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code devops-connector discover}: the projects, Git repositories and pipelines a connector would see. */
@Command(name = "discover", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
        "Discovers what a connector would see: per organization its projects, Git repositories and pipelines, "
            + "with bounded concurrency that slows down when Azure DevOps throttles.",
        "An organization that fails is reported with its error; the others are discovered as usual.",
        "With --platform github (or a GitHub estate file to --simulate): per GitHub owner, the repositories the "
            + "Defender for Cloud app can access, archived ones marked.",
        "With a GitLab estate file to --simulate: per top-level GitLab group the user belongs to, every project "
            + "of its tree, listed as repositories with their full path.",
        "Each organization is also checked as a preflight would: a connector selecting all existing "
            + "organizations onboards only those where the user is a Project Collection Administrator and nothing "
            + "greys them out; the output says which, why not (the preflight codes), and totals what the connector "
            + "would see."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:discovered (organizations that refuse the user are reported, not failures)",
        AzureDevOpsCommand.USAGE_EXIT,
        AzureDevOpsCommand.SERVICE_FAILURE_EXIT})
final class DiscoverCommand extends AzureDevOpsCommand {

  @Option(names = "--no-onboarding-check", negatable = false,
      description = "Skip the per-organization onboarding check (saves a few requests per organization); the output "
          + "then has no onboardable block.")
  boolean noOnboardingCheck;

  DiscoverCommand(CliContext context) {
    super(context);
  }

  @Override
  int run(Source<AzureDevOpsClient> ado, DiscoveryOptions options, int concurrency) {
    ProgressBar progress = context.progressBar();
    Inventory inventory;
    try {
      InventoryDiscovery.Builder discovery = InventoryDiscovery.builder().client(ado.client())
          .options(options).concurrency(concurrency).listener(progress.listener());
      if (!noOnboardingCheck) {
        if (ado.tenant().isPresent()) {
          discovery.checkOnboarding(ado.tenant().get(), ado.registry());
        } else {
          discovery.checkOnboarding();
        }
      }
      inventory = discovery.build().discover(ado.selection());
    } finally {
      progress.erase();
    }
    if (run.format == OutputFormat.json) {
      DiscoveryOutput.json(context.out(), inventory);
    } else {
      DiscoveryOutput.text(context.out(), inventory, ado.selection() + " in " + ado.description());
    }
    boolean failed = inventory.organizations().stream().map(OrganizationInventory::outcome)
        .anyMatch(o -> isServiceFailure(o.error()));
    return failed ? ExitCode.SERVICE_FAILURE : ExitCode.OK;
  }

  @Override
  int runGitHub(Source<GitHubRestClient> gitHub, DiscoveryOptions options) {
    GitHubInventoryDiscovery.Builder discovery = GitHubInventoryDiscovery.builder().client(gitHub.client())
        .options(options);
    gitHub.tenant().ifPresent(tenant -> discovery.checkOnboarding(tenant, gitHub.registry()));
    GitHubInventory inventory = discovery.build().discover(gitHub.selection());
    return print(AccountDiscoveryOutput.GITHUB, inventory.owners(), inventory.totals(), inventory.onboardable(),
        gitHub);
  }

  @Override
  int runGitLab(Source<GitLabClient> gitLab, DiscoveryOptions options) {
    GitLabInventoryDiscovery.Builder discovery = GitLabInventoryDiscovery.builder().client(gitLab.client())
        .options(options);
    gitLab.tenant().ifPresent(tenant -> discovery.checkOnboarding(tenant, gitLab.registry()));
    GitLabInventory inventory = discovery.build().discover(gitLab.selection());
    return print(AccountDiscoveryOutput.GITLAB, inventory.groups(), inventory.totals(), inventory.onboardable(),
        gitLab);
  }

  /** Prints a GitHub or GitLab inventory; a failure of the service for any organization is the exit code's. */
  private <E> int print(AccountDiscoveryOutput<E, ?> output, List<E> entries, DiscoveryTotals totals,
      DiscoveryTotals onboardable, Source<?> source) {
    if (run.format == OutputFormat.json) {
      output.json(context.out(), entries, totals, onboardable);
    } else {
      output.text(context.out(), source.selection() + " in " + source.description(), entries, totals, onboardable);
    }
    boolean failed = entries.stream().map(output::outcome).anyMatch(o -> isServiceFailure(o.error()));
    return failed ? ExitCode.SERVICE_FAILURE : ExitCode.OK;
  }
}
