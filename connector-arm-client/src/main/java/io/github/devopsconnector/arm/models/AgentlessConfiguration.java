package io.github.devopsconnector.arm.models;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** Agentless scanning of a DevOps configuration ({@code agentlessConfiguration}, api-version 2025-03-01). */
@Value.Immutable
public abstract class AgentlessConfiguration {

  AgentlessConfiguration() {}

  /** {@code Enabled}, {@code Disabled} or {@code NotApplicable}. */
  public abstract Optional<String> agentlessEnabled();

  /** Whether new inventory is scanned as it appears. */
  public abstract Optional<AutoDiscovery> agentlessAutoDiscovery();

  /** The scanners to run. */
  public abstract List<String> scanners();

  /** {@code Inclusion} or {@code Exclusion}: how {@link #inventoryList()} applies. */
  public abstract Optional<String> inventoryListType();

  /** What to include or exclude; ignored when agentless auto-discovery is on. */
  public abstract List<AgentlessInventoryItem> inventoryList();

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link AgentlessConfiguration}. */
  public static final class Builder extends ImmutableAgentlessConfiguration.Builder {
    Builder() {}
  }
}
