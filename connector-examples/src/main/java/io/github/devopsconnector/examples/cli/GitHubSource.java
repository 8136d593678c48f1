package io.github.devopsconnector.examples.cli;

import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.TenantId;
import io.github.devopsconnector.core.edit.TenantRegistry;
import io.github.devopsconnector.github.GitHubRestClient;
import io.github.devopsconnector.testing.GitHubSimulator;
import java.util.Optional;

/**
 * A connected source of GitHub data: the client, what to select, the connector's tenant and registry.
 *
 * @param description where the data comes from, for people; never a secret
 * @param simulator the embedded simulator the client talks to, or {@code null}
 */
record GitHubSource(GitHubRestClient client, OrganizationSelection selection, Optional<TenantId> tenant,
    TenantRegistry registry, String description, GitHubSimulator simulator) implements AutoCloseable {

  /** Closes the client and stops the embedded simulator, if there is one. */
  @Override
  public void close() {
    try {
      client.close();
    } finally {
      if (simulator != null) {
        simulator.close();
      }
    }
  }

  /** The description only. */
  @Override
  public String toString() {
    return description;
  }
}
