package io.github.devopsconnector.core;

import java.util.List;
import org.immutables.value.Value;

/**
 * A valid Defender for Cloud DevOps connector: where it lives in Azure, what it connects, and who owns it. Built
 * by {@link ConnectorBuilder}, which checks every rule; the authorization code is not part of it, since it is
 * used once and never kept.
 */
@Value.Immutable
public abstract class Connector {

  Connector() {}

  /** The connector resource's name. */
  public abstract ConnectorName name();

  /** The subscription it lives in. */
  public abstract SubscriptionId subscription();

  /** The resource group it lives in. */
  public abstract ResourceGroupName resourceGroup();

  /** Its Azure region. */
  public abstract AzureRegion region();

  /** Its Azure cloud. */
  @Value.Default
  public AzureCloud cloud() {
    return AzureCloud.COMMERCIAL;
  }

  /** The DevOps platform it connects. */
  public abstract DevOpsPlatform platform();

  /** Its offerings (plans). */
  public abstract List<Offering> offerings();

  /** Which organizations it onboards. */
  public abstract OrganizationSelection organizations();

  /** The identity whose authorization the connector uses: its owner. */
  public abstract Identity owner();

  /** The Microsoft Entra tenant of the subscription. */
  public abstract TenantId tenant();

  /** The ARM resource id, {@code /subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Security/securityConnectors/{name}}. */
  public final String resourceId() {
    return id().resourceId();
  }

  /** Where the connector is in Azure Resource Manager: subscription, resource group and name. */
  public final ConnectorId id() {
    return ConnectorId.of(this);
  }

  /** A copy with another owner (used when a takeover is applied). */
  public final Connector withOwner(Identity newOwner) {
    return ImmutableConnector.builder().from(this).owner(newOwner).build();
  }

  /** A copy with another organization selection. */
  public final Connector withOrganizations(OrganizationSelection selection) {
    return ImmutableConnector.builder().from(this).organizations(selection).build();
  }

  /** A builder that trusts its input; for code that restores connectors it stored itself (see {@link ConnectorBuilder}). */
  static ImmutableConnector.Builder trustedBuilder() {
    return ImmutableConnector.builder();
  }

  /** Rebuilds a connector from stored parts without the permission checks of {@link ConnectorBuilder}. */
  public static Connector restore(ConnectorName name, SubscriptionId subscription, ResourceGroupName resourceGroup,
      AzureRegion region, DevOpsPlatform platform, List<Offering> offerings, OrganizationSelection organizations,
      Identity owner, TenantId tenant) {
    return ImmutableConnector.builder().name(name).subscription(subscription).resourceGroup(resourceGroup)
        .region(region).platform(platform).addAllOfferings(offerings).organizations(organizations).owner(owner)
        .tenant(tenant).build();
  }

  @Value.Check
  final void check() {
    if (offerings().isEmpty()) {
      throw new IllegalArgumentException("A connector has at least one offering.");
    }
  }

  @Override
  public String toString() {
    return "Connector{" + resourceId() + ", " + region().name() + ", " + platform().displayName() + ", "
        + organizations() + ", owner " + owner() + "}";
  }
}
