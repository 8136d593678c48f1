package io.github.devopsconnector.examples.cli;

import io.github.devopsconnector.core.discovery.DiscoveryOptions;
import io.github.devopsconnector.core.discovery.Inventory;
import io.github.devopsconnector.core.discovery.InventoryDiscovery;
import io.github.devopsconnector.core.discovery.OrganizationInventory;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code devops-connector discover}: the projects, Git repositories and pipelines a connector would see. */
@Command(name = "discover", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
        "Discovers what a connector would see: per organization its projects, Git repositories and pipelines, "
            + "with bounded concurrency that slows down when Azure DevOps throttles.",
        "An organization that fails is reported with its error; the others are discovered as usual.",
        "Each organization is also checked as a preflight would: a connector selecting all existing "
            + "organizations onboards only those where the user is a Project Collection Administrator and nothing "
            + "greys them out; the output says which, why not (the preflight codes), and totals what the connector "
            + "would see."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:discovered (organizations that refuse the user are reported, not failures)",
        "2:usage error",
        "3:Azure DevOps, Microsoft Entra or the network failed, or the run ran out of time (--timeout), for the "
            + "whole run or an organization"})
final class DiscoverCommand implements Callable<Integer> {

  private final CliContext context;

  @Mixin
  SourceOptions source = new SourceOptions();

  @Mixin
  RunOptions run = new RunOptions();

  @Option(names = "--no-onboarding-check", negatable = false,
      description = "Skip the per-organization onboarding check (saves a few requests per organization); the output "
          + "then has no onboardable block.")
  boolean noOnboardingCheck;

  DiscoverCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    int concurrency = run.concurrency();
    DiscoveryOptions options = run.options();   // checked before any request
    try (AdoSource ado = source.open(context, concurrency)) {
      ProgressBar progress = ProgressBar.of(context);
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
        progress.finish();
      }
      if (run.format == OutputFormat.json) {
        DiscoveryOutput.json(context.out(), inventory);
      } else {
        DiscoveryOutput.text(context.out(), inventory, ado.selection() + " in " + ado.description());
      }
      context.out().flush();
      // Refusals (401/403/404) are facts about the organization; anything else is a failure of the service.
      boolean failed = inventory.organizations().stream().map(OrganizationInventory::outcome)
          .anyMatch(o -> o.error().map(e -> !e.isNotAccessible()).orElse(false));
      return failed ? ExitCode.SERVICE_FAILURE : ExitCode.OK;
    }
  }
}
