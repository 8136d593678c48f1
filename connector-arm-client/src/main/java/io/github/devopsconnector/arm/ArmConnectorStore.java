package io.github.devopsconnector.arm;

import io.github.devopsconnector.arm.models.UpdateDevOpsConfigurationOptions;
import io.github.devopsconnector.core.DevOpsPlatform;
import io.github.devopsconnector.core.ConnectorId;
import io.github.devopsconnector.arm.models.DevOpsProvisioningState;
import io.github.devopsconnector.arm.models.DevOpsConfiguration;
import io.github.devopsconnector.arm.models.CreateConnectorOptions;
import io.github.devopsconnector.arm.models.AutoDiscovery;
import io.github.devopsconnector.arm.models.ArmSystemData;
import io.github.devopsconnector.arm.models.ArmDevOpsConnector;
import io.github.devopsconnector.arm.implementation.ArmErrors;
import io.github.devopsconnector.arm.implementation.ArmInventory;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.AuthorizationCode;
import io.github.devopsconnector.core.Connector;
import io.github.devopsconnector.core.Identity;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.TenantId;
import io.github.devopsconnector.core.edit.ChangeSet;
import io.github.devopsconnector.core.edit.ConnectorStore;
import io.github.devopsconnector.core.edit.EditConflictException;
import io.github.devopsconnector.core.edit.OrganizationOnboardedElsewhereException;
import io.github.devopsconnector.core.edit.VersionedConnector;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The {@link ConnectorStore} of connectors in Azure Resource Manager, for edit sessions.
 *
 * <p><b>Conflicting edits.</b> In the specification the {@code devops/default} configuration has no etag and its
 * writes take no {@code If-Match}, so ARM itself cannot refuse a write made from a stale read. The store detects
 * conflicting edits as well as ARM allows: a connector's version is a fingerprint of its configuration
 * ({@code sha256:...}, or the etag should ARM send one), and {@link #update(ChangeSet)} reads the configuration and
 * compares it with the change set's base version (a difference is {@link EditConflictException},
 * {@code EDIT_CONFLICT}, and nothing is written), writes, then reads back and compares with what it wrote (a
 * difference means another edit landed after this one and overwrote it: {@link EditConflictException} with the
 * version read). <b>The remaining window:</b> another edit whose write reaches ARM between this edit's check and
 * its write is overwritten by this edit, and is detected only by that other edit's own read-back, if it reads back
 * after this write landed; an editor that does not read back (another tool, the portal) is not told. The window is
 * one round trip plus the long-running write, typically a few seconds. With an etag (a service that sends one, or
 * the simulator's {@code devOpsEtags} option) the write carries {@code If-Match} and ARM closes the window.
 *
 * <p><b>One organization per tenant.</b> Before any write, {@link #create} and {@link #update} refuse an
 * organization (a GitHub owner, a GitLab top-level group) another connector of the tenant holds, with
 * {@link OrganizationOnboardedElsewhereException} (its finding names the platform's code, such as
 * {@code ADO_ORGANIZATION_ONBOARDED_ELSEWHERE}) naming the other connector where the caller can see it; see
 * {@link ArmTenantRegistry} for what ARM tells.
 *
 * <p><b>Owners.</b> ARM responses name neither the connector's owner nor its tenant: the tenant is given when the
 * store is made, and the owner comes from an owner resolver, by default {@link ArmDevOpsConnector#ownerFromSystemData()}
 * (a user principal name or application id), replaced by the {@linkplain Builder#knownIdentities known identity}
 * it {@linkplain Identity#matches(Identity) matches}, so that the signed-in identity (known by object id, user
 * principal name and application id) is recognised as the owner.
 *
 * <p>Only what ARM lets an edit change is saved: the organization selection and the authorization (a change set
 * that changes the name, place, region, platform or offerings is refused).
 */
public final class ArmConnectorStore implements ConnectorStore {

  private final DefenderConnectorClient client;
  private final TenantId tenant;
  private final Function<ArmDevOpsConnector, Identity> ownerResolver;
  private final ArmTenantRegistry registry;

  private ArmConnectorStore(DefenderConnectorClient client, TenantId tenant,
      Function<ArmDevOpsConnector, Identity> ownerResolver, ArmTenantRegistry registry) {
    this.client = Objects.requireNonNull(client, "client");
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    this.ownerResolver = Objects.requireNonNull(ownerResolver, "ownerResolver");
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /**
   * A store whose connectors' owner is the identity ARM's {@code systemData} names, checking organizations with an
   * {@link ArmTenantRegistry} over each connector's subscription.
   *
   * @param tenant the Microsoft Entra tenant of the connectors' subscriptions
   */
  public static ArmConnectorStore create(DefenderConnectorClient client, TenantId tenant) {
    return builder(client, tenant).build();
  }

  /**
   * A store whose connectors' owner the resolver decides (from the caller's own records, for example).
   *
   * @param tenant the Microsoft Entra tenant of the connectors' subscriptions
   */
  public static ArmConnectorStore create(DefenderConnectorClient client, TenantId tenant,
      Function<ArmDevOpsConnector, Identity> ownerResolver) {
    return builder(client, tenant).ownerResolver(ownerResolver).build();
  }

  /**
   * A builder of a store.
   *
   * @param tenant the Microsoft Entra tenant of the connectors' subscriptions
   */
  public static Builder builder(DefenderConnectorClient client, TenantId tenant) {
    return new Builder(client, tenant);
  }

  /** Builds {@link ArmConnectorStore}. */
  public static final class Builder {
    private final DefenderConnectorClient client;
    private final TenantId tenant;
    private Function<ArmDevOpsConnector, Identity> ownerResolver;
    private final List<Identity> knownIdentities = new java.util.ArrayList<>();
    private ArmTenantRegistry registry;

    private Builder(DefenderConnectorClient client, TenantId tenant) {
      this.client = Objects.requireNonNull(client, "client");
      this.tenant = Objects.requireNonNull(tenant, "tenant");
    }

    /** Decides a connector's owner; replaces the default (systemData, matched to the known identities). */
    public Builder ownerResolver(Function<ArmDevOpsConnector, Identity> ownerResolver) {
      this.ownerResolver = Objects.requireNonNull(ownerResolver, "ownerResolver");
      return this;
    }

    /**
     * Identities the store may meet as owners, with every name they have (object id, user principal name,
     * application id), typically the signed-in identity: an owner ARM names by one of them is that identity.
     */
    public Builder knownIdentities(Identity... identities) {
      knownIdentities.addAll(List.of(identities));
      return this;
    }

    /** The registry of organizations held by other connectors. Default: {@link ArmTenantRegistry#create}. */
    public Builder tenantRegistry(ArmTenantRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /** The store. */
    public ArmConnectorStore build() {
      List<Identity> known = List.copyOf(knownIdentities);
      Function<ArmDevOpsConnector, Identity> resolver = ownerResolver != null ? ownerResolver
          : connector -> {
            Identity named = connector.ownerFromSystemData().orElseThrow(() -> new IllegalStateException(
                "ARM did not say who changed the connector " + connector.connector().id()
                    + "; make the store with an owner resolver."));
            return known.stream().filter(named::matches).findFirst().orElse(named);
          };
      return new ArmConnectorStore(client, tenant, resolver,
          registry != null ? registry : ArmTenantRegistry.create(client, tenant));
    }
  }

  /**
   * Reads the connector and its DevOps configuration; empty when either does not exist.
   *
   * @throws IllegalStateException if ARM holds something the model cannot express (see
   *     {@link ArmDevOpsConnector#toConnector(Identity, TenantId)})
   */
  @Override
  public Optional<VersionedConnector> find(ConnectorId connectorId) {
    ConnectorId id = Objects.requireNonNull(connectorId, "connectorId");
    ArmDevOpsConnector arm;
    try {
      arm = client.getDevOpsConnector(id);
    } catch (ServiceException notFound) {
      if (!ArmErrors.isNotFound(notFound)) {
        throw notFound;
      }
      return Optional.empty();
    }
    return Optional.of(VersionedConnector.of(arm.toConnector(ownerResolver.apply(arm), tenant),
        version(arm.devOps())));
  }

  /**
   * Creates the connector with {@link DefenderConnectorClient#createConnector(CreateConnectorOptions)}; the code is
   * destroyed when this returns or throws.
   *
   * @throws IllegalStateException if a connector with the same resource id exists (nothing is sent)
   * @throws OrganizationOnboardedElsewhereException if another connector of the tenant holds a selected
   *     organization (nothing is written; the code is destroyed)
   */
  @Override
  public VersionedConnector create(Connector connector, AuthorizationCode authorization) {
    Objects.requireNonNull(connector, "connector");
    Objects.requireNonNull(authorization, "authorization");
    ConnectorId id = ConnectorId.of(connector);
    // The code is destroyed however this ends: refused, failed before the write, or written.
    try {
      try {
        client.getConnector(id);
        throw new IllegalStateException("A connector with the resource id " + id + " already exists.");
      } catch (ServiceException expected) {
        // The usual case: the name is free.
        if (!ArmErrors.isNotFound(expected)) {
          throw expected;
        }
      }
      refuseHeldElsewhere(id, connector.platform(), connector.organizations().organizations());
      ArmDevOpsConnector created = client.createConnector(CreateConnectorOptions.of(connector, authorization));
      return VersionedConnector.of(connector, version(created.devOps()));
    } finally {
      authorization.destroy();
    }
  }

  /**
   * Reads the configuration and compares it with the change set's base version, refuses organizations held
   * elsewhere, PATCHes the configuration with the change set's selection (and its re-authorization code, if any;
   * with {@code If-Match} when the version is an etag), then reads back and compares. For "all existing
   * organizations", the organizations are listed first (after the code exchange, when re-authorizing; that takes
   * two writes). See the class documentation for the window this leaves without etags.
   *
   * @throws EditConflictException if the configuration changed since the edit began, is gone, or was changed
   *     by another edit right after this one (then this edit's write was overwritten)
   * @throws OrganizationOnboardedElsewhereException if an added organization is held by another connector of the
   *     tenant; nothing was written
   * @throws IllegalArgumentException if the change set changes something ARM cannot change in place
   * @throws ServiceException ({@code NOT_AUTHORIZED}, {@code TokenExchangeFailed}) if the re-authorization code expired or was already used
   * @throws io.github.devopsconnector.arm.models.AuthorizationOutcomeUnknownException if the write with the code failed ambiguously and reading back
   *     did not settle whether the code was exchanged
   * @throws ServiceException ({@code NOT_AUTHORIZED}) if "all existing organizations" must be listed by someone who is not
   *     the authorizing identity and did not re-authorize
   */
  @Override
  public VersionedConnector update(ChangeSet changes) {
    Objects.requireNonNull(changes, "changes");
    Optional<AuthorizationCode> code = changes.reauthorization();
    try {
      ConnectorId id = changes.connectorId();
      checkEditable(changes.before(), changes.after());
      String base = changes.baseVersion();
      DevOpsConfiguration current = client.getDevOpsConfiguration(id);
      if (!base.equals(version(current))) {
        throw new EditConflictException(changes.connectorId(), base, version(current));
      }
      if (changes.isEmpty() && code.isEmpty()) {
        return VersionedConnector.of(changes.after(), base);
      }
      OrganizationSelection selection = changes.after().organizations();
      List<OrganizationName> added = selection.organizations().stream()
          .filter(o -> current.topLevelInventoryList().stream().noneMatch(n -> n.equalsIgnoreCase(o.value())))
          .collect(Collectors.toList());
      refuseHeldElsewhere(id, changes.before().platform(), added);
      Optional<String> ifMatch = base.startsWith(FINGERPRINT) ? Optional.empty() : Optional.of(base);
      DevOpsConfiguration saved;
      OrganizationSelection written;
      if (selection.kind() == OrganizationSelection.Kind.ALL_EXISTING) {
        if (code.isPresent()) {
          DevOpsConfiguration exchanged = client.updateDevOpsConfiguration(id, options(code, ifMatch)
              .autoDiscovery(AutoDiscovery.DISABLED).build());
          written = explicit(availableOrganizations(id, changes.before().platform()));
          saved = patchList(id, written, exchanged.etag());
        } else {
          written = explicit(availableOrganizations(id, changes.before().platform()));
          saved = patchList(id, written, ifMatch);
        }
      } else {
        saved = client.updateDevOpsConfiguration(id, options(code, ifMatch).organizations(selection).build());
        written = selection;
      }
      return saved(id, changes, written, saved);
    } catch (ServiceException failure) {
      if (ArmErrors.isPreconditionFailed(failure)) {
        ConnectorId id = changes.connectorId();
        throw new EditConflictException(changes.connectorId(), changes.baseVersion(),
            currentVersion(id).orElse(null), failure);
      }
      if (ArmErrors.isNotFound(failure)) {
        throw new EditConflictException(changes.connectorId(), changes.baseVersion(), null, failure);
      }
      throw failure;
    } finally {
      code.ifPresent(AuthorizationCode::destroy);
    }
  }

  /** Refuses, before any write, organizations another connector of the tenant holds. */
  private void refuseHeldElsewhere(ConnectorId id, DevOpsPlatform platform, List<OrganizationName> organizations) {
    if (organizations.isEmpty()) {
      return;
    }
    Map<String, Optional<ConnectorId>> elsewhere = registry.heldElsewhere(id, platform, organizations);
    for (OrganizationName organization : organizations) {
      Optional<ConnectorId> holder = elsewhere.get(organization.value().toLowerCase(Locale.ROOT));
      if (holder != null) {
        throw holder.map(h -> new OrganizationOnboardedElsewhereException(platform, organization, h))
            .orElseGet(() -> new OrganizationOnboardedElsewhereException(platform, organization));
      }
    }
  }

  /**
   * Deletes the connector: the long-running delete of its DevOps configuration, then the connector resource (see
   * {@link DefenderConnectorClient#deleteConnector(ConnectorId)}). Does nothing if it does not exist.
   *
   * @throws ServiceException ({@code OPERATION_FAILED}) if the configuration delete failed or did not end in time
   */
  public void delete(ConnectorId connectorId) {
    client.deleteConnector(connectorId);
  }

  private static OrganizationSelection explicit(List<String> organizations) {
    if (organizations.isEmpty()) {
      throw new IllegalStateException("The connector's authorization reaches no organization that is not onboarded "
          + "elsewhere, so \"all existing organizations\" would select none.");
    }
    return OrganizationSelection.explicit(organizations.stream().map(OrganizationName::parse)
        .collect(Collectors.toList()));
  }

  private DevOpsConfiguration patchList(ConnectorId id, OrganizationSelection organizations,
      Optional<String> ifMatch) {
    return client.updateDevOpsConfiguration(id, options(Optional.empty(), ifMatch).organizations(organizations)
        .build());
  }

  /**
   * Reads back what the write left. When ARM shows what this edit wrote (organizations and, after a
   * re-authorization, the owner), the connector as saved with the version read. When it shows more (another edit
   * landed after this one and kept this one's change), the connector as read, as {@link #find} gives it, so that
   * the version returned always belongs to the connector returned. When it lacks this edit's change, another edit
   * overwrote it: {@link EditConflictException} with the version read, so that the caller reloads.
   */
  private VersionedConnector saved(ConnectorId id, ChangeSet changes, OrganizationSelection written,
      DevOpsConfiguration writeResult) {
    Connector after = changes.after();
    // Read back, even when the write answered at once: what counts is what ARM holds after it.
    DevOpsConfiguration saved = writeResult.provisioningState().filter(DevOpsProvisioningState.SUCCEEDED::equals)
        .isPresent() || writeResult.provisioningState().isEmpty() ? client.getDevOpsConfiguration(id) : writeResult;
    ArmDevOpsConnector read = ArmDevOpsConnector.of(client.getConnector(id), saved);
    Connector stored = read.toConnector(ownerResolver.apply(read), tenant);
    OrganizationSelection readBack = saved.organizationSelection();
    boolean ownerKept = changes.reauthorization().isEmpty() || stored.owner().matches(after.owner());
    boolean sameKind = readBack.kind() == written.kind();
    Set<OrganizationName> readNames = Set.copyOf(readBack.organizations());
    Set<OrganizationName> writtenNames = Set.copyOf(written.organizations());
    if (sameKind && ownerKept && readNames.equals(writtenNames)) {
      return VersionedConnector.of(after, version(saved));
    }
    if (sameKind && ownerKept && readNames.containsAll(writtenNames)) {
      return VersionedConnector.of(stored, version(saved));
    }
    throw new EditConflictException(changes.connectorId(), changes.baseVersion(), version(saved));
  }

  /** What the connector's authorization reaches of the platform's top level, but for what another connector holds. */
  private List<String> availableOrganizations(ConnectorId id, DevOpsPlatform platform) {
    return client.topLevel(id, platform, true).stream().filter(item -> !item.heldElsewhere())
        .map(ArmInventory.TopLevel::name).collect(Collectors.toList());
  }

  private static UpdateDevOpsConfigurationOptions.Builder options(Optional<AuthorizationCode> code,
      Optional<String> ifMatch) {
    UpdateDevOpsConfigurationOptions.Builder builder = UpdateDevOpsConfigurationOptions.builder();
    code.ifPresent(builder::authorization);
    ifMatch.ifPresent(builder::ifMatch);
    return builder;
  }

  private Optional<String> currentVersion(ConnectorId id) {
    try {
      return Optional.of(version(client.getDevOpsConfiguration(id)));
    } catch (ServiceException gone) {
      if (!ArmErrors.isNotFound(gone)) {
        throw gone;
      }
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

  /** The etag, or a fingerprint of what an edit can change (and when it was written) when ARM sent none. */
  static String version(DevOpsConfiguration configuration) {
    if (configuration.etag().isPresent()) {
      return configuration.etag().get();
    }
    // What an edit changes and when it was last written; not the provisioning state, which moves on by itself as a
    // long-running write completes.
    String state = configuration.id() + "|" + configuration.autoDiscovery().map(Object::toString).orElse("") + "|"
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
