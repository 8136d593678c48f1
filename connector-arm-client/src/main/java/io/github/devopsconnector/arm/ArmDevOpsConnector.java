package io.github.devopsconnector.arm;

import io.github.devopsconnector.core.AzureRegion;
import io.github.devopsconnector.core.Connector;
import io.github.devopsconnector.core.DevOpsPlatform;
import io.github.devopsconnector.core.Identity;
import io.github.devopsconnector.core.Offering;
import io.github.devopsconnector.core.TenantId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;

/** A DevOps connector as ARM holds it: the connector resource and its {@code devops/default} configuration. */
@Value.Immutable
public abstract class ArmDevOpsConnector {

  ArmDevOpsConnector() {}

  /** The connector resource. */
  @Value.Parameter
  public abstract SecurityConnector connector();

  /** Its DevOps configuration. */
  @Value.Parameter
  public abstract DevOpsConfiguration devOps();

  /** A connector and its configuration. */
  public static ArmDevOpsConnector of(SecurityConnector connector, DevOpsConfiguration devOps) {
    return ImmutableArmDevOpsConnector.of(connector, devOps);
  }

  /**
   * Who owns the connector according to ARM, as far as ARM says: the identity that last changed the DevOps
   * configuration (only the authorizing identity, or someone who re-authorized, can change it), else the one that
   * created the connector. ARM names identities by user principal name or application id, not object id.
   */
  public final Optional<Identity> ownerFromSystemData() {
    Optional<String> owner = devOps().systemData().flatMap(ArmSystemData::lastModifiedBy)
        .or(() -> connector().systemData().flatMap(ArmSystemData::createdBy))
        .filter(id -> !id.isBlank());
    return owner.map(Identity::of);
  }

  /**
   * The library's model of this connector. ARM responses name neither the owner nor the tenant, so the caller
   * supplies them (see {@link #ownerFromSystemData()}). The cloud is commercial, the only one with DevOps connectors.
   *
   * @throws IllegalStateException if ARM holds something the model cannot express: an unknown location, a
   *     platform other than a DevOps one, or no known offering
   */
  public final Connector toConnector(Identity owner, TenantId tenant) {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(tenant, "tenant");
    SecurityConnector resource = connector();
    AzureRegion region = resource.region().orElseThrow(() -> new IllegalStateException("The connector "
        + resource.id() + " is in the location '" + resource.location() + "', which is not a known Azure region."));
    DevOpsPlatform platform = resource.platform().orElseThrow(() -> new IllegalStateException("The connector "
        + resource.id() + " has the environment '" + resource.environmentName().orElse("") + "', not a DevOps one."));
    List<Offering> offerings = resource.offerings();
    if (offerings.isEmpty()) {
      throw new IllegalStateException("The connector " + resource.id() + " has no offering the library knows: "
          + resource.offeringTypes() + ".");
    }
    SecurityConnectorId id = resource.connectorId();
    return Connector.restore(id.name(), id.subscription(), id.resourceGroup(), region, platform, offerings,
        devOps().organizationSelection(), owner, tenant);
  }
}
