package io.github.devopsconnector.arm;

import io.github.devopsconnector.core.ConnectorId;
import io.github.devopsconnector.arm.models.SecurityConnector;
import io.github.devopsconnector.arm.models.DevOpsProvisioningState;
import io.github.devopsconnector.arm.models.DevOpsConfiguration;
import io.github.devopsconnector.arm.models.AutoDiscovery;
import io.github.devopsconnector.arm.implementation.ArmErrors;
import io.github.devopsconnector.arm.implementation.ArmInventory;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.DevOpsPlatform;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.SubscriptionId;
import io.github.devopsconnector.core.TenantId;
import io.github.devopsconnector.core.edit.OrganizationOnboardedElsewhereException;
import io.github.devopsconnector.core.edit.TenantRegistry;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@link TenantRegistry} Azure Resource Manager keeps: an Azure DevOps organization can be onboarded by one
 * connector per tenant, and ARM knows which. It asks ARM every time (nothing is cached, so it never goes stale):
 * <ul>
 *   <li>{@code listAvailableAzureDevOpsOrgs} of the connector being edited: an organization another connector
 *       holds is {@code OnboardedByOtherConnector}, whether or not the caller can see that connector (only the
 *       connector's authorizing identity may list; for anyone else this source is skipped);</li>
 *   <li>the Azure DevOps connectors the caller can see in the connector's subscription and in the
 *       {@linkplain #create(DefenderConnectorClient, TenantId, java.util.Collection) extra subscriptions}: their
 *       {@code topLevelInventoryList}, or the organizations they onboarded ({@code azureDevOpsOrgs}) when they
 *       select all; this names the holder.</li>
 * </ul>
 * {@link #claim} refuses an organization held elsewhere with {@link OrganizationOnboardedElsewhereException}
 * ({@code ADO_ORGANIZATION_ONBOARDED_ELSEWHERE}) before anything is written; the claim itself is recorded by ARM
 * when the connector's configuration is written, so {@link #release} has nothing to do. A connector in a
 * subscription the caller cannot see and not reported by {@code listAvailableAzureDevOpsOrgs} stays unknown; ARM
 * still refuses or greys out such an organization on its side.
 *
 * <p>Serves one tenant, the one of the client's subscriptions; asked about another, it knows nothing. Thread-safe.
 */
public final class ArmTenantRegistry implements TenantRegistry {

  private final DefenderConnectorClient client;
  private final TenantId tenant;
  private final Set<SubscriptionId> subscriptions;

  private ArmTenantRegistry(DefenderConnectorClient client, TenantId tenant, Set<SubscriptionId> subscriptions) {
    this.client = Objects.requireNonNull(client, "client");
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    this.subscriptions = Set.copyOf(subscriptions);
  }

  /**
   * A registry that also looks at the connectors of these subscriptions (besides each connector's own).
   *
   * @param tenant the Microsoft Entra tenant of the subscriptions
   */
  public static ArmTenantRegistry create(DefenderConnectorClient client, TenantId tenant,
      java.util.Collection<SubscriptionId> subscriptions) {
    Objects.requireNonNull(subscriptions, "subscriptions");
    return new ArmTenantRegistry(client, tenant, new LinkedHashSet<>(subscriptions));
  }

  /** A registry that looks at each connector's own subscription. */
  public static ArmTenantRegistry create(DefenderConnectorClient client, TenantId tenant) {
    return new ArmTenantRegistry(client, tenant, Set.of());
  }

  /** The connector (by resource id) that holds the organization, among the connectors the caller can see. */
  @Override
  public Optional<ConnectorId> onboardedBy(TenantId tenant, OrganizationName organization) {
    Objects.requireNonNull(organization, "organization");
    if (!this.tenant.equals(tenant)) {
      return Optional.empty();
    }
    return Optional.ofNullable(visibleHolders(subscriptions, null).get(key(organization)));
  }

  /** The organizations ARM says the connector onboards (its list, or what it onboarded when it selects all). */
  @Override
  public Set<OrganizationName> organizationsOf(TenantId tenant, ConnectorId connectorId) {
    if (!this.tenant.equals(tenant)) {
      return Set.of();
    }
    return held(connectorId).stream().map(OrganizationName::parse)
        .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * Checks that no other connector holds the organization.
   *
   * @return {@code true} when the connector does not hold it yet (ARM records the claim when the configuration is
   *     written), {@code false} when it already does
   * @throws OrganizationOnboardedElsewhereException if another connector holds it; nothing is written
   */
  @Override
  public boolean claim(TenantId tenant, OrganizationName organization, ConnectorId connectorId) {
    ConnectorId id = Objects.requireNonNull(connectorId, "connectorId");
    Map<String, Optional<ConnectorId>> elsewhere = heldElsewhere(id, List.of(organization));
    Optional<ConnectorId> holder = elsewhere.get(key(organization));
    if (holder != null) {
      throw holder.map(h -> new OrganizationOnboardedElsewhereException(organization, h))
          .orElseGet(() -> new OrganizationOnboardedElsewhereException(organization));
    }
    return held(id).stream().noneMatch(name -> name.equalsIgnoreCase(organization.value()));
  }

  /** Does nothing: ARM forgets the claim when the connector's configuration no longer selects the organization. */
  @Override
  public void release(TenantId tenant, OrganizationName organization, ConnectorId connectorId) {
    Objects.requireNonNull(organization, "organization");
  }

  /**
   * Which of the organizations another connector holds, by lower-case name, with the holder (empty when the
   * caller cannot see it).
   */
  /**
   * {@inheritDoc}
   *
   * <p>GitHub owners are read from GitHub connectors ({@code topLevelInventoryList}, {@code gitHubOwners}) and
   * {@code listAvailableGitHubOwners}, and GitLab top-level groups from GitLab connectors
   * ({@code topLevelInventoryList}, {@code gitLabGroups}) and {@code listAvailableGitLabGroups} (subgroups, whose
   * fully qualified names hold a {@code $}, are left out: one connector per tenant holds a top-level group), as
   * Azure DevOps organizations are from Azure DevOps connectors.
   */
  @Override
  public Optional<ConnectorId> onboardedBy(TenantId tenant, DevOpsPlatform platform, OrganizationName organization) {
    Objects.requireNonNull(organization, "organization");
    if (!this.tenant.equals(tenant)) {
      return Optional.empty();
    }
    return Optional.ofNullable(visibleHolders(subscriptions, null, platform).get(key(organization)));
  }

  @Override
  public Set<OrganizationName> organizationsOf(TenantId tenant, DevOpsPlatform platform, ConnectorId connectorId) {
    if (!this.tenant.equals(tenant)) {
      return Set.of();
    }
    return held(connectorId, platform).stream().map(OrganizationName::parse).collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public boolean claim(TenantId tenant, DevOpsPlatform platform, OrganizationName organization,
      ConnectorId connectorId) {
    ConnectorId id = Objects.requireNonNull(connectorId, "connectorId");
    Optional<ConnectorId> holder = heldElsewhere(id, platform, List.of(organization)).get(key(organization));
    if (holder != null) {
      throw holder.map(h -> new OrganizationOnboardedElsewhereException(platform, organization, h))
          .orElseGet(() -> new OrganizationOnboardedElsewhereException(platform, organization));
    }
    return held(id, platform).stream().noneMatch(name -> name.equalsIgnoreCase(organization.value()));
  }

  @Override
  public void release(TenantId tenant, DevOpsPlatform platform, OrganizationName organization,
      ConnectorId connectorId) {
    Objects.requireNonNull(organization, "organization");
  }

  Map<String, Optional<ConnectorId>> heldElsewhere(ConnectorId self,
      java.util.Collection<OrganizationName> organizations) {
    return heldElsewhere(self, DevOpsPlatform.AZURE_DEVOPS, organizations);
  }

  /**
   * The organizations (GitHub owners, GitLab top-level groups) of the platform that another connector holds, by
   * lower-case name.
   */
  Map<String, Optional<ConnectorId>> heldElsewhere(ConnectorId self, DevOpsPlatform platform,
      java.util.Collection<OrganizationName> organizations) {
    Map<String, Optional<ConnectorId>> result = new LinkedHashMap<>();
    if (organizations.isEmpty()) {
      return result;
    }
    Set<SubscriptionId> scope = new LinkedHashSet<>(subscriptions);
    scope.add(self.subscription());
    Map<String, ConnectorId> visible = visibleHolders(scope, self, platform);
    Map<String, Boolean> reported = reportedElsewhere(self, platform);
    for (OrganizationName organization : organizations) {
      String name = key(organization);
      if (visible.containsKey(name)) {
        result.put(name, Optional.of(visible.get(name)));
      } else if (reported.getOrDefault(name, false)) {
        result.put(name, Optional.empty());
      }
    }
    return result;
  }

  /**
   * From the platform's {@code listAvailable...} action: name to whether another connector holds it; empty when not
   * allowed.
   */
  private Map<String, Boolean> reportedElsewhere(ConnectorId self, DevOpsPlatform platform) {
    Map<String, Boolean> reported = new LinkedHashMap<>();
    try {
      for (ArmInventory.TopLevel item : client.topLevel(self, platform, true)) {
        reported.put(item.name().toLowerCase(Locale.ROOT), item.heldElsewhere());
      }
    } catch (ServiceException notListable) {
      // Only the authorizing identity may list, and a connector being created has no configuration yet.
      if (!ArmErrors.isNotAuthorizingIdentity(notListable) && !ArmErrors.isNotFound(notListable)) {
        throw notListable;
      }
    }
    return reported;
  }

  /** Organization (lower case) to the visible Azure DevOps connector holding it, other than {@code self}. */
  private Map<String, ConnectorId> visibleHolders(Set<SubscriptionId> scope, ConnectorId self) {
    return visibleHolders(scope, self, DevOpsPlatform.AZURE_DEVOPS);
  }

  private Map<String, ConnectorId> visibleHolders(Set<SubscriptionId> scope, ConnectorId self,
      DevOpsPlatform platform) {
    Map<String, ConnectorId> holders = new LinkedHashMap<>();
    for (SubscriptionId subscription : scope) {
      for (SecurityConnector connector : client.listConnectors(subscription)) {
        if (connector.platform().filter(platform::equals).isEmpty()) {
          continue;
        }
        ConnectorId id = connector.connectorId();
        if (id.sameResource(self)) {
          continue;
        }
        for (String organization : held(id, platform)) {
          holders.putIfAbsent(organization.toLowerCase(Locale.ROOT), id);
        }
      }
    }
    return holders;
  }

  /** The organizations a connector holds: its explicit list, else those it onboarded; none without a config. */
  private List<String> held(ConnectorId id) {
    return held(id, DevOpsPlatform.AZURE_DEVOPS);
  }

  private List<String> held(ConnectorId id, DevOpsPlatform platform) {
    DevOpsConfiguration configuration;
    try {
      configuration = client.getDevOpsConfiguration(id);
    } catch (ServiceException none) {
      if (!ArmErrors.isNotFound(none)) {
        throw none;
      }
      return List.of();
    }
    if (configuration.provisioningState().filter(DevOpsProvisioningState.FAILED::equals).isPresent()) {
      return List.of();
    }
    boolean listed = !configuration.topLevelInventoryList().isEmpty()
        && configuration.autoDiscovery().filter(AutoDiscovery.ENABLED::equals).isEmpty();
    if (listed) {
      return configuration.topLevelInventoryList();
    }
    try {
      return client.topLevel(id, platform, false).stream().map(ArmInventory.TopLevel::name)
          .collect(Collectors.toList());
    } catch (ServiceException none) {
      if (!ArmErrors.isNotFound(none)) {
        throw none;
      }
      return List.of();
    }
  }

  private static String key(OrganizationName organization) {
    return organization.value().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return "ArmTenantRegistry[" + client.getEndpoint() + ", tenant " + tenant + "]";
  }
}
