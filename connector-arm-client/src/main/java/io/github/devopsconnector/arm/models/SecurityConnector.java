package io.github.devopsconnector.arm.models;

import io.github.devopsconnector.core.ConnectorId;
import io.github.devopsconnector.core.AzureRegion;
import io.github.devopsconnector.core.DevOpsPlatform;
import io.github.devopsconnector.core.Offering;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A {@code Microsoft.Security/securityConnectors} resource as ARM returns it. Values are kept as they came
 * (locations such as {@code Central US} or {@code centralus}, environments and offerings of any platform); the
 * derived methods read them as the library's types.
 */
@Value.Immutable
public abstract class SecurityConnector {

  SecurityConnector() {}

  /** The ARM resource id. */
  public abstract String id();

  /** The resource name. */
  public abstract String name();

  /** The location as ARM returned it. */
  public abstract String location();

  /** The resource's etag, when ARM returned a non-empty one. */
  public abstract Optional<String> etag();

  /** The hierarchy identifier (a GUID for DevOps connectors). */
  public abstract Optional<String> hierarchyIdentifier();

  /** {@code properties.environmentName}: {@code AzureDevOps}, {@code Github}, {@code GitLab}, {@code AWS}, … */
  public abstract Optional<String> environmentName();

  /** {@code properties.environmentData.environmentType}: {@code AzureDevOpsScope}, … */
  public abstract Optional<String> environmentType();

  /** The {@code offeringType} of every offering, in order. */
  public abstract List<String> offeringTypes();

  /** The resource tags. */
  public abstract Map<String, String> tags();

  /** Who created and last changed it. */
  public abstract Optional<ArmSystemData> systemData();

  /** The place of the connector, parsed from {@link #id()}. */
  @Value.Lazy
  public ConnectorId connectorId() {
    return ConnectorId.parse(id());
  }

  /** The region, when {@link #location()} is a known Azure region in any spelling. */
  public final Optional<AzureRegion> region() {
    return AzureRegion.find(location());
  }

  /** The DevOps platform, when {@link #environmentName()} is one. */
  public final Optional<DevOpsPlatform> platform() {
    return environmentName().flatMap(DevOpsPlatform::fromArmEnvironmentName);
  }

  /** The offerings the library knows, in order; unknown offering types are left out. */
  public final List<Offering> offerings() {
    return offeringTypes().stream().map(Offering::fromArmName).flatMap(Optional::stream)
        .collect(java.util.stream.Collectors.toUnmodifiableList());
  }

  /**
   * A builder, for callers that construct the model themselves (fakes, tests).
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link SecurityConnector}. */
  public static final class Builder extends ImmutableSecurityConnector.Builder {
    Builder() {}
  }

  @Override
  public String toString() {
    return "SecurityConnector{" + id() + ", " + location() + ", " + environmentName().orElse("?") + ", "
        + offeringTypes() + "}";
  }
}
