package io.github.devopsconnector.core.discovery;

import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsProject;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsRepository;
import java.util.List;
import org.immutables.value.Value;

/**
 * One organization of an {@link Inventory}: its outcome and what was found in it. Projects, repositories and
 * pipelines are each sorted by name ignoring case, then by id. Repositories and pipelines name their project by id
 * and name and share the project's name instance.
 */
@Value.Immutable
public abstract class OrganizationInventory {

  OrganizationInventory() {}

  /** How discovering the organization ended, with counts. */
  public abstract OrganizationOutcome outcome();

  /** Its projects. */
  public abstract List<AzureDevOpsProject> projects();

  /** Its Git repositories, from every project. */
  public abstract List<AzureDevOpsRepository> repositories();

  /** Its pipelines, from every project. */
  public abstract List<DiscoveredPipeline> pipelines();

  /** The organization. */
  public final OrganizationName name() {
    return outcome().organization();
  }

  /** Discovered, skipped or failed. */
  public final OrganizationStatus status() {
    return outcome().status();
  }

  static ImmutableOrganizationInventory.Builder builder() {
    return ImmutableOrganizationInventory.builder();
  }

  @Value.Check
  final void check() {
    if (outcome().projectCount() != projects().size() || outcome().repositoryCount() != repositories().size()
        || outcome().pipelineCount() != pipelines().size()) {
      throw new IllegalArgumentException("The outcome's counts must match the organization's lists.");
    }
  }

  @Override
  public String toString() {
    return outcome().toString();
  }
}
