package io.github.devopsconnector.core.discovery;

import io.github.devopsconnector.core.ConnectorId;
import io.github.devopsconnector.core.DevOpsPlatform;
import io.github.devopsconnector.core.Finding;
import io.github.devopsconnector.core.FindingCode;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.TenantId;
import io.github.devopsconnector.core.edit.OrganizationOnboardedElsewhereException;
import io.github.devopsconnector.core.edit.TenantRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One preflight or discovery of the top-level accounts of a platform whose API is read one request at a time
 * (GitHub owners, GitLab top-level groups): the accounts a selection names, each account's check (its facts judged
 * by the platform's rules, plus the tenant registry), and, for discovery, the repositories of each account, all
 * under one deadline. A subclass says how its platform answers; the shape of the run, its outcomes and its totals
 * are the same for every platform.
 *
 * <p>GitHub's REST guidance asks integrators to make requests serially rather than concurrently to stay clear of
 * the secondary rate limits (docs.github.com/rest/using-the-rest-api/best-practices-for-using-the-rest-api), and
 * GitLab.com's rate limits are per user (docs.gitlab.com/user/gitlab_com/#rate-limits-on-gitlabcom), so these runs
 * send one request at a time whatever {@link DiscoveryOptions#concurrency()} says.
 *
 * @param <A> the platform's account as the user's memberships list it
 * @param <S> what the account's check read that discovery lists the repositories of
 * @param <R> a repository (or project)
 */
abstract class AccountRun<A, S, R> {

  /** The check of one account before the tenant registry is consulted. */
  static final class Checked<S> {
    final ImmutableOrganizationPreflight.Builder preflight;
    final Optional<S> source;
    final boolean skipped;

    /**
     * @param preflight the facts, findings and error found so far
     * @param source what discovery lists the repositories of; empty when there is nothing to list
     * @param skipped whether discovery skips the account (the user cannot read it)
     */
    Checked(ImmutableOrganizationPreflight.Builder preflight, Optional<S> source, boolean skipped) {
      this.preflight = preflight;
      this.source = source;
      this.skipped = skipped;
    }
  }

  /** Makes the inventory entry of one account. */
  interface Entry<S, R, E> {
    E make(OrganizationOutcome outcome, Optional<S> source, List<R> repositories);
  }

  /**
   * Where a run looks up who holds an account: the tenant registry and the connector's tenant (the registry is not
   * consulted without both), and the connector itself, whose own accounts are not "onboarded elsewhere".
   */
  record Scope(Optional<TenantRegistry> registry, Optional<TenantId> tenant, Optional<ConnectorId> ownConnectorId) {}

  private final DevOpsPlatform platform;
  private final Scope scope;
  private final Supplier<List<A>> accounts;
  private final Function<A, OrganizationName> name;
  private final Function<S, List<R>> repositories;
  private final Comparator<R> order;
  private final FindingCode roleFinding;
  private final AtomicLong calls = new AtomicLong();
  private final AtomicLong throttled = new AtomicLong();

  /**
   * @param accounts reads every account the user is a member of
   * @param name an account's name
   * @param repositories reads the repositories of what an account's check read
   * @param order the order of an account's repositories
   * @param roleFinding the finding that says the user lacks the role; a skipped account's outcome carries it
   */
  /** The platform whose accounts the run reads. */
  final DevOpsPlatform platform() {
    return platform;
  }

  AccountRun(DevOpsPlatform platform, Scope scope, Supplier<List<A>> accounts, Function<A, OrganizationName> name,
      Function<S, List<R>> repositories, Comparator<R> order, FindingCode roleFinding) {
    this.platform = platform;
    this.scope = scope;
    this.accounts = accounts;
    this.name = name;
    this.repositories = repositories;
    this.order = order;
    this.roleFinding = roleFinding;
  }

  /**
   * Checks one account, sending its requests through {@link #count}.
   *
   * @param account the account as the user's memberships list it; empty when the user is not a member of it
   */
  abstract Checked<S> check(OrganizationName name, Optional<A> account);

  /** Sends one request, counting it (and whether it was throttled) for the reports' totals. */
  final <T> T count(Supplier<T> call) {
    calls.incrementAndGet();
    try {
      return call.get();
    } catch (ServiceException e) {
      if (e.kind() == ServiceException.Kind.THROTTLED) {
        throttled.incrementAndGet();
      }
      throw e;
    }
  }

  /** The requests sent so far. */
  final long requests() {
    return calls.get();
  }

  /** The requests so far that were throttled. */
  final long throttledRequests() {
    return throttled.get();
  }

  /**
   * The accounts a selection names, each with what the user's memberships say of it (empty when not a member),
   * sorted by name ignoring case.
   */
  final Map<OrganizationName, Optional<A>> targets(OrganizationSelection selection) {
    Map<OrganizationName, A> byName = new LinkedHashMap<>();
    for (A account : count(accounts)) {
      byName.putIfAbsent(name.apply(account), account);
    }
    List<OrganizationName> wanted = new ArrayList<>(selection.kind() == OrganizationSelection.Kind.EXPLICIT
        ? selection.organizations() : byName.keySet());
    wanted.sort(Ordering.ORGANIZATIONS);
    Map<OrganizationName, Optional<A>> targets = new LinkedHashMap<>();
    wanted.forEach(name -> targets.put(name, Optional.ofNullable(byName.get(name))));
    return targets;
  }

  /** The preflight of every account the selection names. */
  final List<OrganizationPreflight> preflight(OrganizationSelection selection) {
    List<OrganizationPreflight> checked = new ArrayList<>();
    targets(selection).forEach((name, account) -> checked.add(checkWithRegistry(name, account).preflight.build()));
    return checked;
  }

  /** The inventory entry of every account the selection names. */
  final <E> List<E> discover(OrganizationSelection selection, Entry<S, R, E> entry) {
    List<E> found = new ArrayList<>();
    targets(selection).forEach((name, account) -> found.add(discoverOne(name, account, entry)));
    return found;
  }

  private <E> E discoverOne(OrganizationName name, Optional<A> account, Entry<S, R, E> entry) {
    Checked<S> checked = checkWithRegistry(name, account);
    OrganizationPreflight onboarding = checked.preflight.build();
    ImmutableOrganizationOutcome.Builder outcome = OrganizationOutcome.builder().organization(name)
        .projectCount(0).pipelineCount(0).onboarding(onboarding);
    if (onboarding.error().isPresent()) {
      return entry.make(outcome.status(OrganizationStatus.FAILED).error(onboarding.error()).repositoryCount(0)
          .build(), Optional.empty(), List.of());
    }
    if (checked.skipped) {
      List<Finding> role = onboarding.findings().stream().filter(f -> f.code() == roleFinding)
          .collect(Collectors.toList());
      return entry.make(outcome.addAllFindings(role).status(OrganizationStatus.SKIPPED).repositoryCount(0).build(),
          Optional.empty(), List.of());
    }
    List<R> repositories = new ArrayList<>();
    if (checked.source.isPresent()) {
      try {
        repositories.addAll(count(() -> this.repositories.apply(checked.source.get())));
      } catch (ServiceException e) {
        return entry.make(outcome.status(OrganizationStatus.FAILED).error(DiscoveryError.of(e)).repositoryCount(0)
            .build(), checked.source, List.of());
      }
    }
    repositories.sort(order);
    return entry.make(outcome.status(OrganizationStatus.DISCOVERED).repositoryCount(repositories.size()).build(),
        checked.source, repositories);
  }

  private Checked<S> checkWithRegistry(OrganizationName name, Optional<A> account) {
    Checked<S> checked = check(name, account);
    if (scope.tenant().isPresent() && scope.registry().isPresent()) {
      Optional<ConnectorId> holder = scope.registry().get().onboardedBy(scope.tenant().get(), platform, name)
          .filter(id -> scope.ownConnectorId().map(own -> !own.sameResource(id)).orElse(true));
      if (holder.isPresent()) {
        checked.preflight.onboardedBy(holder).addFindings(
            new OrganizationOnboardedElsewhereException(platform, name, holder.get()).finding().orElseThrow());
      }
    }
    return checked;
  }

  /**
   * The totals of an inventory's entries.
   *
   * @param onboardableOnly whether to count only the entries a connector selecting all existing accounts would
   *     onboard
   */
  final DiscoveryTotals totals(List<OrganizationOutcome> outcomes, boolean onboardableOnly) {
    long count = 0;
    long repositories = 0;
    for (OrganizationOutcome outcome : outcomes) {
      if (onboardableOnly && !outcome.onboardable().orElse(false)) {
        continue;
      }
      count++;
      repositories += outcome.repositoryCount();
    }
    return DiscoveryTotals.builder().organizations(count).projects(0).repositories(repositories).pipelines(0)
        .requests(calls.get()).throttledRequests(throttled.get()).build();
  }

  /**
   * Runs the work on the executor (or a thread of its own) and waits at most the timeout.
   *
   * @throws ServiceException the work's failure, or a {@code TRANSIENT} time-limit failure (the work is interrupted)
   * @throws CancellationException if the calling thread was interrupted (the work is interrupted too)
   */
  static <T> T underDeadline(Supplier<T> work, Duration timeout, Executor executor, String name,
      DevOpsPlatform platform) {
    FutureTask<T> task = new FutureTask<>(work::get);
    if (executor != null) {
      executor.execute(task);
    } else {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      thread.start();
    }
    try {
      return task.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      task.cancel(true);
      Thread.currentThread().interrupt();
      throw new CancellationException("Interrupted while the " + name + " ran; it was stopped.");
    } catch (TimeoutException e) {
      task.cancel(true);
      throw ServiceException.builder(ServiceException.Kind.TRANSIENT,
              "The time limit of the run (" + timeout + ") ran out before this work could be done.")
          .service(platform.displayName())
          .remediation("Raise DiscoveryOptions.timeout, or check fewer organizations at a time.")
          .build();
    } catch (ExecutionException e) {
      throw Causes.unchecked(e.getCause(), "The " + name + " failed.");
    }
  }
}
