package io.github.devopsconnector.core.discovery;

import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsProject;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsRepository;

/**
 * Receives a streaming discovery's items one by one instead of holding them, for estates too large to keep in
 * memory. Items arrive in no particular order, each exactly once (items a listing repeats are dropped). Calls come
 * from the discovery's worker threads but never two at once, so an implementation needs no locking of its own;
 * keep them short, since they hold up the discovery. If a call throws, the discovery stops and rethrows it.
 * Items delivered for an organization that fails later stay delivered.
 */
public interface InventorySink {

  /** A Git repository of an organization. */
  void repository(OrganizationName organization, AzureDevOpsRepository repository);

  /** A pipeline of an organization; ignored by default. */
  default void pipeline(OrganizationName organization, DiscoveredPipeline pipeline) {}

  /** A project of an organization, delivered before its pipelines; ignored by default. */
  default void project(OrganizationName organization, AzureDevOpsProject project) {}
}
