package io.github.devopsconnector.examples.cli;

import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.TenantId;
import io.github.devopsconnector.core.edit.TenantRegistry;
import io.github.devopsconnector.testing.LoopbackSimulator;
import java.util.Optional;

/**
 * A connected source of platform data (Azure DevOps or GitHub): the client, what to select, the connector's tenant
 * and registry.
 *
 * @param <C> the client's type
 * @param client the client
 * @param selection the organizations or owners to check
 * @param tenant the connector's tenant, if known
 * @param registry which connector holds which organization
 * @param description where the data comes from, for people; never a secret
 * @param simulator the embedded simulator the client talks to, or {@code null}
 */
record Source<C>(C client, OrganizationSelection selection, Optional<TenantId> tenant, TenantRegistry registry,
    String description, LoopbackSimulator<?, ?, ?> simulator) implements AutoCloseable {

  /**
   * Closes the client (its connections and threads; a client that holds none is left alone), then stops the
   * embedded simulator, if there is one, even when closing the client failed.
   *
   * @throws IllegalStateException if closing the client failed
   */
  @Override
  public void close() {
    try {
      if (client instanceof AutoCloseable) {
        ((AutoCloseable) client).close();
      }
    } catch (Exception e) {
      throw new IllegalStateException("Closing the client of " + description + " failed.", e);
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
