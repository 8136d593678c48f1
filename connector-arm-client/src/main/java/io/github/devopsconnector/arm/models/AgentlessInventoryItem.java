package io.github.devopsconnector.arm.models;

import java.util.Objects;

/**
 * One entry of an agentless scanning inventory list: its kind and value.
 *
 * @param inventoryKind {@code AzureDevOpsOrganization}, {@code AzureDevOpsProject}, {@code AzureDevOpsRepository},
 *     {@code GitHubOwner} or {@code GitHubRepository}
 * @param value the name
 */
public record AgentlessInventoryItem(String inventoryKind, String value) {

  /**
   * Checks the parts.
   *
   * @throws NullPointerException if a part is null
   */
  public AgentlessInventoryItem {
    Objects.requireNonNull(inventoryKind, "inventoryKind");
    Objects.requireNonNull(value, "value");
  }

  /**
   * An entry.
   *
   * @param inventoryKind its kind
   * @param value the name
   * @return the entry
   */
  public static AgentlessInventoryItem of(String inventoryKind, String value) {
    return new AgentlessInventoryItem(inventoryKind, value);
  }
}
