package io.github.devopsconnector.core.edit;

import io.github.devopsconnector.core.ConnectorId;
import io.github.devopsconnector.core.AuthorizationCode;
import io.github.devopsconnector.core.Connector;
import io.github.devopsconnector.core.DevOpsPlatform;
import io.github.devopsconnector.core.Finding;
import io.github.devopsconnector.core.Identity;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.OrganizationSelection.Kind;
import io.github.devopsconnector.core.TenantId;
import io.github.devopsconnector.core.ValidationReport;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A draft edit of one stored connector, as the portal's <em>Edit settings</em> offers it: re-authorize (exchange
 * the token, or take the connector over), add or remove organizations, or switch between an explicit selection,
 * all existing organizations, and all existing and future ones (auto-discovery). Nothing is saved until
 * {@link #update()}: a draft that is dropped, or only {@linkplain #review() reviewed}, changes nothing.
 *
 * <pre>{@code
 * EditSession draft = EditSession.open(store.find(id).orElseThrow(), actor, context);
 * draft.addOrganization(OrganizationName.parse("contoso-web"));   // throws if greyed out, saying why
 * ChangeSet review = draft.review();                             // throws if the ownership rules refuse
 * VersionedConnector saved = draft.update();                     // throws EditConflictException if stale
 * }</pre>
 *
 * <p><b>Ownership.</b> The context's {@link OwnershipPolicy} decides whether the edit may be saved; see
 * {@link #ownershipDecision()}. Someone other than the owner must {@link #reauthorize(AuthorizationCode)} and
 * {@link #confirmTakeover()}, and then becomes the owner for good.
 *
 * <p><b>Greyed-out organizations.</b> {@link #addOrganization(OrganizationName)} and
 * {@link #selectOrganizations(Collection)} throw {@link OrganizationNotSelectableException}, carrying the findings,
 * when the actor lacks permissions on an organization (its facts fail
 * {@link io.github.devopsconnector.core.OrganizationChecks}; errors block, warnings do not) or another connector of
 * the tenant holds it. {@link #checkOrganization(OrganizationName)} gives the same answer without throwing, for a UI
 * that greys organizations out before anyone clicks. Organizations the connector already onboards are never
 * checked again.
 *
 * <p><b>What an all-existing selection onboards.</b> For a connector that selects all existing (and future)
 * organizations, the organizations it onboards are those the {@link TenantRegistry} says it holds. Switching an
 * edit to such a selection adds the organizations of the context's facts that pass the checks above; keeping the
 * kind of selection adds nothing.
 *
 * <p><b>Authorization codes.</b> The caller owns the code given to {@link #reauthorize(AuthorizationCode)} until
 * an update succeeds: then the store has exchanged and destroyed it. A session never destroys a code itself, so
 * after a failed update or an abandoned draft the caller may use the code again, or destroy it.
 *
 * <p>A session is meant for one user's edit and is not thread-safe. Concurrent sessions on the same connector are
 * safe: the store saves one update per version and refuses the others with {@link EditConflictException}.
 */
public final class EditSession {

  private static final Logger LOG = LoggerFactory.getLogger(EditSession.class);

  private enum State { OPEN, UPDATED, CONFLICTED }

  private final VersionedConnector base;
  private final Identity actor;
  private final EditContext context;
  /** What the connector onboards as the session opens. */
  private final Set<OrganizationName> onboarded;
  private final LinkedHashSet<OrganizationName> explicit = new LinkedHashSet<>();
  private final Map<OrganizationName, List<Finding>> additionWarnings = new HashMap<>();
  private Kind kind;
  private AuthorizationCode reauthorization;
  private boolean takeoverConfirmed;
  private State state = State.OPEN;

  private EditSession(VersionedConnector base, Identity actor, EditContext context) {
    this.base = base;
    this.actor = actor;
    this.context = context;
    Connector connector = base.connector();
    OrganizationSelection selection = connector.organizations();
    this.kind = selection.kind();
    if (kind == Kind.EXPLICIT) {
      explicit.addAll(selection.organizations());
      this.onboarded = Set.copyOf(explicit);
    } else {
      this.onboarded = Set.copyOf(context.tenantRegistry().organizationsOf(connector.tenant(), connector.platform(),
          connector.id()));
    }
  }

  /**
   * Opens a draft edit of a stored connector, starting from its current version.
   *
   * @param current the connector as the store returned it, with its version
   * @param actor who edits
   * @param context the store, registry, ownership policy and the actor's organization facts
   * @throws NullPointerException if an argument is null
   */
  public static EditSession open(VersionedConnector current, Identity actor, EditContext context) {
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(context, "context");
    return new EditSession(current, actor, context);
  }

  /** The stored connector and version the draft started from. */
  public VersionedConnector base() {
    return base;
  }

  /** Who edits. */
  public Identity actor() {
    return actor;
  }

  /** The organization selection as the draft has it now. */
  public OrganizationSelection selection() {
    switch (kind) {
      case ALL_EXISTING:
        return OrganizationSelection.allExisting();
      case ALL_EXISTING_AND_FUTURE:
        return OrganizationSelection.allExistingAndFuture();
      default:
        return OrganizationSelection.explicit(List.copyOf(explicit));
    }
  }

  /** Whether the actor re-authorized in this draft. */
  public boolean isReauthorized() {
    return reauthorization != null;
  }

  /** Whether the actor confirmed the takeover in this draft. */
  public boolean isTakeoverConfirmed() {
    return takeoverConfirmed;
  }

  /**
   * Re-authorizes with a new authorization code of the actor's own: for the owner, this exchanges the token; for
   * anyone else, it is the first step of taking the connector over. A later call replaces the code.
   *
   * @return this session
   * @throws IllegalArgumentException if the code was already used and destroyed
   * @throws IllegalStateException if the session was already updated or conflicted
   */
  public EditSession reauthorize(AuthorizationCode code) {
    ensureOpen();
    Objects.requireNonNull(code, "code");
    if (code.isDestroyed()) {
      throw new IllegalArgumentException("The authorization code was already used; authorize again to get a new one.");
    }
    this.reauthorization = code;
    return this;
  }

  /**
   * Confirms that the actor means to take the connector over, knowing it cannot be undone. It matters only to
   * someone other than the owner, who must also {@link #reauthorize(AuthorizationCode)}.
   *
   * @return this session
   * @throws IllegalStateException if the session was already updated or conflicted
   */
  public EditSession confirmTakeover() {
    ensureOpen();
    this.takeoverConfirmed = true;
    return this;
  }

  /**
   * What the ownership policy decides about the draft as it stands: allowed or not, the consequence, the missing
   * requirements and why. Has no effect; {@link #review()} and {@link #update()} refuse a draft it does not allow.
   *
   * @throws IllegalStateException if the context's policy contradicts the default rules on the consequence
   */
  public OwnershipDecision ownershipDecision() {
    OwnershipRequest request =
        OwnershipRequest.of(base.connector(), actor, reauthorization != null, takeoverConfirmed);
    return decide(context.ownershipPolicy(), request);
  }

  /**
   * Whether the actor could add the organization: the findings that grey it out, if any. Empty for an organization
   * the connector already onboards. A report that {@link ValidationReport#isValid() is valid} may still carry
   * warnings.
   *
   * @throws IllegalArgumentException if the context has no facts about an organization the connector does not
   *     onboard yet
   */
  public ValidationReport checkOrganization(OrganizationName organization) {
    Objects.requireNonNull(organization, "organization");
    if (onboarded.contains(organization)) {
      return ValidationReport.of(List.of());
    }
    return Onboarding.check(base.connector(), organization, context);
  }

  /**
   * Adds an organization to the draft's explicit selection. Adding one that is already selected does nothing.
   *
   * @return this session
   * @throws OrganizationNotSelectableException if the organization is greyed out (the actor lacks permissions, or
   *     another connector of the tenant holds it); the draft is unchanged
   * @throws IllegalStateException if the draft selects all existing organizations (use
   *     {@link #selectOrganizations(Collection)}), or the session was already updated or conflicted
   * @throws IllegalArgumentException if the context has no facts about the organization
   */
  public EditSession addOrganization(OrganizationName organization) {
    ensureOpen();
    Objects.requireNonNull(organization, "organization");
    ensureExplicit("add the organization " + organization);
    if (explicit.contains(organization)) {
      return this;
    }
    ValidationReport report = checkOrganization(organization);
    if (!report.isValid()) {
      throw new OrganizationNotSelectableException(List.of(organization), report);
    }
    explicit.add(organization);
    additionWarnings.put(organization, report.warnings());
    return this;
  }

  /**
   * Removes an organization from the draft's explicit selection. Removing one that is not selected does nothing.
   *
   * @return this session
   * @throws IllegalStateException if it is the last selected organization (an explicit selection names at least
   *     one), if the draft selects all existing organizations, or if the session was already updated or conflicted
   */
  public EditSession removeOrganization(OrganizationName organization) {
    ensureOpen();
    Objects.requireNonNull(organization, "organization");
    ensureExplicit("remove the organization " + organization);
    if (!explicit.contains(organization)) {
      return this;
    }
    if (explicit.size() == 1) {
      throw new IllegalStateException("The organization " + organization + " is the only one selected, and an "
          + "explicit selection names at least one organization. Select another one first.");
    }
    explicit.remove(organization);
    additionWarnings.remove(organization);
    return this;
  }

  /**
   * Replaces the draft's selection with exactly these organizations. Each one the connector does not onboard yet is
   * checked as by {@link #addOrganization(OrganizationName)}; if any is greyed out, none is selected.
   *
   * @return this session
   * @throws OrganizationNotSelectableException listing every greyed-out organization and why; the draft is
   *     unchanged
   * @throws IllegalArgumentException if the list is empty or names an organization twice, or the context has no
   *     facts about an organization to add
   * @throws IllegalStateException if the session was already updated or conflicted
   */
  public EditSession selectOrganizations(Collection<OrganizationName> organizations) {
    ensureOpen();
    Objects.requireNonNull(organizations, "organizations");
    List<OrganizationName> wanted = OrganizationSelection.explicit(List.copyOf(organizations)).organizations();
    List<OrganizationName> refused = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    Map<OrganizationName, List<Finding>> warnings = new HashMap<>();
    for (OrganizationName organization : wanted) {
      if (explicit.contains(organization) && kind == Kind.EXPLICIT) {
        warnings.put(organization, additionWarnings.getOrDefault(organization, List.of()));
        continue;
      }
      ValidationReport report = checkOrganization(organization);
      if (report.isValid()) {
        warnings.put(organization, report.warnings());
      } else {
        refused.add(organization);
        findings.addAll(report.findings());
      }
    }
    if (!refused.isEmpty()) {
      throw new OrganizationNotSelectableException(refused, ValidationReport.of(findings));
    }
    kind = Kind.EXPLICIT;
    explicit.clear();
    explicit.addAll(wanted);
    additionWarnings.clear();
    additionWarnings.putAll(warnings);
    return this;
  }

  /**
   * Selects all existing organizations, without auto-discovery.
   *
   * @return this session
   * @throws IllegalStateException if the session was already updated or conflicted
   */
  public EditSession selectAllExisting() {
    return selectAll(Kind.ALL_EXISTING);
  }

  /**
   * Selects all existing and future organizations: auto-discovery on.
   *
   * @return this session
   * @throws IllegalStateException if the session was already updated or conflicted
   */
  public EditSession selectAllExistingAndFuture() {
    return selectAll(Kind.ALL_EXISTING_AND_FUTURE);
  }

  /**
   * <em>Review and generate</em>: every change the draft makes, old to new, and its ownership consequence. Saves
   * nothing, and may be called any number of times.
   *
   * @throws EditNotAllowedException if the ownership policy does not allow the edit; it carries the decision and
   *     the missing requirements
   * @throws IllegalStateException if the session was already updated or conflicted
   */
  public ChangeSet review() {
    ensureOpen();
    OwnershipDecision decision = ownershipDecision();
    Connector before = base.connector();
    if (!decision.allowed()) {
      throw new EditNotAllowedException(before.id(), actor, decision);
    }
    OrganizationSelection selection = selection();
    Map<OrganizationName, List<Finding>> warnings = new HashMap<>(additionWarnings);
    Set<OrganizationName> after = onboardedAfter(warnings);
    List<OrganizationName> added =
        Onboarding.sorted(after.stream().filter(o -> !onboarded.contains(o)).collect(Collectors.toList()));
    List<OrganizationName> removed =
        Onboarding.sorted(onboarded.stream().filter(o -> !after.contains(o)).collect(Collectors.toList()));

    Connector updated = before.withOrganizations(selection);
    if (decision.transfersOwnership()) {
      updated = updated.withOwner(actor);
    }
    List<Change> changes = new ArrayList<>();
    if (reauthorization != null) {
      changes.add(Change.of("authorization", "current token", "exchanged"));
    }
    if (!updated.owner().equals(before.owner())) {
      changes.add(Change.of("owner", before.owner().toString(), updated.owner().toString()));
    }
    OrganizationSelection old = before.organizations();
    if (old.kind() != selection.kind()) {
      changes.add(Change.of("selection", describe(old.kind()), describe(selection.kind())));
    }
    if (old.autoDiscovery() != selection.autoDiscovery()) {
      changes.add(Change.of("autoDiscovery", autoDiscovery(old), autoDiscovery(selection)));
    }
    Map<OrganizationName, Change> organizationChanges = new TreeMap<>(Onboarding.BY_NAME);
    added.forEach(o -> organizationChanges.put(o, Change.of(Change.organizationField(o), Change.NONE, "onboarded")));
    removed.forEach(o -> organizationChanges.put(o, Change.of(Change.organizationField(o), "onboarded", Change.NONE)));
    changes.addAll(organizationChanges.values());

    ChangeSet.Builder changeSet = ChangeSet.builder();
    changeSet.connectorId(before.id())
        .baseVersion(base.version())
        .actor(actor)
        .before(before)
        .after(updated)
        .ownership(decision.consequence())
        .addAllChanges(changes)
        .addAllAddedOrganizations(added)
        .addAllRemovedOrganizations(removed)
        .addAllWarnings(added.stream().flatMap(o -> warnings.getOrDefault(o, List.of()).stream())
            .collect(Collectors.toList()));
    if (reauthorization != null) {
      changeSet.reauthorization(reauthorization);
    }
    return changeSet.build();
  }

  /**
   * <em>Update</em>: reviews the draft and saves it through the context's store, then brings the tenant registry in
   * line.
   *
   * <p>Order, so that no claim is left behind and no organization is saved unclaimed: (1) the added organizations
   * are claimed for the connector in the {@link TenantRegistry}; if another connector holds one, the claims just
   * made are released and nothing is saved. (2) The store saves the change set, or refuses it. If it refuses
   * (for example with {@link EditConflictException}), the claims made in step 1 are released again, except for
   * organizations that the connector's current stored version onboards (a concurrent edit saved them). (3) After a
   * successful save, the removed organizations are released and the added ones claimed again, in case a
   * concurrent, failed edit of the same connector released one of them between steps 1 and 3.
   *
   * <p>After a successful update (or a conflict) the session is finished; open a new one from the saved (or
   * current) version to edit again. After any other failure the session stays open.
   *
   * @return the connector as saved, with its new version
   * @throws EditNotAllowedException if the ownership policy does not allow the edit; nothing was saved
   * @throws EditConflictException if the connector changed since the session opened; nothing was saved
   * @throws OrganizationOnboardedElsewhereException if another connector of the tenant claimed an added
   *     organization after it was added to the draft; nothing was saved
   * @throws IllegalStateException if the session was already updated or conflicted
   */
  public VersionedConnector update() {
    ChangeSet changes = review();
    TenantRegistry registry = context.tenantRegistry();
    TenantId tenant = changes.before().tenant();
    DevOpsPlatform platform = changes.before().platform();
    ConnectorId connectorId = changes.connectorId();

    List<OrganizationName> claimed = new ArrayList<>();
    try {
      for (OrganizationName organization : changes.addedOrganizations()) {
        if (registry.claim(tenant, platform, organization, connectorId)) {
          claimed.add(organization);
        }
      }
    } catch (RuntimeException refused) {
      release(registry, tenant, platform, connectorId, claimed, Set.of(), refused);
      throw refused;
    }

    VersionedConnector saved;
    try {
      saved = context.store().update(changes);
    } catch (RuntimeException failure) {
      release(registry, tenant, platform, connectorId, claimed, storedOrganizations(connectorId, failure), failure);
      if (failure instanceof EditConflictException) {
        state = State.CONFLICTED;
      }
      throw failure;
    }
    state = State.UPDATED;
    reauthorization = null;

    for (OrganizationName organization : changes.removedOrganizations()) {
      registry.release(tenant, platform, organization, connectorId);
    }
    for (OrganizationName organization : changes.addedOrganizations()) {
      try {
        registry.claim(tenant, platform, organization, connectorId);
      } catch (OrganizationOnboardedElsewhereException e) {
        // Only possible when concurrent edits of this connector and another one raced for the organization.
        LOG.warn("The connector {} was saved with the organization {}, but the connector {} claimed it meanwhile.",
            connectorId, organization, e.holderConnectorId());
      }
    }
    return saved;
  }

  private static void release(TenantRegistry registry, TenantId tenant, DevOpsPlatform platform, ConnectorId connectorId,
      List<OrganizationName> claimed, Set<OrganizationName> keep, RuntimeException failure) {
    for (OrganizationName organization : claimed) {
      if (keep.contains(organization)) {
        continue;
      }
      try {
        registry.release(tenant, platform, organization, connectorId);
      } catch (RuntimeException e) {
        failure.addSuppressed(e);
      }
    }
  }

  /** The organizations the connector's current stored version lists explicitly; empty if unknown. */
  private Set<OrganizationName> storedOrganizations(ConnectorId connectorId, RuntimeException failure) {
    try {
      return context.store().find(connectorId)
          .map(v -> v.connector().organizations())
          .filter(s -> s.kind() == Kind.EXPLICIT)
          .map(s -> Set.copyOf(s.organizations()))
          .orElse(Set.of());
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
      return Set.of();
    }
  }

  private Set<OrganizationName> onboardedAfter(Map<OrganizationName, List<Finding>> warnings) {
    if (kind == Kind.EXPLICIT) {
      return new LinkedHashSet<>(explicit);
    }
    if (kind == base.connector().organizations().kind()) {
      return onboarded;
    }
    Set<OrganizationName> after = new LinkedHashSet<>(onboarded);
    Map<OrganizationName, List<Finding>> eligible = Onboarding.eligible(base.connector(), context, onboarded);
    after.addAll(eligible.keySet());
    warnings.putAll(eligible);
    return after;
  }

  private EditSession selectAll(Kind all) {
    ensureOpen();
    kind = all;
    explicit.clear();
    additionWarnings.clear();
    return this;
  }

  private void ensureExplicit(String what) {
    if (kind != Kind.EXPLICIT) {
      throw new IllegalStateException("Cannot " + what + ": the draft selects " + selection() + ", which covers "
          + "every organization that can be onboarded. To pick organizations one by one, call "
          + "selectOrganizations(...) first.");
    }
  }

  private void ensureOpen() {
    if (state == State.UPDATED) {
      throw new IllegalStateException("This edit session was already updated. Open a new one from the saved version "
          + "to edit the connector again.");
    }
    if (state == State.CONFLICTED) {
      throw new IllegalStateException("This edit session conflicted with another edit and cannot be saved. Open a "
          + "new one from the current version.");
    }
  }

  /** The policy's decision, never looser than the default rules (see {@link OwnershipPolicy}). */
  static OwnershipDecision decide(OwnershipPolicy policy, OwnershipRequest request) {
    OwnershipDecision rules = DefaultOwnershipPolicy.INSTANCE.decide(request);
    if (policy == DefaultOwnershipPolicy.INSTANCE) {
      return rules;
    }
    OwnershipDecision decision = policy.decide(request);
    if (decision == null) {
      throw new IllegalStateException("The ownership policy " + policy + " returned no decision.");
    }
    if (!decision.allowed()) {
      return decision;
    }
    if (!rules.allowed()) {
      return rules;
    }
    if (decision.consequence() != rules.consequence()) {
      throw new IllegalStateException("The ownership policy " + policy + " decided " + decision.consequence()
          + " where the edit means " + rules.consequence() + ": a policy may refuse an edit, but not change what it "
          + "does to ownership.");
    }
    return decision;
  }

  private static String describe(Kind kind) {
    switch (kind) {
      case ALL_EXISTING:
        return "all existing";
      case ALL_EXISTING_AND_FUTURE:
        return "all existing and future";
      default:
        return "explicit";
    }
  }

  private static String autoDiscovery(OrganizationSelection selection) {
    return selection.autoDiscovery() ? "Enabled" : "Disabled";
  }

  /** The draft's state; never shows the authorization code. */
  @Override
  public String toString() {
    return "EditSession{connector " + base.connector().resourceId() + ", version " + base.version() + ", actor "
        + actor + ", " + selection() + ", reauthorized " + isReauthorized() + ", takeover confirmed "
        + takeoverConfirmed + ", " + state.name().toLowerCase(java.util.Locale.ROOT) + "}";
  }
}
