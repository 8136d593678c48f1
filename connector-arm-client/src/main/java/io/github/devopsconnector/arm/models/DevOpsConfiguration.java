package io.github.devopsconnector.arm.models;

import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.OrganizationSelection;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * The {@code devops/default} configuration of a connector: which organizations it onboards and the state of the
 * last write. ARM never returns the authorization code.
 */
@Value.Immutable
public abstract class DevOpsConfiguration {

  DevOpsConfiguration() {}

  /** The ARM resource id. */
  public abstract String id();

  /** The etag (from the {@code ETag} header), the version for optimistic concurrency, when ARM sent one. */
  public abstract Optional<String> etag();

  /** The state of the last write. */
  public abstract Optional<DevOpsProvisioningState> provisioningState();

  /** The service's message about it. */
  public abstract Optional<String> provisioningStatusMessage();

  /** When that state was reached. */
  public abstract Optional<OffsetDateTime> provisioningStatusUpdateTime();

  /** Whether new organizations are onboarded as they appear. */
  public abstract Optional<AutoDiscovery> autoDiscovery();

  /** The organizations selected when auto-discovery is off. */
  public abstract List<String> topLevelInventoryList();

  /** Capabilities the service reports, by name (e.g. {@code DCSPM_ENABLED} = {@code true}). */
  public abstract Map<String, String> capabilities();

  /** Agentless scanning, when configured. */
  public abstract Optional<AgentlessConfiguration> agentlessConfiguration();

  /** Who created and last changed it. */
  public abstract Optional<ArmSystemData> systemData();

  /**
   * The selection this configuration stands for: {@code Enabled} is all existing and future organizations;
   * otherwise the listed organizations. An empty list (which ARM can hold, e.g. after a failed exchange) reads as
   * all existing organizations, since an explicit selection is never empty.
   *
   * @throws IllegalArgumentException if a listed name is not a valid organization name
   */
  public final OrganizationSelection organizationSelection() {
    if (autoDiscovery().filter(AutoDiscovery.ENABLED::equals).isPresent()) {
      return OrganizationSelection.allExistingAndFuture();
    }
    if (topLevelInventoryList().isEmpty()) {
      return OrganizationSelection.allExisting();
    }
    return OrganizationSelection.explicit(topLevelInventoryList().stream().distinct().map(OrganizationName::parse)
        .distinct().collect(Collectors.toList()));
  }

  /**
   * A builder, for callers that construct the model themselves (fakes, tests).
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link DevOpsConfiguration}. */
  public static final class Builder extends ImmutableDevOpsConfiguration.Builder {
    Builder() {}
  }

  @Override
  public String toString() {
    return "DevOpsConfiguration{" + id() + ", " + provisioningState().map(Object::toString).orElse("?")
        + ", autoDiscovery " + autoDiscovery().map(Object::toString).orElse("?") + ", " + topLevelInventoryList()
        + etag().map(e -> ", etag " + e).orElse("") + "}";
  }
}
