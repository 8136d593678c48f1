package io.github.devopsconnector.arm.models;

import io.github.devopsconnector.core.AuthorizationCode;
import io.github.devopsconnector.core.Connector;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.OrganizationSelection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What {@link io.github.devopsconnector.arm.DefenderConnectorClient#createConnector(CreateConnectorOptions)} needs: the connector, the one-time
 * authorization code from the Azure DevOps sign-in, and, for an "all existing organizations" selection, the
 * organizations that exist (from discovery). Without them the client resolves "all existing" itself after the code
 * exchange (see the package documentation).
 */
@Value.Immutable
public abstract class CreateConnectorOptions {

  CreateConnectorOptions() {}

  /** The connector to create: an Azure DevOps connector in the commercial cloud. */
  public abstract Connector connector();

  /** The one-time authorization code; sent once and destroyed afterwards. Never shown by {@link #toString()}. */
  @Value.Redacted
  public abstract AuthorizationCode authorization();

  /**
   * For an {@link OrganizationSelection.Kind#ALL_EXISTING} selection: every existing organization, sent as
   * {@code topLevelInventoryList}. Empty means the client lists them after the exchange.
   */
  public abstract List<OrganizationName> existingOrganizations();

  /** The hierarchy identifier to use; by default a new random GUID. */
  public abstract Optional<String> hierarchyIdentifier();

  /** Tags of the connector resource. */
  public abstract Map<String, String> tags();

  /**
   * Agentless scanning settings sent with the configuration (api-version 2025-03-01 and later, as in the
   * specification's {@code CreateOrUpdateDevOpsConfigurationsWithAgentlessConfigurations} example).
   */
  public abstract Optional<AgentlessConfiguration> agentlessConfiguration();

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Options for a connector and its code, nothing else. */
  public static CreateConnectorOptions of(Connector connector, AuthorizationCode authorization) {
    return builder().connector(connector).authorization(authorization).build();
  }

  @Value.Check
  final void check() {
    if (!existingOrganizations().isEmpty()
        && connector().organizations().kind() != OrganizationSelection.Kind.ALL_EXISTING) {
      throw new IllegalArgumentException("Existing organizations are given only for an \"all existing "
          + "organizations\" selection; the connector selects " + connector().organizations() + ".");
    }
    if (existingOrganizations().stream().distinct().count() != existingOrganizations().size()) {
      throw new IllegalArgumentException("The existing organizations must not name an organization twice.");
    }
    if (hierarchyIdentifier().filter(String::isBlank).isPresent()) {
      throw new IllegalArgumentException("The hierarchy identifier must not be blank.");
    }
  }

  /** Builds {@link CreateConnectorOptions}. */
  public static final class Builder extends ImmutableCreateConnectorOptions.Builder {
    Builder() {}
  }
}
