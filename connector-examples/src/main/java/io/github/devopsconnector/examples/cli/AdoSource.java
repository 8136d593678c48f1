package io.github.devopsconnector.examples.cli;

import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.TenantId;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsClient;
import io.github.devopsconnector.core.edit.TenantRegistry;
import io.github.devopsconnector.testing.AzureDevOpsSimulator;
import java.util.Optional;

/** A connected source of Azure DevOps data: the client, what to select, the connector's tenant and registry. */
final class AdoSource implements AutoCloseable {

  private final AzureDevOpsClient client;
  private final OrganizationSelection selection;
  private final Optional<TenantId> tenant;
  private final TenantRegistry registry;
  private final String description;
  private final AzureDevOpsSimulator simulator;

  AdoSource(AzureDevOpsClient client, OrganizationSelection selection, Optional<TenantId> tenant,
      TenantRegistry registry, String description, AzureDevOpsSimulator simulator) {
    this.client = client;
    this.selection = selection;
    this.tenant = tenant;
    this.registry = registry;
    this.description = description;
    this.simulator = simulator;
  }

  AzureDevOpsClient client() {
    return client;
  }

  OrganizationSelection selection() {
    return selection;
  }

  Optional<TenantId> tenant() {
    return tenant;
  }

  TenantRegistry registry() {
    return registry;
  }

  /** Where the data comes from, for people; never a secret. */
  String description() {
    return description;
  }

  /** Closes the client (its connections and threads) and stops the embedded simulator, if there is one. */
  @Override
  public void close() {
    try {
      if (client instanceof AutoCloseable) {
        ((AutoCloseable) client).close();
      }
    } catch (Exception e) {
      throw new IllegalStateException("Closing the Azure DevOps client failed.", e);
    } finally {
      if (simulator != null) {
        simulator.close();
      }
    }
  }
}
