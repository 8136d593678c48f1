package io.github.devopsconnector.arm.models;

import io.github.devopsconnector.core.Connector;
import io.github.devopsconnector.core.ConnectorName;
import io.github.devopsconnector.core.ResourceGroupName;
import io.github.devopsconnector.core.SubscriptionId;
import java.util.Objects;
import org.immutables.value.Value;

/**
 * Where a connector is in Azure Resource Manager: subscription, resource group and name, i.e.
 * {@code /subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Security/securityConnectors/{name}}.
 */
@Value.Immutable
public abstract class SecurityConnectorId {

  SecurityConnectorId() {}

  /** The subscription. */
  @Value.Parameter
  public abstract SubscriptionId subscription();

  /** The resource group. */
  @Value.Parameter
  public abstract ResourceGroupName resourceGroup();

  /** The connector name. */
  @Value.Parameter
  public abstract ConnectorName name();

  /** The connector at this place. */
  public static SecurityConnectorId of(SubscriptionId subscription, ResourceGroupName resourceGroup,
      ConnectorName name) {
    return ImmutableSecurityConnectorId.of(subscription, resourceGroup, name);
  }

  /** The place of a modelled connector. */
  public static SecurityConnectorId of(Connector connector) {
    Objects.requireNonNull(connector, "connector");
    return of(connector.subscription(), connector.resourceGroup(), connector.name());
  }

  /**
   * Parses an ARM resource id; the literal segments compare ignoring case, as in ARM.
   *
   * @throws IllegalArgumentException if the text is not the resource id of a security connector, or one of its
   *     parts is invalid
   */
  public static SecurityConnectorId parse(String resourceId) {
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

  /** The ARM resource id. */
  public final String resourceId() {
    return "/subscriptions/" + subscription() + "/resourceGroups/" + resourceGroup()
        + "/providers/Microsoft.Security/securityConnectors/" + name();
  }

  @Override
  public String toString() {
    return resourceId();
  }
}
