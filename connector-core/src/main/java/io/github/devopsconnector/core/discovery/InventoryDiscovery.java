package io.github.devopsconnector.core.discovery;

import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.TenantId;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsClient;
import io.github.devopsconnector.core.edit.TenantRegistry;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;

/**
 * Discovers what a connector would see: the selected Azure DevOps organizations, and in each its projects, Git
 * repositories and pipelines, through an {@link AzureDevOpsClient}.
 *
 * <pre>{@code
 * InventoryDiscovery discovery = InventoryDiscovery.builder().client(client).concurrency(8).build();
 * Inventory inventory = discovery.discover(OrganizationSelection.allExisting());
 * }</pre>
 *
 * <p><b>What it asks.</b> The signed-in user and their organizations (2 requests). All existing (and future)
 * selections take every organization of the user; an explicit selection takes the listed ones, and a listed
 * organization the user is not a member of is {@link OrganizationStatus#SKIPPED SKIPPED} with an
 * {@link io.github.devopsconnector.core.FindingCode#ADO_ORGANIZATION_NOT_ACCESSIBLE ADO_ORGANIZATION_NOT_ACCESSIBLE}
 * finding, without a request. Per organization: every page of its projects; then <em>one</em> request for all of
 * its repositories ({@link AzureDevOpsClient#repositories(io.github.devopsconnector.core.OrganizationName)}, which
 * costs one request however many projects there are, where listing per project would cost one per project); and
 * per project every page of its pipelines. So an organization with {@code P} projects over {@code p} pages costs
 * {@code p + 1 + P} requests (plus one per extra pipeline page). With {@link Builder#checkOnboarding()}, each
 * organization also costs the preflight's requests (its connection data, access level, group membership and OAuth
 * policy).
 *
 * <p><b>Failures.</b> A failed request fails its organization only: the outcome is
 * {@link OrganizationStatus#FAILED FAILED} with the error as a value ({@link DiscoveryError}; 401/403/404 also give
 * an {@code ADO_ORGANIZATION_NOT_ACCESSIBLE} finding), its partial lists are dropped, and every other organization
 * is discovered as usual. A continuation token that comes back a second time in one listing fails the organization
 * with a {@code PROTOCOL} error instead of looping. Only a failure to read the user or their organizations fails the
 * whole discovery.
 *
 * <p><b>Concurrency.</b> Organizations and projects are discovered in parallel, with at most
 * {@link DiscoveryOptions#concurrency()} requests in flight; throttling lowers that limit for a while (see
 * {@link DiscoveryOptions}). Work runs on the {@link Builder#executor(Executor) executor} given, or on a pool of at
 * most that many daemon threads made for each discovery and ended with it. The result does not depend on the
 * concurrency: every list is sorted (by name ignoring case, then id).
 *
 * <p>Instances are immutable and thread-safe; each call is a new discovery.
 */
public final class InventoryDiscovery {

  private final AzureDevOpsClient client;
  private final DiscoveryOptions options;
  private final DiscoveryListener listener;
  private final Executor executor;
  private final OnboardingCheck onboarding;

  private InventoryDiscovery(Builder builder) {
    this.client = builder.client;
    this.options = builder.options();
    this.listener = builder.listener;
    this.executor = builder.executor;
    this.onboarding = builder.onboarding;
  }

  /** A builder; {@link Builder#client(AzureDevOpsClient)} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The pacing options. */
  public DiscoveryOptions options() {
    return options;
  }

  /**
   * Discovers the selected organizations and waits for the inventory.
   *
   * @throws io.github.devopsconnector.core.ServiceException if the signed-in user or their organizations
   *     could not be read; failures of single organizations are outcomes in the inventory instead
   * @throws CancellationException if the discovery was cancelled (through the handle a
   *     {@link DiscoveryListener#discoveryStarted(DiscoveryHandle) listener} received) or the calling thread was
   *     interrupted
   * @throws NullPointerException if the selection is null
   */
  public Inventory discover(OrganizationSelection selection) {
    return start(selection).join();
  }

  /**
   * Discovers the selected organizations, handing each project, repository and pipeline to the sink as it is
   * found instead of keeping it, and waits for the outcomes and totals. Memory stays small whatever the size of
   * the estate.
   *
   * @throws io.github.devopsconnector.core.ServiceException if the signed-in user or their organizations
   *     could not be read
   * @throws CancellationException if the discovery was cancelled or the calling thread interrupted
   * @throws RuntimeException whatever the sink threw (the discovery stops at the first one)
   * @throws NullPointerException if the selection or sink is null
   */
  public DiscoverySummary discover(OrganizationSelection selection, InventorySink sink) {
    return start(selection, sink).join();
  }

  /**
   * Starts discovering the selected organizations and returns at once.
   *
   * @throws NullPointerException if the selection is null
   */
  public DiscoveryHandle<Inventory> start(OrganizationSelection selection) {
    Objects.requireNonNull(selection, "selection");
    return start(new DiscoveryRun<>(client, options, listener, executor, selection, null,
        found -> Inventory.builder().organizations(found.inventories).totals(found.totals)
            .onboardable(found.onboardable).build(), onboarding));
  }

  /**
   * Starts a streaming discovery (see {@link #discover(OrganizationSelection, InventorySink)}) and returns at once.
   *
   * @throws NullPointerException if the selection or sink is null
   */
  public DiscoveryHandle<DiscoverySummary> start(OrganizationSelection selection, InventorySink sink) {
    Objects.requireNonNull(selection, "selection");
    Objects.requireNonNull(sink, "sink");
    return start(new DiscoveryRun<>(client, options, listener, executor, selection, sink,
        found -> DiscoverySummary.builder().organizations(found.outcomes).totals(found.totals)
            .onboardable(found.onboardable).build(), onboarding));
  }

  private <T> DiscoveryHandle<T> start(DiscoveryRun<T> run) {
    DiscoveryHandle<T> handle = new DiscoveryHandle<>(run);
    try {
      listener.discoveryStarted(handle);
    } catch (RuntimeException e) {
      org.slf4j.LoggerFactory.getLogger(InventoryDiscovery.class)
          .warn("A discovery listener threw an exception; the discovery goes on without it.", e);
    }
    run.start();
    return handle;
  }

  @Override
  public String toString() {
    return "InventoryDiscovery{concurrency " + options.concurrency() + "}";
  }

  /** Builds an {@link InventoryDiscovery}; the client, options, concurrency and executor setters are shared. */
  public static final class Builder extends RunBuilder<Builder> {
    private DiscoveryListener listener = DiscoveryListener.none();
    private OnboardingCheck onboarding;

    private Builder() {}

    /**
     * Also checks, per organization, whether a connector would onboard it: Defender onboards, under "all existing"
     * (and "all existing and future") organizations, only those where the user is a Project Collection
     * Administrator and nothing greys them out. Each outcome then carries the
     * {@link OrganizationOutcome#onboarding() check} (the same rules and findings as {@link Preflight}), and the
     * result {@link Inventory#onboardable() totals what the connector would see}. Costs a few requests per
     * organization (its access level, group membership and OAuth policy). Without a tenant, the tenant-bound
     * checks are left out, as by {@link Preflight#check(io.github.devopsconnector.core.OrganizationSelection,
     * io.github.devopsconnector.core.ValidationReport)}.
     */
    public Builder checkOnboarding() {
      this.onboarding = new OnboardingCheck(Optional.empty(), Optional.empty(), Optional.empty());
      return this;
    }

    /**
     * Like {@link #checkOnboarding()}, with the tenant-bound checks too: an organization of another tenant
     * ({@code ADO_TENANT_MISMATCH}) or onboarded by another connector of the tenant
     * ({@code ADO_ORGANIZATION_ONBOARDED_ELSEWHERE}) is not onboardable.
     *
     * @param tenant the Microsoft Entra tenant of the connector's subscription
     * @param registry which connector of the tenant onboarded which organization
     */
    public Builder checkOnboarding(TenantId tenant, TenantRegistry registry) {
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(registry, "registry");
      this.onboarding = new OnboardingCheck(Optional.of(registry), Optional.of(tenant), Optional.empty());
      return this;
    }

    /** Who follows the progress; default none. */
    public Builder listener(DiscoveryListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * The discovery.
     *
     * @throws IllegalStateException if no client was given
     */
    public InventoryDiscovery build() {
      requireClient("An", "InventoryDiscovery");
      return new InventoryDiscovery(this);
    }
  }
}
