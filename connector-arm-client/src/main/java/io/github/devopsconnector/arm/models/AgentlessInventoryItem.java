package io.github.devopsconnector.arm.models;

import org.immutables.value.Value;

/** One entry of an agentless scanning inventory list: its kind and value. */
@Value.Immutable
public abstract class AgentlessInventoryItem {

  AgentlessInventoryItem() {}

  /**
   * {@code AzureDevOpsOrganization}, {@code AzureDevOpsProject}, {@code AzureDevOpsRepository}, {@code GitHubOwner}
   * or {@code GitHubRepository}.
   */
  @Value.Parameter
  public abstract String inventoryKind();

  /** The name. */
  @Value.Parameter
  public abstract String value();

  /** An entry. */
  public static AgentlessInventoryItem of(String inventoryKind, String value) {
    return ImmutableAgentlessInventoryItem.of(inventoryKind, value);
  }
}
