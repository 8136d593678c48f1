package io.github.devopsconnector.core.edit;

import io.github.devopsconnector.core.ConnectorId;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.TenantId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

/**
 * A {@link TenantRegistry} in memory, for tests and single-process tools. Thread-safe: each claim is atomic, so of
 * two connectors claiming the same organization in a tenant at once, exactly one succeeds. The same organization
 * in another tenant is a separate entry.
 */
public final class InMemoryTenantRegistry implements TenantRegistry {

  private final ConcurrentMap<Key, ConnectorId> holders = new ConcurrentHashMap<>();

  /** An empty registry. */
  public InMemoryTenantRegistry() {}

  @Override
  public Optional<ConnectorId> onboardedBy(TenantId tenant, OrganizationName organization) {
    return Optional.ofNullable(holders.get(new Key(tenant, organization)));
  }

  @Override
  public Set<OrganizationName> organizationsOf(TenantId tenant, ConnectorId connectorId) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(connectorId, "connectorId");
    return holders.entrySet().stream()
        .filter(e -> e.getKey().tenant.equals(tenant) && e.getValue().equals(connectorId))
        .map(e -> e.getKey().organization)
        .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public boolean claim(TenantId tenant, OrganizationName organization, ConnectorId connectorId) {
    Objects.requireNonNull(connectorId, "connectorId");
    boolean[] made = {false};
    holders.compute(new Key(tenant, organization), (key, holder) -> {
      if (holder == null) {
        made[0] = true;
        return connectorId;
      }
      if (holder.equals(connectorId)) {
        return holder;
      }
      throw new OrganizationOnboardedElsewhereException(organization, holder);
    });
    return made[0];
  }

  @Override
  public void release(TenantId tenant, OrganizationName organization, ConnectorId connectorId) {
    Objects.requireNonNull(connectorId, "connectorId");
    holders.remove(new Key(tenant, organization), connectorId);
  }

  @Override
  public String toString() {
    return "InMemoryTenantRegistry{" + holders.size() + " claims}";
  }

  private static final class Key {
    final TenantId tenant;
    final OrganizationName organization;

    Key(TenantId tenant, OrganizationName organization) {
      this.tenant = Objects.requireNonNull(tenant, "tenant");
      this.organization = Objects.requireNonNull(organization, "organization");
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key && ((Key) other).tenant.equals(tenant)
          && ((Key) other).organization.equals(organization);
    }

    @Override
    public int hashCode() {
      return 31 * tenant.hashCode() + organization.hashCode();
    }
  }
}
