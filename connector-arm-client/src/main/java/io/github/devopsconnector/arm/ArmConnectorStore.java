package io.github.devopsconnector.arm;

import com.azure.core.exception.ResourceModifiedException;
import com.azure.core.exception.ResourceNotFoundException;
import io.github.devopsconnector.core.AuthorizationCode;
import io.github.devopsconnector.core.Connector;
import io.github.devopsconnector.core.Identity;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.TenantId;
import io.github.devopsconnector.core.edit.ChangeSet;
import io.github.devopsconnector.core.edit.ConnectorStore;
import io.github.devopsconnector.core.edit.EditConflictException;
import io.github.devopsconnector.core.edit.VersionedConnector;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The {@link ConnectorStore} of connectors in Azure Resource Manager, for edit sessions. A connector's version is
 * the etag of its {@code devops/default} configuration, and an update is a PATCH of that configuration with
 * {@code If-Match}: if anyone changed it since the edit began, ARM answers 412, nothing is saved, and
 * {@link #update(ChangeSet)} throws {@link EditConflictException}.
 *
 * <p>ARM responses name neither the connector's owner nor its tenant: the tenant is given when the store is made,
 * and the owner comes from an owner resolver (by default {@link ArmDevOpsConnector#ownerFromSystemData()}).
 * Should ARM send no etag, the version is a fingerprint of the configuration ({@code sha256:...}) and the check
 * before the PATCH is a read-and-compare, which narrows but does not close the race.
 *
 * <p>Only what ARM lets an edit change is saved: the organization selection and the authorization (a change set
 * that changes the name, place, region, platform or offerings is refused).
 */
public final class ArmConnectorStore implements ConnectorStore {

  private final DefenderConnectorClient client;
  private final TenantId tenant;
  private final Function<ArmDevOpsConnector, Identity> ownerResolver;

  private ArmConnectorStore(DefenderConnectorClient client, TenantId tenant,
      Function<ArmDevOpsConnector, Identity> ownerResolver) {
    this.client = Objects.requireNonNull(client, "client");
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    this.ownerResolver = Objects.requireNonNull(ownerResolver, "ownerResolver");
  }

  /**
   * A store whose connectors' owner is the identity ARM's {@code systemData} names.
   *
   * @param tenant the Microsoft Entra tenant of the connectors' subscriptions
   */
  public static ArmConnectorStore create(DefenderConnectorClient client, TenantId tenant) {
    return new ArmConnectorStore(client, tenant, connector -> connector.ownerFromSystemData().orElseThrow(
        () -> new IllegalStateException("ARM did not say who changed the connector " + connector.connector().id()
            + "; make the store with an owner resolver.")));
  }

  /**
   * A store whose connectors' owner the resolver decides (from the caller's own records, for example).
   *
   * @param tenant the Microsoft Entra tenant of the connectors' subscriptions
   */
  public static ArmConnectorStore create(DefenderConnectorClient client, TenantId tenant,
      Function<ArmDevOpsConnector, Identity> ownerResolver) {
    return new ArmConnectorStore(client, tenant, ownerResolver);
  }

  /**
   * Reads the connector and its DevOps configuration; empty when either does not exist.
   *
   * @throws IllegalArgumentException if the id is not a security connector's resource id
   * @throws IllegalStateException if ARM holds something the model cannot express (see
   *     {@link ArmDevOpsConnector#toConnector(Identity, TenantId)})
   */
  @Override
  public Optional<VersionedConnector> find(String connectorId) {
    SecurityConnectorId id = SecurityConnectorId.parse(connectorId);
    ArmDevOpsConnector arm;
    try {
      arm = client.getDevOpsConnector(id);
    } catch (ResourceNotFoundException notFound) {
      return Optional.empty();
    }
    return Optional.of(VersionedConnector.of(arm.toConnector(ownerResolver.apply(arm), tenant),
        version(arm.devOps())));
  }

  /**
   * Creates the connector with {@link DefenderConnectorClient#createConnector(CreateConnectorOptions)}; the code is
   * destroyed when this returns.
   *
   * @throws IllegalStateException if a connector with the same resource id exists (nothing is sent)
   */
  @Override
  public VersionedConnector create(Connector connector, AuthorizationCode authorization) {
    Objects.requireNonNull(connector, "connector");
    Objects.requireNonNull(authorization, "authorization");
    SecurityConnectorId id = SecurityConnectorId.of(connector);
    try {
      client.getConnector(id);
      authorization.destroy();
      throw new IllegalStateException("A connector with the resource id " + id + " already exists.");
    } catch (ResourceNotFoundException expected) {
      // The usual case: the name is free.
    }
    ArmDevOpsConnector created = client.createConnector(CreateConnectorOptions.of(connector, authorization));
    return VersionedConnector.of(connector, version(created.devOps()));
  }

  /**
   * PATCHes the DevOps configuration with the change set's selection (and its re-authorization code, if any), with
   * {@code If-Match} set to the change set's base version. For "all existing organizations", the organizations are
   * listed first (after the code exchange, when re-authorizing; that takes two writes).
   *
   * <p>The connector returned and its version always belong together: should another edit land between this write
   * and the read that ends it, the connector returned is the one read, with that edit in it, so that an edit made
   * from the returned version cannot overwrite the other one.
   *
   * @throws EditConflictException if the configuration changed since the edit began, or is gone; nothing was saved
   * @throws IllegalArgumentException if the change set changes something ARM cannot change in place
   * @throws TokenExchangeFailedException if the re-authorization code expired or was already used
   * @throws NotAuthorizingIdentityException if "all existing organizations" must be listed by someone who is not
   *     the authorizing identity and did not re-authorize
   */
  @Override
  public VersionedConnector update(ChangeSet changes) {
    Objects.requireNonNull(changes, "changes");
    Optional<AuthorizationCode> code = changes.reauthorization();
    try {
      SecurityConnectorId id = SecurityConnectorId.parse(changes.connectorId());
      checkEditable(changes.before(), changes.after());
      String base = changes.baseVersion();
      Optional<String> ifMatch = Optional.of(base);
      if (base.startsWith(FINGERPRINT)) {
        String current = currentVersion(id).orElse(null);
        if (!base.equals(current)) {
          throw new EditConflictException(changes.connectorId(), base, current);
        }
        ifMatch = Optional.empty();
      }
      if (changes.isEmpty() && code.isEmpty()) {
        String current = currentVersion(id).orElse(null);
        if (!base.equals(current)) {
          throw new EditConflictException(changes.connectorId(), base, current);
        }
        return VersionedConnector.of(changes.after(), base);
      }
      OrganizationSelection selection = changes.after().organizations();
      DevOpsConfiguration saved;
      OrganizationSelection written;
      if (selection.kind() == OrganizationSelection.Kind.ALL_EXISTING) {
        if (code.isPresent()) {
          DevOpsConfiguration exchanged = client.updateDevOpsConfiguration(id, options(code, ifMatch)
              .autoDiscovery(AutoDiscovery.DISABLED).build());
          written = explicit(availableOrganizations(id));
          saved = patchList(id, written, exchanged.etag());
        } else {
          written = explicit(availableOrganizations(id));
          saved = patchList(id, written, ifMatch);
        }
      } else {
        saved = client.updateDevOpsConfiguration(id, options(code, ifMatch).organizations(selection).build());
        written = selection;
      }
      return saved(id, changes.after(), written, saved);
    } catch (ResourceModifiedException changed) {
      SecurityConnectorId id = SecurityConnectorId.parse(changes.connectorId());
      throw new EditConflictException(changes.connectorId(), changes.baseVersion(), currentVersion(id).orElse(null),
          changed);
    } catch (ResourceNotFoundException gone) {
      throw new EditConflictException(changes.connectorId(), changes.baseVersion(), null, gone);
    } finally {
      code.ifPresent(AuthorizationCode::destroy);
    }
  }

  /**
   * Deletes the connector: the long-running delete of its DevOps configuration, then the connector resource (see
   * {@link DefenderConnectorClient#deleteConnector(SecurityConnectorId)}). Does nothing if it does not exist.
   *
   * @throws IllegalArgumentException if the id is not a security connector's resource id
   * @throws ArmOperationFailedException if the configuration delete failed or did not end in time
   */
  public void delete(String connectorId) {
    client.deleteConnector(SecurityConnectorId.parse(connectorId));
  }

  private static OrganizationSelection explicit(List<String> organizations) {
    if (organizations.isEmpty()) {
      throw new IllegalStateException("The connector's authorization reaches no organization that is not onboarded "
          + "elsewhere, so \"all existing organizations\" would select none.");
    }
    return OrganizationSelection.explicit(organizations.stream().map(OrganizationName::parse)
        .collect(Collectors.toList()));
  }

  private DevOpsConfiguration patchList(SecurityConnectorId id, OrganizationSelection organizations,
      Optional<String> ifMatch) {
    return client.updateDevOpsConfiguration(id, options(Optional.empty(), ifMatch).organizations(organizations)
        .build());
  }

  /**
   * The saved connector with the version of the configuration read back after the write. A long-running write ends
   * with that read, and another edit can land between the write and the read: the read then shows the other edit
   * and carries its etag. Paired with this edit's connector, that etag would let an edit from the returned version
   * overwrite the other edit without a conflict. So the connector returned is this edit's only when the read shows
   * what this edit wrote (organizations and owner); otherwise it is the connector as read, as {@link #find} gives it.
   */
  private VersionedConnector saved(SecurityConnectorId id, Connector after, OrganizationSelection written,
      DevOpsConfiguration saved) {
    ArmDevOpsConnector read = ArmDevOpsConnector.of(client.getConnector(id), saved);
    Connector stored = read.toConnector(ownerResolver.apply(read), tenant);
    OrganizationSelection readBack = saved.organizationSelection();
    boolean asWritten = readBack.kind() == written.kind()
        && Set.copyOf(readBack.organizations()).equals(Set.copyOf(written.organizations()))
        && stored.owner().id().equals(after.owner().id());
    return VersionedConnector.of(asWritten ? after : stored, version(saved));
  }

  private List<String> availableOrganizations(SecurityConnectorId id) {
    return client.listAvailableAzureDevOpsOrgs(id).stream()
        .filter(o -> !o.onboardingState().filter(OnboardingState.ONBOARDED_BY_OTHER_CONNECTOR::equals).isPresent())
        .map(AzureDevOpsOrg::name)
        .collect(Collectors.toList());
  }

  private static UpdateDevOpsConfigurationOptions.Builder options(Optional<AuthorizationCode> code,
      Optional<String> ifMatch) {
    UpdateDevOpsConfigurationOptions.Builder builder = UpdateDevOpsConfigurationOptions.builder();
    code.ifPresent(builder::authorization);
    ifMatch.ifPresent(builder::ifMatch);
    return builder;
  }

  private Optional<String> currentVersion(SecurityConnectorId id) {
    try {
      return Optional.of(version(client.getDevOpsConfiguration(id)));
    } catch (ResourceNotFoundException gone) {
      return Optional.empty();
    }
  }

  private static void checkEditable(Connector before, Connector after) {
    boolean same = before.resourceId().equalsIgnoreCase(after.resourceId()) && before.region().equals(after.region())
        && before.platform() == after.platform() && before.offerings().equals(after.offerings())
        && before.cloud() == after.cloud();
    if (!same) {
      throw new IllegalArgumentException("An edit of a connector in Azure can change its organizations and "
          + "authorization only; its name, place, region, platform and offerings stay as they are (delete and "
          + "create the connector to change them).");
    }
  }

  private static final String FINGERPRINT = "sha256:";

  /** The etag, or a fingerprint of what an edit can change when ARM sent none. */
  static String version(DevOpsConfiguration configuration) {
    if (configuration.etag().isPresent()) {
      return configuration.etag().get();
    }
    String state = configuration.id() + "|" + configuration.provisioningState().map(Object::toString).orElse("")
        + "|" + configuration.autoDiscovery().map(Object::toString).orElse("") + "|"
        + String.join(",", configuration.topLevelInventoryList()) + "|"
        + configuration.systemData().flatMap(ArmSystemData::lastModifiedAt).map(Object::toString).orElse("");
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8));
      return FINGERPRINT + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available.", e);
    }
  }

  @Override
  public String toString() {
    return "ArmConnectorStore[" + client.getEndpoint() + ", tenant " + tenant + "]";
  }
}
