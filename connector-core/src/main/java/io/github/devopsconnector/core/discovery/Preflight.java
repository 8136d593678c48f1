package io.github.devopsconnector.core.discovery;

import io.github.devopsconnector.core.Connector;
import io.github.devopsconnector.core.Finding;
import io.github.devopsconnector.core.OAuthAppAccess;
import io.github.devopsconnector.core.OrganizationChecks;
import io.github.devopsconnector.core.OrganizationFacts;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.TenantId;
import io.github.devopsconnector.core.ValidationReport;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsOrganization;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsClient;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.edit.TenantRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Checks, before anything is created, which selected organizations a connector can onboard and why the others
 * would be greyed out. It combines:
 * <ul>
 *   <li>the connector's own validation (the {@link ValidationReport} passed in; a built {@link Connector} is valid
 *       by construction);</li>
 *   <li>per organization, the signed-in user's facts from the {@link AzureDevOpsClient} (access level, Project
 *       Collection Administrator membership, the OAuth third-party application policy, the organization's tenant),
 *       judged by {@link OrganizationChecks#check(OrganizationFacts, Optional)};</li>
 *   <li>the {@link TenantRegistry}: an organization another connector of the tenant already onboarded gives
 *       {@link io.github.devopsconnector.core.FindingCode#ADO_ORGANIZATION_ONBOARDED_ELSEWHERE}, naming that
 *       connector.</li>
 * </ul>
 * An organization that answers 401, 403 or 404 (or that an explicit selection names but the user is not a member
 * of) gives {@link io.github.devopsconnector.core.FindingCode#ADO_ORGANIZATION_NOT_ACCESSIBLE}. Any other failure
 * (transient errors, throttling beyond the retries, protocol errors) leaves that organization greyed out with the
 * {@link OrganizationPreflight#error() error}; the other organizations are checked as usual. An OAuth policy that
 * cannot be read is {@link OAuthAppAccess#UNKNOWN} (a warning), never a failure.
 *
 * <p>Organizations are checked in parallel with at most {@link DiscoveryOptions#concurrency()} requests in flight,
 * slowing down on throttling like {@link InventoryDiscovery}. A preflight ends by {@link DiscoveryOptions#timeout()}:
 * then its requests in flight are interrupted and the organizations not checked yet carry a {@code TRANSIENT}
 * time-limit error (a preflight still reading the user or their organizations fails with it). Interrupting the
 * calling thread stops the work the same way. Its own threads end when it returns. Instances are immutable and
 * thread-safe.
 *
 * <p><b>GitHub.</b> Built with {@link Builder#client(io.github.devopsconnector.core.github.GitHubClient)}, it checks
 * GitHub owners instead, with the same report: per owner whether the user is an Owner, whether the Defender for
 * Cloud GitHub app is installed with access to all repositories, Enterprise Managed Users, data residency, and
 * whether another connector of the tenant holds it.
 *
 * <p><b>GitLab.</b> Built with {@link Builder#client(io.github.devopsconnector.core.gitlab.GitLabClient)}, it checks
 * the user's GitLab top-level groups, with the same report: per group whether the user is an Owner (access level
 * 50), whether its plan is GitLab Ultimate (where GitLab shows the plan), and whether another connector of the
 * tenant holds it.
 */
public final class Preflight {

  private final AzureDevOpsClient client;
  private final io.github.devopsconnector.core.github.GitHubClient gitHubClient;
  private final io.github.devopsconnector.core.gitlab.GitLabClient gitLabClient;
  private final TenantRegistry registry;
  private final DiscoveryOptions options;
  private final Executor executor;

  private Preflight(Builder builder) {
    this.client = builder.client;
    this.gitHubClient = builder.gitHubClient;
    this.gitLabClient = builder.gitLabClient;
    this.registry = builder.registry;
    this.options = builder.options();
    this.executor = builder.executor;
  }

  /**
   * A builder; {@link Builder#client(AzureDevOpsClient)} and {@link Builder#tenantRegistry(TenantRegistry)} are
   * required.
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Checks a connector's organizations against its tenant. Organizations the connector itself already holds in the
   * registry are not "onboarded elsewhere".
   *
   * @throws io.github.devopsconnector.core.ServiceException if the signed-in user or their organizations
   *     could not be read
   * @throws CancellationException if the calling thread was interrupted
   * @throws RuntimeException whatever the tenant registry threw
   */
  public PreflightReport check(Connector connector) {
    Objects.requireNonNull(connector, "connector");
    return run(connector.organizations(), Optional.of(connector.tenant()), List.of(),
        Optional.of(connector.id()));
  }

  /**
   * Checks a selection before the connector exists, together with the connector's validation (for example the
   * report of a {@link io.github.devopsconnector.core.ConnectorValidationException}).
   *
   * @param tenant the Microsoft Entra tenant of the subscription the connector will be created in
   * @param connectorValidation the connector-level findings; {@link ValidationReport#of(Iterable)} of an empty list
   *     when there are none
   * @throws io.github.devopsconnector.core.ServiceException if the signed-in user or their organizations
   *     could not be read
   * @throws CancellationException if the calling thread was interrupted
   * @throws RuntimeException whatever the tenant registry threw
   */
  public PreflightReport check(OrganizationSelection selection, TenantId tenant, ValidationReport connectorValidation) {
    Objects.requireNonNull(selection, "selection");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(connectorValidation, "connectorValidation");
    return run(selection, Optional.of(tenant), connectorValidation.findings(), Optional.empty());
  }

  /**
   * Checks a selection when the connector's tenant is not known yet (for example, before the subscription is
   * chosen). Both tenant-bound checks are left out: the organizations' tenants are not compared with the
   * connector's ({@code ADO_TENANT_MISMATCH}), and the {@link TenantRegistry}, which is kept per tenant, is not
   * consulted ({@code ADO_ORGANIZATION_ONBOARDED_ELSEWHERE}). Everything else is checked as by
   * {@link #check(OrganizationSelection, TenantId, ValidationReport)}.
   *
   * @param connectorValidation the connector-level findings; {@link ValidationReport#of(Iterable)} of an empty list
   *     when there are none
   * @throws io.github.devopsconnector.core.ServiceException if the signed-in user or their organizations
   *     could not be read
   * @throws CancellationException if the calling thread was interrupted
   */
  public PreflightReport check(OrganizationSelection selection, ValidationReport connectorValidation) {
    Objects.requireNonNull(selection, "selection");
    Objects.requireNonNull(connectorValidation, "connectorValidation");
    return run(selection, Optional.empty(), connectorValidation.findings(), Optional.empty());
  }

  private PreflightReport run(OrganizationSelection selection, Optional<TenantId> tenant,
      List<Finding> connectorFindings, Optional<io.github.devopsconnector.core.ConnectorId> ownConnectorId) {
    AccountRun.Scope scope = new AccountRun.Scope(tenant.map(t -> registry), tenant, ownConnectorId);
    if (gitHubClient != null) {
      return runAccounts(new GitHubRun(gitHubClient, scope), selection, connectorFindings);
    }
    if (gitLabClient != null) {
      return runAccounts(new GitLabRun(gitLabClient, scope), selection, connectorFindings);
    }
    RequestGate gate = new RequestGate(options, RequestGate.Observer.NONE);
    AzureDevOpsClient client = gate.attach(this.client);
    OnboardingCheck rules = new OnboardingCheck(Optional.of(registry), tenant, ownConnectorId);
    Workers workers = Workers.of(executor, options.concurrency(), "preflight");
    Running running = new Running();
    try {
      // An explicit list needs no profile or accounts call: each organization answers for itself (an organization
      // the user is not a member of, or that the token is not scoped to, answers 401 and is not accessible). Only
      // "all existing" lists the user's organizations, which a token scoped to organizations may not do.
      List<OrganizationName> targets = new ArrayList<>();
      if (selection.kind() == OrganizationSelection.Kind.EXPLICIT) {
        targets.addAll(selection.organizations());
      } else {
        List<AzureDevOpsOrganization> memberships =
            await(running.supply(() -> OrganizationListing.all(gate, client), workers), gate, running);
        Map<OrganizationName, AzureDevOpsOrganization> byName = new LinkedHashMap<>();
        memberships.forEach(o -> byName.putIfAbsent(o.name(), o));
        targets.addAll(byName.keySet());
      }
      List<CompletableFuture<OrganizationPreflight>> checks = new ArrayList<>();
      for (OrganizationName target : targets) {
        checks.add(running.supply(() -> rules.check(gate, client, target), workers));
      }
      CompletableFuture<Void> all = CompletableFuture.allOf(checks.toArray(new CompletableFuture<?>[0]));
      boolean inTime = awaitAll(all, gate, running);
      List<OrganizationPreflight> organizations = new ArrayList<>();
      for (int i = 0; i < checks.size(); i++) {
        CompletableFuture<OrganizationPreflight> check = checks.get(i);
        if (check.isDone() && !check.isCompletedExceptionally() && (inTime || running.finishedInTime(check))) {
          organizations.add(check.join());
        } else if (!inTime) {
          // Out of time: the organization is reported with the time-limit error, like any failed check.
          organizations.add(OrganizationPreflight.builder().organization(targets.get(i))
              .error(DiscoveryError.of(gate.deadlineExceeded())).build());
        } else {
          organizations.add(check.join());
        }
      }
      organizations.sort((a, b) -> {
        int order = String.CASE_INSENSITIVE_ORDER.compare(a.organization().value(), b.organization().value());
        return order != 0 ? order : a.organization().value().compareTo(b.organization().value());
      });
      return PreflightReport.builder()
          .selection(selection)
          .connectorFindings(connectorFindings)
          .organizations(organizations)
          .requests(gate.requests())
          .build();
    } catch (CompletionException e) {
      gate.cancel();
      throw Causes.unchecked(e.getCause(), "The preflight failed.");
    } finally {
      workers.shutdown();
    }
  }

  /**
   * The GitHub or GitLab preflight: the user's accounts, then per selected account its check (for GitHub, the
   * Defender app's installation where the user is an Owner). One request at a time, under the options' timeout; a
   * failure reading one account is that account's {@link OrganizationPreflight#error() error}.
   */
  private PreflightReport runAccounts(AccountRun<?, ?, ?> run, OrganizationSelection selection,
      List<Finding> connectorFindings) {
    List<OrganizationPreflight> organizations = AccountRun.underDeadline(() -> run.preflight(selection),
        options.timeout(), executor, "preflight", run.platform());
    return PreflightReport.builder()
        .selection(selection)
        .connectorFindings(connectorFindings)
        .organizations(organizations)
        .requests(run.requests())
        .build();
  }

  /** How long the checks interrupted at the deadline get to end before the report is made without them. */
  private static final java.time.Duration GRACE = java.time.Duration.ofSeconds(2);

  /**
   * The value of one step, waiting at most until the run's deadline.
   *
   * @throws ServiceException the step's failure, or the time-limit failure
   * @throws CancellationException if the calling thread was interrupted (the work is stopped)
   */
  private static <T> T await(CompletableFuture<T> step, RequestGate gate, Running running) {
    if (!awaitAll(step, gate, running)) {
      throw gate.deadlineExceeded();
    }
    try {
      return step.join();
    } catch (CompletionException e) {
      if (gate.isExpired() && e.getCause() instanceof ServiceException) {
        throw gate.deadlineExceeded();
      }
      throw e;
    }
  }

  /**
   * Waits for the work until the run's deadline; then stops it (no new request, requests in flight interrupted)
   * and gives it a short grace to end.
   *
   * @return whether the work ended in time
   * @throws CancellationException if the calling thread was interrupted (the work is stopped)
   */
  private static boolean awaitAll(CompletableFuture<?> work, RequestGate gate, Running running) {
    try {
      work.get(gate.remaining().toNanos(), TimeUnit.NANOSECONDS);
      return true;
    } catch (InterruptedException e) {
      gate.cancel();
      running.stop();
      Thread.currentThread().interrupt();
      throw new CancellationException("Interrupted while the preflight ran; it was stopped.");
    } catch (ExecutionException e) {
      return true;
    } catch (TimeoutException e) {
      running.markDeadline();
      gate.expire();
      running.stop();
      try {
        work.get(GRACE.toNanos(), TimeUnit.NANOSECONDS);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | TimeoutException ignored) {
        // What did not end in the grace is reported as out of time.
      }
      return false;
    }
  }

  /** The threads running the preflight's work, so that stopping it can interrupt them. */
  private static final class Running {
    private final Set<Thread> threads = new HashSet<>();
    private final Set<CompletableFuture<?>> doneInTime = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final List<CompletableFuture<?>> all = new java.util.concurrent.CopyOnWriteArrayList<>();
    private boolean stopped;

    <T> CompletableFuture<T> supply(java.util.function.Supplier<T> work, Workers workers) {
      CompletableFuture<T> future = CompletableFuture.supplyAsync(() -> {
        Thread self = Thread.currentThread();
        synchronized (this) {
          threads.add(self);
        }
        try {
          return work.get();
        } finally {
          synchronized (this) {
            threads.remove(self);
            if (stopped) {
              Thread.interrupted();
            }
          }
        }
      }, workers.executor());
      all.add(future);
      return future;
    }

    /** Remembers which work had ended when the deadline came. */
    void markDeadline() {
      for (CompletableFuture<?> future : all) {
        if (future.isDone()) {
          doneInTime.add(future);
        }
      }
    }

    boolean finishedInTime(CompletableFuture<?> future) {
      return doneInTime.contains(future);
    }

    synchronized void stop() {
      stopped = true;
      threads.forEach(Thread::interrupt);
    }
  }

  @Override
  public String toString() {
    return "Preflight{concurrency " + options.concurrency() + "}";
  }

  /** Builds a {@link Preflight}; the client, options, concurrency and executor setters are shared. */
  public static final class Builder extends RunBuilder<Builder> {
    private TenantRegistry registry;
    private io.github.devopsconnector.core.github.GitHubClient gitHubClient;
    private io.github.devopsconnector.core.gitlab.GitLabClient gitLabClient;

    private Builder() {}

    /**
     * Checks GitLab top-level groups through this client instead of Azure DevOps organizations: the report's
     * "organizations" are then the selected groups (named by path), with the findings of
     * {@link io.github.devopsconnector.core.GitLabGroupChecks} and
     * {@link io.github.devopsconnector.core.FindingCode#GITLAB_GROUP_ONBOARDED_ELSEWHERE}. Requests are sent one at
     * a time, so the concurrency setting does not apply. Give one client only.
     *
     * @param client the GitLab client, signed in as the user who would authorize the connector
     * @return this builder
     */
    public Builder client(io.github.devopsconnector.core.gitlab.GitLabClient client) {
      this.gitLabClient = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * Checks GitHub owners through this client instead of Azure DevOps organizations: the report's
     * "organizations" are then the selected GitHub owners, with the findings of
     * {@link io.github.devopsconnector.core.GitHubOwnerChecks} and
     * {@link io.github.devopsconnector.core.FindingCode#GITHUB_OWNER_ONBOARDED_ELSEWHERE}. GitHub requests are sent
     * one at a time, as GitHub asks, so the concurrency setting does not apply. Give either this or
     * {@link #client(AzureDevOpsClient)}.
     *
     * @param client the GitHub client, signed in as the user who would authorize the connector
     * @return this builder
     */
    public Builder client(io.github.devopsconnector.core.github.GitHubClient client) {
      this.gitHubClient = Objects.requireNonNull(client, "client");
      return this;
    }

    /** Which connector onboarded which organization in the tenant; required. */
    public Builder tenantRegistry(TenantRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /**
     * The preflight.
     *
     * @throws IllegalStateException if the client or the tenant registry is missing, or clients of several
     *     platforms were given
     */
    public Preflight build() {
      int clients = (client != null ? 1 : 0) + (gitHubClient != null ? 1 : 0) + (gitLabClient != null ? 1 : 0);
      if (clients > 1) {
        throw new IllegalStateException("A Preflight checks one platform: give an AzureDevOpsClient, a "
            + "GitHubClient or a GitLabClient, not several.");
      }
      if (gitHubClient == null && gitLabClient == null) {
        requireClient("A", "Preflight");
      }
      if (registry == null) {
        throw new IllegalStateException("A Preflight needs a TenantRegistry to find organizations onboarded by "
            + "other connectors: call tenantRegistry(...) first.");
      }
      return new Preflight(this);
    }
  }
}
