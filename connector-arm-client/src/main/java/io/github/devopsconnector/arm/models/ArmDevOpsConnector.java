package io.github.devopsconnector.arm.models;

import io.github.devopsconnector.core.ConnectorId;
import io.github.devopsconnector.core.AzureRegion;
import io.github.devopsconnector.core.Connector;
import io.github.devopsconnector.core.DevOpsPlatform;
import io.github.devopsconnector.core.Identity;
import io.github.devopsconnector.core.Offering;
import io.github.devopsconnector.core.TenantId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A DevOps connector as ARM holds it: the connector resource and its {@code devops/default} configuration.
 *
 * @param connector the connector resource
 * @param devOps its DevOps configuration
 */
public record ArmDevOpsConnector(SecurityConnector connector, DevOpsConfiguration devOps) {

  /**
   * Checks the parts.
   *
   * @throws NullPointerException if a part is null
   */
  public ArmDevOpsConnector {
    Objects.requireNonNull(connector, "connector");
    Objects.requireNonNull(devOps, "devOps");
  }

  /**
   * A connector and its configuration.
   *
   * @param connector the connector resource
   * @param devOps its DevOps configuration
   * @return the pair
   */
  public static ArmDevOpsConnector of(SecurityConnector connector, DevOpsConfiguration devOps) {
    return new ArmDevOpsConnector(connector, devOps);
  }

  /**
   * Who owns the connector according to ARM, as far as ARM says: the identity that last changed the DevOps
   * configuration (only the authorizing identity, or someone who re-authorized, can change it), else the one that
   * created the connector. ARM names a user by user principal name and an application or managed identity by its
   * application id, never by object id: the identity returned carries the name as its id and, by
   * {@code lastModifiedByType}, as its {@link Identity#userPrincipalName()} ({@code User}) or
   * {@link Identity#applicationId()} ({@code Application}, {@code ManagedIdentity}), so that
   * {@link Identity#matches(Identity)} finds the signed-in identity that carries the same name.
   */
  public Optional<Identity> ownerFromSystemData() {
    Optional<ArmSystemData> devOpsData = devOps().systemData().filter(d -> d.lastModifiedBy().isPresent());
    Optional<String> owner = devOpsData.flatMap(ArmSystemData::lastModifiedBy)
        .or(() -> connector().systemData().flatMap(ArmSystemData::createdBy))
        .filter(id -> !id.isBlank());
    Optional<String> type = devOpsData.isPresent() ? devOpsData.flatMap(ArmSystemData::lastModifiedByType)
        : connector().systemData().flatMap(ArmSystemData::createdByType);
    return owner.map(name -> {
      Identity.Builder identity = Identity.builder().id(name);
      String kind = type.orElse("").toLowerCase(java.util.Locale.ROOT);
      if (kind.equals("user")) {
        identity.userPrincipalName(name);
      } else if (kind.equals("application") || kind.equals("managedidentity")) {
        identity.applicationId(name);
      }
      return identity.build();
    });
  }

  /**
   * The library's model of this connector. ARM responses name neither the owner nor the tenant, so the caller
   * supplies them (see {@link #ownerFromSystemData()}). The cloud is commercial, the only one with DevOps connectors.
   *
   * @throws IllegalStateException if ARM holds something the model cannot express: an unknown location, a
   *     platform other than a DevOps one, or no known offering
   */
  public Connector toConnector(Identity owner, TenantId tenant) {
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
    ConnectorId id = resource.connectorId();
    return Connector.restore(id.name(), id.subscription(), id.resourceGroup(), region, platform, offerings,
        devOps().organizationSelection(), owner, tenant);
  }
}
