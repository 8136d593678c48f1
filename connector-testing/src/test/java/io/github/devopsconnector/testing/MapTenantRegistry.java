package io.github.devopsconnector.testing;

import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.TenantId;
import io.github.devopsconnector.core.edit.OrganizationOnboardedElsewhereException;
import io.github.devopsconnector.core.edit.TenantRegistry;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A tenant registry over a map, for these tests. */
class MapTenantRegistry implements TenantRegistry {

  private final Map<String, String> holders = new ConcurrentHashMap<>();

  /** A registry where another connector holds every organization the estate says is onboarded elsewhere. */
  static MapTenantRegistry of(Estate estate, String otherConnectorId) {
    MapTenantRegistry registry = new MapTenantRegistry();
    estate.onboardedElsewhere().forEach(o -> registry.claim(estate.tenantId(), o, otherConnectorId));
    return registry;
  }

  @Override
  public Optional<String> onboardedBy(TenantId tenant, OrganizationName organization) {
    return Optional.ofNullable(holders.get(key(tenant, organization)));
  }

  @Override
  public void claim(TenantId tenant, OrganizationName organization, String connectorId) {
    String holder = holders.putIfAbsent(key(tenant, organization), connectorId);
    if (holder != null && !holder.equals(connectorId)) {
      throw new OrganizationOnboardedElsewhereException(organization, holder);
    }
  }

  @Override
  public void release(TenantId tenant, OrganizationName organization, String connectorId) {
    holders.remove(key(tenant, organization), connectorId);
  }

  private static String key(TenantId tenant, OrganizationName organization) {
    return tenant.value() + "/" + organization.value().toLowerCase(java.util.Locale.ROOT);
  }
}
