package io.github.devopsconnector.core.edit;

import io.github.devopsconnector.core.ConnectorId;
import io.github.devopsconnector.core.DevOpsPlatform;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.TenantId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

/**
 * A {@link TenantRegistry} in memory, for every platform, for tests and single-process tools. Thread-safe: each claim is atomic, so of
 * two connectors claiming the same organization in a tenant at once, exactly one succeeds. The same organization
 * in another tenant is a separate entry.
 */
public final class InMemoryTenantRegistry implements TenantRegistry {

  private final ConcurrentMap<Key, ConnectorId> holders = new ConcurrentHashMap<>();

  /** An empty registry. */
  public InMemoryTenantRegistry() {}

  @Override
  public Optional<ConnectorId> onboardedBy(TenantId tenant, OrganizationName organization) {
    return onboardedBy(tenant, DevOpsPlatform.AZURE_DEVOPS, organization);
  }

  @Override
  public Optional<ConnectorId> onboardedBy(TenantId tenant, DevOpsPlatform platform, OrganizationName organization) {
    return Optional.ofNullable(holders.get(new Key(tenant, platform, organization)));
  }

  @Override
  public Set<OrganizationName> organizationsOf(TenantId tenant, ConnectorId connectorId) {
    return organizationsOf(tenant, DevOpsPlatform.AZURE_DEVOPS, connectorId);
  }

  @Override
  public Set<OrganizationName> organizationsOf(TenantId tenant, DevOpsPlatform platform, ConnectorId connectorId) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(connectorId, "connectorId");
    return holders.entrySet().stream()
        .filter(e -> e.getKey().tenant.equals(tenant) && e.getKey().platform == platform
            && e.getValue().equals(connectorId))
        .map(e -> e.getKey().organization)
        .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public boolean claim(TenantId tenant, OrganizationName organization, ConnectorId connectorId) {
    return claim(tenant, DevOpsPlatform.AZURE_DEVOPS, organization, connectorId);
  }

  @Override
  public boolean claim(TenantId tenant, DevOpsPlatform platform, OrganizationName organization, ConnectorId connectorId) {
    Objects.requireNonNull(connectorId, "connectorId");
    boolean[] made = {false};
    holders.compute(new Key(tenant, platform, organization), (key, holder) -> {
      if (holder == null) {
        made[0] = true;
        return connectorId;
      }
      if (holder.equals(connectorId)) {
        return holder;
      }
      throw new OrganizationOnboardedElsewhereException(platform, organization, holder);
    });
    return made[0];
  }

  @Override
  public void release(TenantId tenant, OrganizationName organization, ConnectorId connectorId) {
    release(tenant, DevOpsPlatform.AZURE_DEVOPS, organization, connectorId);
  }

  @Override
  public void release(TenantId tenant, DevOpsPlatform platform, OrganizationName organization, ConnectorId connectorId) {
    Objects.requireNonNull(connectorId, "connectorId");
    holders.remove(new Key(tenant, platform, organization), connectorId);
  }

  @Override
  public String toString() {
    return "InMemoryTenantRegistry{" + holders.size() + " claims}";
  }

  private static final class Key {
    final TenantId tenant;
    final DevOpsPlatform platform;
    final OrganizationName organization;

    Key(TenantId tenant, DevOpsPlatform platform, OrganizationName organization) {
      this.tenant = Objects.requireNonNull(tenant, "tenant");
      this.platform = Objects.requireNonNull(platform, "platform");
      this.organization = Objects.requireNonNull(organization, "organization");
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key && ((Key) other).tenant.equals(tenant) && ((Key) other).platform == platform
          && ((Key) other).organization.equals(organization);
    }

    @Override
    public int hashCode() {
      return (31 * tenant.hashCode() + platform.hashCode()) * 31 + organization.hashCode();
    }
  }
}
