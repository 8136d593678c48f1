package io.github.devopsconnector.examples.cli;

import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.TenantId;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsClient;
import io.github.devopsconnector.core.edit.TenantRegistry;
import io.github.devopsconnector.testing.AzureDevOpsSimulator;
import java.util.Optional;

/**
 * A connected source of Azure DevOps data: the client, what to select, the connector's tenant and registry.
 *
 * @param description where the data comes from, for people; never a secret
 * @param simulator the embedded simulator the client talks to, or {@code null}
 */
record AdoSource(AzureDevOpsClient client, OrganizationSelection selection, Optional<TenantId> tenant,
    TenantRegistry registry, String description, AzureDevOpsSimulator simulator) implements AutoCloseable {

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

  /** The description only: the client and the simulator stay out of any printed text. */
  @Override
  public String toString() {
    return description;
  }
}
