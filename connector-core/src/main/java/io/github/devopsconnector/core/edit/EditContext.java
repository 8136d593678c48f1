package io.github.devopsconnector.core.edit;

import io.github.devopsconnector.core.OrganizationFacts;
import io.github.devopsconnector.core.OrganizationName;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * What an {@link EditSession} (and {@link ConnectorCreation}) works with: the store that holds connectors, the
 * tenant's registry of onboarded organizations, the ownership policy, and what preflight found out about the
 * acting user in each organization ({@link OrganizationFacts}, one per organization).
 *
 * <pre>{@code
 * EditContext context = EditContext.builder()
 *     .store(store)
 *     .tenantRegistry(registry)
 *     .addAllOrganizationFacts(factsFromPreflight)
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class EditContext {

  EditContext() {}

  /** Where connectors are read and saved. */
  public abstract ConnectorStore store();

  /** Which connector onboarded which organization in each tenant. */
  public abstract TenantRegistry tenantRegistry();

  /**
   * Who may edit and what that does to ownership; {@link OwnershipPolicy#defaultPolicy()} unless set. A policy
   * can only be stricter than the default rules, which are always applied too.
   */
  @Value.Default
  public OwnershipPolicy ownershipPolicy() {
    return OwnershipPolicy.defaultPolicy();
  }

  /**
   * The acting user's permission facts, one per organization, as preflight produces them. An organization is
   * added to a connector only when its facts are here and pass {@link
   * io.github.devopsconnector.core.OrganizationChecks}.
   */
  public abstract List<OrganizationFacts> organizationFacts();

  /** The facts about this organization, if given (names compare ignoring case). */
  public final Optional<OrganizationFacts> factsFor(OrganizationName organization) {
    return organizationFacts().stream().filter(f -> f.organization().equals(organization)).findFirst();
  }

  /** A builder; {@link Builder#build()} fails with {@link IllegalStateException} when the store or registry is missing. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link EditContext}. */
  public static final class Builder extends ImmutableEditContext.Builder {
    Builder() {}
  }

  @Value.Check
  final void check() {
    Set<OrganizationName> seen = new HashSet<>();
    for (OrganizationFacts facts : organizationFacts()) {
      if (!seen.add(facts.organization())) {
        throw new IllegalArgumentException("The edit context has facts about the organization "
            + facts.organization() + " twice; give one OrganizationFacts per organization.");
      }
    }
  }

  @Override
  public String toString() {
    return "EditContext{store " + store() + ", registry " + tenantRegistry() + ", policy " + ownershipPolicy()
        + ", facts about " + organizationFacts().size() + " organizations}";
  }
}
