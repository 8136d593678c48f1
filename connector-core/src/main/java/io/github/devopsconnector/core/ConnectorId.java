package io.github.devopsconnector.core;

import java.util.Objects;
import org.immutables.value.Value;

/**
 * Where a connector is in Azure Resource Manager: subscription, resource group and name, i.e. the resource id
 * {@code /subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Security/securityConnectors/{name}}. The one
 * place the SDK writes and reads that format; stores, registries, edit sessions and clients identify connectors
 * by it.
 */
@Value.Immutable
public abstract class ConnectorId {

  private static final String PROVIDER = "/providers/Microsoft.Security/securityConnectors/";

  ConnectorId() {}

  /**
   * The subscription.
   *
   * @return the subscription
   */
  @Value.Parameter
  public abstract SubscriptionId subscription();

  /**
   * The resource group.
   *
   * @return the resource group
   */
  @Value.Parameter
  public abstract ResourceGroupName resourceGroup();

  /**
   * The connector name.
   *
   * @return the name
   */
  @Value.Parameter
  public abstract ConnectorName name();

  /**
   * The connector at this place.
   *
   * @param subscription the subscription
   * @param resourceGroup the resource group
   * @param name the connector name
   * @return the id
   */
  public static ConnectorId of(SubscriptionId subscription, ResourceGroupName resourceGroup, ConnectorName name) {
    return ImmutableConnectorId.of(subscription, resourceGroup, name);
  }

  /**
   * The place of a modelled connector.
   *
   * @param connector the connector
   * @return its id
   */
  public static ConnectorId of(Connector connector) {
    Objects.requireNonNull(connector, "connector");
    return of(connector.subscription(), connector.resourceGroup(), connector.name());
  }

  /**
   * Parses an ARM resource id; the literal segments compare ignoring case, as in ARM.
   *
   * @param resourceId the resource id
   * @return the id
   * @throws IllegalArgumentException if the text is not the resource id of a security connector, or one of its
   *     parts is invalid
   */
  public static ConnectorId parse(String resourceId) {
    if (resourceId == null) {
      throw new IllegalArgumentException("The connector resource id is missing.");
    }
    String[] parts = resourceId.startsWith("/") ? resourceId.substring(1).split("/", -1) : new String[0];
    boolean shaped = parts.length == 8 && parts[0].equalsIgnoreCase("subscriptions")
        && parts[2].equalsIgnoreCase("resourceGroups") && parts[4].equalsIgnoreCase("providers")
        && parts[5].equalsIgnoreCase("Microsoft.Security") && parts[6].equalsIgnoreCase("securityConnectors");
    if (!shaped) {
      throw new IllegalArgumentException("Not the resource id of a security connector (/subscriptions/{sub}/"
          + "resourceGroups/{rg}/providers/Microsoft.Security/securityConnectors/{name}): "
          + (resourceId.length() > 300 ? resourceId.substring(0, 300) + "…" : resourceId));
    }
    return of(SubscriptionId.parse(parts[1]), ResourceGroupName.parse(parts[3]), ConnectorName.parse(parts[7]));
  }

  /**
   * The ARM resource id.
   *
   * @return {@code /subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Security/securityConnectors/{name}}
   */
  public final String resourceId() {
    return "/subscriptions/" + subscription() + "/resourceGroups/" + resourceGroup() + PROVIDER + name();
  }

  /**
   * Whether this is the same connector as another id, comparing as ARM does (resource ids ignore case).
   *
   * @param other the other id
   * @return whether both name the same resource
   */
  public final boolean sameResource(ConnectorId other) {
    return other != null && resourceId().equalsIgnoreCase(other.resourceId());
  }

  @Override
  public String toString() {
    return resourceId();
  }
}
