package io.github.devopsconnector.testing;

import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A fake Azure DevOps world as one signed-in user sees it: the user, the organizations they belong to with their
 * projects, repositories and pipelines, the user's standing in each, and which organizations other connectors of
 * the tenant already onboarded. Immutable; shared by the in-memory client, the estate files and the simulators.
 */
@Value.Immutable
public abstract class Estate {

  Estate() {}

  /** The Microsoft Entra tenant of the subscription the connector is created in. */
  public abstract TenantId tenantId();

  /** The signed-in user. */
  public abstract EstateUser user();

  /** Organizations already onboarded by another connector in the tenant. */
  public abstract Set<OrganizationName> onboardedElsewhere();

  /** The organizations the user belongs to. */
  public abstract List<EstateOrganization> organizations();

  /** The organization with this name. */
  public final Optional<EstateOrganization> organization(OrganizationName name) {
    return organizations().stream().filter(o -> o.name().equals(name)).findFirst();
  }

  /** Total number of projects. */
  public final long projectCount() {
    return organizations().stream().mapToLong(o -> o.projects().size()).sum();
  }

  /** Total number of repositories. */
  public final long repositoryCount() {
    return organizations().stream().flatMap(o -> o.projects().stream()).mapToLong(p -> p.repositories().size()).sum();
  }

  /** Total number of pipelines. */
  public final long pipelineCount() {
    return organizations().stream().flatMap(o -> o.projects().stream()).mapToLong(p -> p.pipelines().size()).sum();
  }

  @Value.Check
  final void check() {
    if (organizations().stream().map(EstateOrganization::name).distinct().count() != organizations().size()) {
      throw new IllegalArgumentException("An estate must not list an organization twice.");
    }
  }
}
