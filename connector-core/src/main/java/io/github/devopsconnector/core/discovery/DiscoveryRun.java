package io.github.devopsconnector.core.discovery;

import io.github.devopsconnector.core.DevOpsPlatform;
import io.github.devopsconnector.core.Finding;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsOrganization;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsPipeline;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsProject;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsRepository;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsClient;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.azuredevops.ResultPage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One discovery: organizations, then per organization its project pages, then one request for all of its
 * repositories and, per project, its pipeline pages. Work items are tasks on the run's executor; every request
 * passes the {@link RequestGate}. No task waits for another: an organization ends when its last task ends, and the
 * run ends when its last organization does.
 *
 * <p>Bounded: a timer ends the run at the options' {@code timeout} (organizations not finished fail with a time-limit
 * error and the result is returned); cancelling or running out of time interrupts the tasks' threads, so requests
 * in flight are aborted rather than waited for; listings stop after their page limits or at a page of repeats.
 *
 * @param <T> what the run produces ({@link Inventory} or {@link DiscoverySummary})
 */
final class DiscoveryRun<T> {

  private static final Logger LOG = LoggerFactory.getLogger(InventoryDiscovery.class);
  private static final int MAX_TOKEN_SHOWN = 40;

  /** What a run found; the finisher turns it into the result type. */
  static final class Found {
    final List<OrganizationOutcome> outcomes;
    final List<OrganizationInventory> inventories;
    final DiscoveryTotals totals;
    final Optional<DiscoveryTotals> onboardable;

    Found(List<OrganizationOutcome> outcomes, List<OrganizationInventory> inventories, DiscoveryTotals totals,
        Optional<DiscoveryTotals> onboardable) {
      this.outcomes = outcomes;
      this.inventories = inventories;
      this.totals = totals;
      this.onboardable = onboardable;
    }
  }

  private final AzureDevOpsClient client;
  private final OnboardingCheck onboarding;
  private final OrganizationSelection selection;
  private final InventorySink sink;
  private final Function<Found, T> finisher;
  private final DiscoveryListener listener;
  private final Workers workers;
  private final RequestGate gate;
  private final CompletableFuture<T> result = new CompletableFuture<>();
  private final AtomicInteger outstandingTasks = new AtomicInteger();
  private final CountDownLatch terminated = new CountDownLatch(1);
  private final Object listenerLock = new Object();
  private final Object sinkLock = new Object();

  private final AtomicLong organizationsTotal = new AtomicLong();
  private final AtomicLong organizationsStarted = new AtomicLong();
  private final AtomicLong organizationsFinished = new AtomicLong();
  private final AtomicLong projectsTotal = new AtomicLong();
  private final AtomicLong projectsFinished = new AtomicLong();
  private final AtomicLong repositoriesFound = new AtomicLong();
  private final AtomicLong pipelinesFound = new AtomicLong();
  private final AtomicInteger organizationsRemaining = new AtomicInteger();
  private final Queue<OrgState> finished = new ConcurrentLinkedQueue<>();
  private final Queue<OrgState> targets = new ConcurrentLinkedQueue<>();
  private final DiscoveryOptions options;
  /** Threads running a task of this run; guarded by itself. */
  private final Set<Thread> running = new HashSet<>();
  /** Set once the run is cancelled or out of time: tasks' threads are interrupted; guarded by {@link #running}. */
  private boolean stopping;
  private final java.util.concurrent.ScheduledExecutorService timer;
  private final java.util.concurrent.ScheduledFuture<?> deadline;

  /**
   * A run.
   *
   * @param sink where items go; {@code null} to collect them into the result
   */
  DiscoveryRun(AzureDevOpsClient client, DiscoveryOptions options, DiscoveryListener listener,
      java.util.concurrent.Executor callerExecutor, OrganizationSelection selection, InventorySink sink,
      Function<Found, T> finisher, OnboardingCheck onboarding) {
    this.onboarding = onboarding;
    this.selection = selection;
    this.sink = sink;
    this.finisher = finisher;
    this.listener = listener;
    this.options = options;
    this.workers = Workers.of(callerExecutor, options.concurrency(), "inventory-discovery");
    this.gate = new RequestGate(options, new RequestGate.Observer() {
      @Override
      public void requestMade() {
        emit((l, progress) -> l.requestMade(progress));
      }

      @Override
      public void throttled(Duration retryAfter, int limit) {
        LOG.debug("Azure DevOps throttled a request; waiting {} and lowering concurrency to {}.", retryAfter, limit);
        emit((l, progress) -> l.throttled(retryAfter, limit));
      }
    });
    java.util.concurrent.ScheduledThreadPoolExecutor made = new java.util.concurrent.ScheduledThreadPoolExecutor(1,
        task -> {
          Thread thread = new Thread(task, "inventory-discovery-deadline");
          thread.setDaemon(true);
          return thread;
        });
    made.setRemoveOnCancelPolicy(true);
    this.timer = made;
    this.deadline = made.schedule(this::expire, options.timeout().toNanos(), TimeUnit.NANOSECONDS);
    this.client = gate.attach(client);
  }

  CompletableFuture<T> result() {
    return result;
  }

  /** Starts the run; the first task resolves the selection. */
  void start() {
    submit(this::resolveOrganizations);
  }

  /** Stops the run: no request starts after this, and the result is cancelled unless it was already done. */
  boolean cancel() {
    // Unlike cancel(), this tells whether this call was the one that ended the result.
    boolean cancelled = result.completeExceptionally(new CancellationException("The discovery was cancelled."));
    gate.cancel();
    interruptRunning();
    if (cancelled) {
      LOG.debug("Inventory discovery cancelled after {} requests.", gate.requests());
    }
    return cancelled;
  }

  /**
   * The run's time ran out: no request starts any more, every organization not finished fails with the time-limit
   * error, and the requests in flight are interrupted, so that the run completes with what it has.
   */
  private void expire() {
    if (result.isDone()) {
      return;
    }
    gate.expire();
    ServiceException error = gate.deadlineExceeded();
    for (OrgState org : targets) {
      if (org.finalOutcome == null && org.skipped == null) {
        org.fail(error);
      }
    }
    LOG.debug("Inventory discovery ran out of time after {} requests.", gate.requests());
    interruptRunning();
  }

  private void interruptRunning() {
    synchronized (running) {
      stopping = true;
      running.forEach(Thread::interrupt);
    }
  }

  boolean awaitTermination(Duration timeout) throws InterruptedException {
    return terminated.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  DiscoveryProgress progress() {
    return DiscoveryProgress.builder()
        .organizationsTotal(organizationsTotal.get())
        .organizationsStarted(organizationsStarted.get())
        .organizationsFinished(organizationsFinished.get())
        .projectsTotal(projectsTotal.get())
        .projectsFinished(projectsFinished.get())
        .repositories(repositoriesFound.get())
        .pipelines(pipelinesFound.get())
        .requests(gate.requests())
        .concurrency(gate.limit())
        .build();
  }

  // ---- tasks

  private void resolveOrganizations() {
    // An explicit list needs no profile or accounts call (see OrganizationListing): each organization answers for
    // itself, and one that refuses the user fails alone.
    List<OrgState> targets = new ArrayList<>();
    if (selection.kind() == OrganizationSelection.Kind.EXPLICIT) {
      for (OrganizationName name : selection.organizations()) {
        targets.add(new OrgState(name, null));
      }
    } else {
      Map<OrganizationName, AzureDevOpsOrganization> byName = new LinkedHashMap<>();
      for (AzureDevOpsOrganization organization : OrganizationListing.all(gate, client)) {
        byName.putIfAbsent(organization.name(), organization);
      }
      byName.values().forEach(o -> targets.add(new OrgState(o.name(), o.id())));
    }
    this.targets.addAll(targets);
    if (gate.isExpired()) {
      // The timer fired while the organizations were being resolved: they count as out of time as well.
      targets.forEach(o -> {
        if (o.skipped == null) {
          o.fail(gate.deadlineExceeded());
        }
      });
    }
    organizationsTotal.set(targets.size());
    organizationsRemaining.set(targets.size());
    if (targets.isEmpty()) {
      complete();
      return;
    }
    for (OrgState organization : targets) {
      if (organization.skipped != null) {
        finishOrganization(organization);
      } else {
        submit(() -> discoverOrganization(organization));
      }
    }
  }

  private void discoverOrganization(OrgState org) {
    organizationsStarted.incrementAndGet();
    emit((l, progress) -> l.organizationStarted(org.name, progress));
    List<AzureDevOpsProject> projects;
    try {
      projects = listProjects(org);
    } catch (ServiceException e) {
      org.fail(e);
      finishOrganization(org);
      return;
    }
    if (onboarding != null) {
      // The same check as a preflight; its requests pass the same gate.
      org.onboarding = onboarding.check(gate, client, org.name);
    }
    org.setProjects(projects);
    projectsTotal.addAndGet(projects.size());
    emit((l, progress) -> l.projectsListed(org.name, projects.size(), progress));
    if (sink != null) {
      for (AzureDevOpsProject project : projects) {
        deliver(() -> sink.project(org.name, project));
      }
    }
    org.pending.set(projects.size() + 1);
    submit(() -> listRepositories(org));
    for (AzureDevOpsProject project : projects) {
      submit(() -> listPipelines(org, project));
    }
  }

  private List<AzureDevOpsProject> listProjects(OrgState org) {
    Map<String, AzureDevOpsProject> projects = new LinkedHashMap<>();
    Set<String> tokens = new HashSet<>();
    Optional<String> token = Optional.empty();
    String listing = "the projects of the organization " + org.name;
    int pages = 0;
    do {
      Optional<String> current = token;
      ResultPage<AzureDevOpsProject> page = gate.call(() -> client.projects(org.name, current));
      pages++;
      // A listing may repeat an item when the estate changes between pages; keep the first. A page of nothing
      // but repeats is a server paging in circles.
      boolean anyNew = page.items().isEmpty();
      for (AzureDevOpsProject project : page.items()) {
        anyNew |= projects.putIfAbsent(project.id(), project) == null;
      }
      token = next(page, tokens, listing);
      checkPage(anyNew, pages, options.maxProjectPages(), token, listing);
    } while (token.isPresent());
    List<AzureDevOpsProject> sorted = new ArrayList<>(projects.values());
    sorted.sort(Ordering.PROJECTS);
    return sorted;
  }

  private void listRepositories(OrgState org) {
    try {
      if (!org.isFailed()) {
        List<AzureDevOpsRepository> listed = gate.call(() -> client.repositories(org.name));
        Set<String> seen = new HashSet<>();
        List<AzureDevOpsRepository> repositories = new ArrayList<>(listed.size());
        AzureDevOpsRepository.Builder builder = AzureDevOpsRepository.builder();
        for (AzureDevOpsRepository repository : listed) {
          if (seen.add(repository.id())) {
            repositories.add(org.intern(repository, builder));
          }
        }
        if (sink != null) {
          for (AzureDevOpsRepository repository : repositories) {
            deliver(() -> sink.repository(org.name, repository));
            org.repositoryCount.incrementAndGet();
            repositoriesFound.incrementAndGet();
          }
        } else {
          org.repositories.addAll(repositories);
          org.repositoryCount.addAndGet(repositories.size());
          repositoriesFound.addAndGet(repositories.size());
        }
      }
    } catch (ServiceException e) {
      org.fail(e);
    }
    taskDone(org);
  }

  private void listPipelines(OrgState org, AzureDevOpsProject project) {
    try {
      Set<String> tokens = new HashSet<>();
      Set<Long> seen = new HashSet<>();
      Optional<String> token = Optional.empty();
      String listing = "the pipelines of the project " + shown(project.name()) + " in the organization "
          + org.name;
      // A project named "." or ".." by the server would change the request's path: address it by its id.
      String projectRef = project.name().equals(".") || project.name().equals("..") ? project.id() : project.name();
      int pages = 0;
      do {
        if (org.isFailed()) {
          break;
        }
        Optional<String> current = token;
        ResultPage<AzureDevOpsPipeline> page = gate.call(() -> client.pipelines(org.name, projectRef, current));
        pages++;
        boolean anyNew = page.items().isEmpty();
        for (AzureDevOpsPipeline item : page.items()) {
          if (!seen.add(item.id())) {
            continue;
          }
          anyNew = true;
          DiscoveredPipeline pipeline =
              DiscoveredPipeline.of(item.id(), item.name(), item.folder(), project.id(), project.name());
          if (sink != null) {
            deliver(() -> sink.pipeline(org.name, pipeline));
          } else {
            org.pipelines.add(pipeline);
          }
          org.pipelineCount.incrementAndGet();
          pipelinesFound.incrementAndGet();
        }
        token = next(page, tokens, listing);
        checkPage(anyNew, pages, options.maxPipelinePages(), token, listing);
      } while (token.isPresent());
    } catch (ServiceException e) {
      org.fail(e);
    }
    org.projectsFinished.incrementAndGet();
    projectsFinished.incrementAndGet();
    if (!org.isFailed()) {
      emit((l, progress) -> l.projectFinished(org.name, project, progress));
    }
    taskDone(org);
  }

  /**
   * The next page's token, or empty after the last page.
   *
   * @throws ServiceException of kind {@code PROTOCOL} if the token was seen before in this listing, which
   *     would otherwise loop forever
   */
  private static Optional<String> next(ResultPage<?> page, Set<String> seen, String listing) {
    Optional<String> token = page.continuationToken().filter(t -> !t.isBlank());
    if (token.isPresent() && !seen.add(token.get())) {
      String shown = token.get().length() > MAX_TOKEN_SHOWN
          ? token.get().substring(0, MAX_TOKEN_SHOWN) + "…"
          : token.get();
      throw ServiceException.builder(ServiceException.Kind.PROTOCOL,
              "Azure DevOps returned the continuation token \"" + shown + "\" a second time while listing "
                  + listing + "; the listing was stopped instead of looping.")
          .service(DevOpsPlatform.AZURE_DEVOPS.displayName())
          .remediation("This is a fault of the server or of a proxy in between; try again later, and report it if "
              + "it persists.")
          .build();
    }
    return token;
  }

  /**
   * Stops a listing that pages in circles or without end.
   *
   * @throws ServiceException of kind {@code PROTOCOL} naming the listing
   */
  private static void checkPage(boolean anyNew, int pages, int maxPages, Optional<String> next, String listing) {
    if (!anyNew && next.isPresent()) {
      throw ServiceException.builder(ServiceException.Kind.PROTOCOL,
              "Azure DevOps answered a page of only items already seen while listing " + listing
                  + "; the listing was stopped instead of paging in circles.")
          .service(DevOpsPlatform.AZURE_DEVOPS.displayName())
          .remediation("This is a fault of the server or of a proxy in between; try again later, and report it if "
              + "it persists.")
          .build();
    }
    if (next.isPresent() && pages >= maxPages) {
      throw ServiceException.builder(ServiceException.Kind.PROTOCOL,
              "Listing " + listing + " did not end after " + maxPages + " pages; the listing was stopped.")
          .service(DevOpsPlatform.AZURE_DEVOPS.displayName())
          .remediation("A server that keeps sending continuation tokens pages without end. If the listing is "
              + "really that long, raise the page limit in DiscoveryOptions.")
          .build();
    }
  }

  /** A name from the server for a message: one line, at most 100 characters. */
  private static String shown(String name) {
    String line = name.replaceAll("\\p{Cntrl}", " ");
    return line.length() > 100 ? line.substring(0, 100) + "…" : line;
  }

  private void taskDone(OrgState org) {
    if (org.pending.decrementAndGet() == 0) {
      finishOrganization(org);
    }
  }

  private void finishOrganization(OrgState org) {
    if (onboarding != null && org.isFailed()) {
      org.onboarding = onboarding.unreadable(org.name, org.error.get());
    }
    OrganizationOutcome outcome = org.outcome(sink == null);
    if (org.isFailed() && org.projects != null) {
      // The projects whose pipelines will never be listed count as finished, so progress reaches its total.
      projectsFinished.addAndGet(org.projects.size() - org.projectsFinished.get());
    }
    org.finalOutcome = outcome;
    if (sink == null) {
      // Sorted now, while other organizations are still being listed, rather than all at once at the end.
      org.finalInventory = org.inventory();
    }
    finished.add(org);
    organizationsFinished.incrementAndGet();
    emit((l, progress) -> l.organizationFinished(outcome, progress));
    if (organizationsRemaining.decrementAndGet() == 0) {
      complete();
    }
  }

  private void complete() {
    if (result.isDone()) {
      return;
    }
    List<OrgState> all = new ArrayList<>(finished);
    all.sort((a, b) -> Ordering.OUTCOMES.compare(a.finalOutcome, b.finalOutcome));
    List<OrganizationOutcome> outcomes = all.stream().map(o -> o.finalOutcome).collect(Collectors.toList());
    List<OrganizationInventory> inventories = sink != null
        ? List.of()
        : all.stream().map(o -> o.finalInventory).collect(Collectors.toList());
    DiscoveryTotals totals = DiscoveryTotals.builder()
        .organizations(outcomes.size())
        .projects(outcomes.stream().mapToLong(OrganizationOutcome::projectCount).sum())
        .repositories(outcomes.stream().mapToLong(OrganizationOutcome::repositoryCount).sum())
        .pipelines(outcomes.stream().mapToLong(OrganizationOutcome::pipelineCount).sum())
        .requests(gate.requests())
        .throttledRequests(gate.throttledRequests())
        .build();
    Optional<DiscoveryTotals> onboardable = Optional.empty();
    if (onboarding != null) {
      List<OrganizationOutcome> seen = outcomes.stream().filter(o -> o.onboardable().orElse(false))
          .collect(Collectors.toList());
      onboardable = Optional.of(DiscoveryTotals.builder().from(totals)
          .organizations(seen.size())
          .projects(seen.stream().mapToLong(OrganizationOutcome::projectCount).sum())
          .repositories(seen.stream().mapToLong(OrganizationOutcome::repositoryCount).sum())
          .pipelines(seen.stream().mapToLong(OrganizationOutcome::pipelineCount).sum())
          .build());
    }
    T value;
    try {
      value = finisher.apply(new Found(outcomes, inventories, totals, onboardable));
    } catch (RuntimeException e) {
      failRun(e);
      return;
    }
    LOG.debug("Inventory discovery finished: {}.", totals);
    result.complete(value);
  }

  // ---- plumbing

  private void failRun(Throwable failure) {
    if (result.completeExceptionally(failure)) {
      LOG.debug("Inventory discovery failed: {}", failure.toString());
    }
    gate.cancel();
  }

  private void submit(Runnable task) {
    outstandingTasks.incrementAndGet();
    try {
      workers.executor().execute(() -> runTask(task));
    } catch (RuntimeException e) {
      taskEnded();
      failRun(e);
    }
  }

  private void runTask(Runnable task) {
    Thread self = Thread.currentThread();
    synchronized (running) {
      running.add(self);
    }
    try {
      if (!result.isDone()) {
        task.run();
      }
    } catch (SinkFailure e) {
      failRun(e.getCause());
    } catch (CancellationException e) {
      if (!result.isDone()) {
        failRun(e);
      }
    } catch (ServiceException e) {
      // A request interrupted because the run ran out of time says "interrupted"; say why instead.
      failRun(gate.isExpired() ? gate.deadlineExceeded() : e);
    } catch (RuntimeException | Error e) {
      failRun(e);
    } finally {
      synchronized (running) {
        running.remove(self);
        if (stopping) {
          // The interrupt was for this run's work; the thread (perhaps the caller's) goes on without it.
          Thread.interrupted();
        }
      }
      taskEnded();
    }
  }

  private void taskEnded() {
    if (outstandingTasks.decrementAndGet() == 0) {
      deadline.cancel(false);
      timer.shutdownNow();
      workers.shutdown();
      terminated.countDown();
    }
  }

  /** Calls the listener, one call at a time, with a fresh snapshot; never after the run is done. */
  private void emit(BiConsumer<DiscoveryListener, DiscoveryProgress> call) {
    if (listener == NoListener.INSTANCE) {
      return;
    }
    synchronized (listenerLock) {
      if (result.isDone()) {
        return;
      }
      try {
        call.accept(listener, progress());
      } catch (RuntimeException e) {
        LOG.warn("A discovery listener threw an exception; the discovery goes on without it.", e);
      }
    }
  }

  /** Hands an item to the sink, one call at a time; stops the run if the sink throws. */
  private void deliver(Runnable call) {
    synchronized (sinkLock) {
      if (result.isDone()) {
        throw new CancellationException("The discovery was stopped.");
      }
      try {
        call.run();
      } catch (RuntimeException e) {
        throw new SinkFailure(e);
      }
    }
  }

  /** Carries a sink's exception out of a task, so that it is not mistaken for a failed request. */
  private static final class SinkFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SinkFailure(RuntimeException cause) {
      super(cause);
    }
  }

  /** One organization's state while the run goes on. */
  private static final class OrgState {
    final OrganizationName name;
    final String id;
    final Finding skipped;
    final AtomicInteger pending = new AtomicInteger();
    final AtomicReference<DiscoveryError> error = new AtomicReference<>();
    final AtomicInteger projectsFinished = new AtomicInteger();
    final AtomicInteger repositoryCount = new AtomicInteger();
    final AtomicInteger pipelineCount = new AtomicInteger();
    final Queue<AzureDevOpsRepository> repositories = new ConcurrentLinkedQueue<>();
    final Queue<DiscoveredPipeline> pipelines = new ConcurrentLinkedQueue<>();
    volatile List<AzureDevOpsProject> projects;
    volatile Map<String, AzureDevOpsProject> projectsById = Map.of();
    volatile OrganizationOutcome finalOutcome;
    volatile OrganizationInventory finalInventory;
    volatile OrganizationPreflight onboarding;

    OrgState(OrganizationName name, String id) {
      this(name, id, null);
    }

    private OrgState(OrganizationName name, String id, Finding skipped) {
      this.name = name;
      this.id = id;
      this.skipped = skipped;
    }

    static OrgState skipped(OrganizationName name, Finding why) {
      return new OrgState(name, null, why);
    }

    void setProjects(List<AzureDevOpsProject> sorted) {
      Map<String, AzureDevOpsProject> byId = new HashMap<>();
      sorted.forEach(p -> byId.put(p.id(), p));
      projectsById = byId;
      projects = List.copyOf(sorted);
    }

    /** The repository with its project's id and name instances, so that a project's items share one string each. */
    AzureDevOpsRepository intern(AzureDevOpsRepository repository, AzureDevOpsRepository.Builder builder) {
      AzureDevOpsProject project = projectsById.get(repository.projectId());
      if (project == null
          || project.name() == repository.projectName() && project.id() == repository.projectId()) {
        return repository;
      }
      // An absent default branch does not replace the builder's: set it explicitly.
      return builder.from(repository).defaultBranch(repository.defaultBranch()).projectId(project.id())
          .projectName(project.name()).build();
    }

    void fail(ServiceException e) {
      error.compareAndSet(null, DiscoveryError.of(e));
    }

    boolean isFailed() {
      return error.get() != null;
    }

    OrganizationOutcome outcome(boolean collected) {
      ImmutableOrganizationOutcome.Builder outcome = OrganizationOutcome.builder()
          .organization(name)
          .id(Optional.ofNullable(id))
          .onboarding(Optional.ofNullable(onboarding));
      if (skipped != null) {
        return outcome.status(OrganizationStatus.SKIPPED).addFindings(skipped)
            .projectCount(0).repositoryCount(0).pipelineCount(0).build();
      }
      DiscoveryError failure = error.get();
      if (failure != null) {
        outcome.status(OrganizationStatus.FAILED).error(failure);
        if (failure.isNotAccessible()) {
          outcome.addFindings(Findings.notAccessible(name, failure));
        }
        return collected
            ? outcome.projectCount(0).repositoryCount(0).pipelineCount(0).build()
            : outcome.projectCount(projects == null ? 0 : projects.size()).repositoryCount(repositoryCount.get())
                .pipelineCount(pipelineCount.get()).build();
      }
      return outcome.status(OrganizationStatus.DISCOVERED)
          .projectCount(projects.size())
          .repositoryCount(repositoryCount.get())
          .pipelineCount(pipelineCount.get())
          .build();
    }

    OrganizationInventory inventory() {
      ImmutableOrganizationInventory.Builder inventory = OrganizationInventory.builder().outcome(finalOutcome);
      if (finalOutcome.status() == OrganizationStatus.DISCOVERED) {
        List<AzureDevOpsRepository> sortedRepositories = new ArrayList<>(repositories);
        sortedRepositories.sort(Ordering.REPOSITORIES);
        List<DiscoveredPipeline> sortedPipelines = new ArrayList<>(pipelines);
        sortedPipelines.sort(Ordering.PIPELINES);
        inventory.projects(projects).repositories(sortedRepositories).pipelines(sortedPipelines);
      }
      // The inventory holds them now; the queues' nodes would only weigh on the memory while the run is kept.
      repositories.clear();
      pipelines.clear();
      return inventory.build();
    }
  }
}
