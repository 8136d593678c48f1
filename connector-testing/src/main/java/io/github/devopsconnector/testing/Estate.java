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

  /**
   * Whether the user's personal access token was created for "All accessible organizations". Only such a token
   * may read the profile and the list of organizations: a token scoped to organizations gets {@code 401} there
   * (MicrosoftDocs/vsts-rest-api-specs#166; the workaround reported in edgafner/dorkag#31 is an all-organizations
   * token). Default: {@code false}, a token scoped to {@link #tokenOrganizations()}, the usual kind, since the
   * service does not promise a token that works everywhere.
   */
  @Value.Default
  public boolean tokenForAllOrganizations() {
    return false;
  }

  /**
   * The organizations a token scoped to organizations works in; empty means every organization of the estate.
   * Ignored when {@link #tokenForAllOrganizations()}. Elsewhere the token gets {@code 401}.
   */
  public abstract Set<OrganizationName> tokenOrganizations();

  /** Whether the personal access token may be used in this organization. */
  public final boolean tokenWorksIn(OrganizationName organization) {
    return tokenForAllOrganizations() || tokenOrganizations().isEmpty() || tokenOrganizations().contains(organization);
  }

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
