package io.github.devopsconnector.examples.cli;

import io.github.devopsconnector.azuredevops.AzureDevOpsRestClientBuilder;
import io.github.devopsconnector.azuredevops.AzureDevOpsRestClient;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.discovery.DiscoveryHandle;
import io.github.devopsconnector.core.discovery.DiscoveryOptions;
import io.github.devopsconnector.core.discovery.DiscoveryTotals;
import io.github.devopsconnector.core.discovery.Inventory;
import io.github.devopsconnector.core.discovery.InventoryDiscovery;
import io.github.devopsconnector.core.discovery.OrganizationStatus;
import io.github.devopsconnector.examples.console.Printable;
import io.github.devopsconnector.examples.console.ProgressBar;
import io.github.devopsconnector.testing.AzureDevOpsSimulator;
import io.github.devopsconnector.testing.Estate;
import io.github.devopsconnector.testing.EstateFiles;
import io.github.devopsconnector.testing.EstateGenerator;
import io.github.devopsconnector.testing.SimulatorCounters;
import java.io.PrintStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code devops-connector bench}: discovers an estate through the real HTTP client against an embedded simulator
 * with latency, and compares the time with the least the API allows.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
        "Discovers an estate (generated, or an estate file) through the real HTTP client against an embedded "
            + "Azure DevOps simulator that delays every response by --latency-ms, and compares the time taken "
            + "with the least the API allows.",
        "",
        "The last line is (on one line):",
        "  discovery: wall=<ms> ideal=<ms> ratio=<wall/ideal> requests=<n>",
        "    peak-concurrency=<n> heap-per-repo=<bytes>",
        "",
        "ideal = latency x max(L, ceil(R / C)), where C is --concurrency and",
        "  R = the fewest requests the API allows: profile 1 + accounts 1 + per organization: ceil(projects/100) "
            + "project pages (at least 1) + 1 organization-wide repository listing + per project "
            + "max(1, ceil(pipelines/100)) pipeline pages (an organization that refuses the user: 1);",
        "  L = the longest chain of requests that must wait for each other: profile -> accounts -> an "
            + "organization's project pages (one after the other) -> one project's pipeline pages (one after the "
            + "other).",
        "requests is what the simulator counted (retries included); peak-concurrency is the most requests the "
            + "simulator served at once; heap-per-repo is the used heap after discovery (after GC, holding the "
            + "inventory) minus the used heap before (after GC), divided by the repositories discovered; the line before it "
            + "shows how much of that the simulator and the connections keep.",
        "",
        "Without --tstu-budget the simulator has no TSTU budget, so that the run measures the client against "
            + "latency alone. With --tstu-budget N the simulator keeps the service's budget per identity (N TSTUs "
            + "in a sliding --tstu-window-ms window, --tstu-cost per request; delays past it, 429 past the longest "
            + "delay), and one more line follows:",
        "  tstu: wall=<ms> ceiling=<ms> ratio=<wall/ceiling> peak-usage=<%%> delayed=<n> throttled-429=<n>",
        "ceiling = the least time the budget allows for the requests sent: in a sliding window at most "
            + "m = floor(N / cost) requests fit, so request k can start no sooner than one window after request "
            + "k - m, and the last one no sooner than floor((requests - 1) / m) windows after the first; "
            + "peak-usage is the most of the budget the identity "
            + "held in its window; delayed and throttled-429 are the responses the simulator delayed or refused. "
            + "The goal: ratio at most 1.1 (within 10%% of the ceiling) and no 429."},
    footerHeading = "%nExample:%n",
    footer = {"  devops-connector bench --orgs 50 --projects 200 --repos 10 --pipelines 1 \\",
        "      --latency-ms 20 --concurrency 64",
        "  devops-connector bench --orgs 4 --projects 150 --repos 1 --pipelines 1 --latency-ms 1 \\",
        "      --tstu-budget 200 --tstu-window-ms 20000"})
final class BenchCommand implements Callable<Integer> {

  private static final int DEFAULT_ORGANIZATIONS = 10;
  private static final int DEFAULT_PROJECTS = 20;
  private static final int DEFAULT_REPOSITORIES = 10;
  private static final int DEFAULT_PIPELINES = 1;
  /** About as many requests as the warm-up discovery makes: enough for the JIT to compile the request path. */
  private static final int WARMUP_REQUESTS = 2000;
  /** The most warm-up rounds before measuring, however busy the JIT compiler still is. */
  private static final int MAX_WARMUP_ROUNDS = 12;

  private final CliContext context;

  @Option(names = "--simulate", paramLabel = "FILE", description = "Discover this estate file instead of a "
      + "generated estate.")
  Path simulate;

  @Option(names = "--orgs", paramLabel = "N", description = "Generated organizations, 0 to 1000 (default "
      + DEFAULT_ORGANIZATIONS + ").")
  Integer organizations;

  @Option(names = "--projects", paramLabel = "N", description = "Projects per generated organization, 0 to 10000 "
      + "(default " + DEFAULT_PROJECTS + ").")
  Integer projects;

  @Option(names = "--repos", paramLabel = "N", description = "Repositories per generated project, 0 to 1000 "
      + "(default " + DEFAULT_REPOSITORIES + ").")
  Integer repositories;

  @Option(names = "--pipelines", paramLabel = "N", description = "Pipelines per generated project, 0 to 1000 "
      + "(default " + DEFAULT_PIPELINES + ").")
  Integer pipelines;

  @Option(names = "--latency-ms", required = true, paramLabel = "MS",
      description = "The simulator's delay before every response, 1 to 60000.")
  int latencyMs;

  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "8",
      description = "Most requests in flight at once, 1 to 256 (default ${DEFAULT-VALUE}).")
  int concurrency = 8;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
      description = "The seed of the generated estate (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--no-warmup", negatable = false,
      description = "Measure a cold JVM: skip the unmeasured warm-up discovery (of the estate itself when it takes "
          + "at most " + WARMUP_REQUESTS + " requests, otherwise of a generated estate of about that size) against "
          + "a separate simulator with the same latency; rounds of it until the JIT compiler is nearly idle.")
  boolean noWarmup;

  @Option(names = "--tstu-budget", paramLabel = "N",
      description = "Give the simulator a TSTU budget of N per identity (1 to 1000000) and report how close the "
          + "discovery ran to its ceiling.")
  Double tstuBudget;

  @Option(names = "--tstu-window-ms", paramLabel = "MS", defaultValue = "20000",
      description = "With --tstu-budget: the sliding window, 100 to 300000 ms (default ${DEFAULT-VALUE}; the service's "
          + "is 300000).")
  int tstuWindowMs = 20000;

  @Option(names = "--tstu-cost", paramLabel = "X", defaultValue = "1",
      description = "With --tstu-budget: TSTUs per request, 0.001 to 1000 (default ${DEFAULT-VALUE}).")
  double tstuCost = 1;

  BenchCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Checks.range("--latency-ms", latencyMs, 1, SimulatorSettings.MAX_LATENCY_MS);
    Checks.range("--concurrency", concurrency, 1, DiscoveryOptions.MAX_CONCURRENCY);
    if (tstuBudget != null) {
      if (!(tstuBudget >= 1 && tstuBudget <= 1_000_000)) {
        throw new UsageException("--tstu-budget must be 1 to 1000000; it is " + tstuBudget + ".");
      }
      Checks.range("--tstu-window-ms", tstuWindowMs, 100, 300_000);
      if (!(tstuCost >= 0.001 && tstuCost <= 1000)) {
        throw new UsageException("--tstu-cost must be 0.001 to 1000; it is " + tstuCost + ".");
      }
    }
    Estate estate = estate();
    RequestPlan plan = RequestPlan.of(estate);
    PrintStream out = context.out();
    if (!noWarmup) {
      warmUp(out, estate, plan);
    }
    SimulatorSettings settings = simulatorSettings();
    if (tstuBudget != null) {
      settings.tstuBudget(tstuBudget, Duration.ofMillis(tstuWindowMs), tstuCost);
    } else {
      settings.tstuBudget(0, null, 1);
    }
    long simulatorStart = System.nanoTime();
    try (AzureDevOpsSimulator simulator = settings.start(estate);
        AzureDevOpsRestClient client = clientOf(simulator)) {
      long simulatorStartMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - simulatorStart);
      ProgressBar progress = context.progressBar();
      // The bench's own workers outlive the run, so that their CPU time can still be read after it.
      ExecutorService workers = Executors.newFixedThreadPool(concurrency, daemonThreads());
      InventoryDiscovery discovery = InventoryDiscovery.builder()
          .client(client)
          .concurrency(concurrency)
          .listener(progress.listener())
          .executor(workers)
          .build();
      printPlan(out, estate, plan, simulator, simulatorStartMillis);

      long heapBefore = HeapMeter.usedAfterGc();
      simulator.counters().reset();
      ThreadCpu threadsStart = ThreadCpu.snapshot();
      long jitStart = jitMillis();
      long gcStart = gcMillis();
      long cpuStart = ProcessCpu.nanos();
      long start = System.nanoTime();
      Inventory inventory;
      DiscoveryHandle<Inventory> handle = discovery.start(OrganizationSelection.allExisting());
      try {
        inventory = handle.join();
      } catch (RuntimeException e) {
        workers.shutdown();
        throw e;
      } finally {
        progress.erase();
      }
      long wallNanos = System.nanoTime() - start;
      long cpuNanos = ProcessCpu.nanos() - cpuStart;
      ThreadCpu threadsEnd = ThreadCpu.snapshot();
      long jit = jitMillis() - jitStart;
      long gc = gcMillis() - gcStart;
      workers.shutdown();
      long wallMillis = TimeUnit.NANOSECONDS.toMillis(wallNanos);
      long requests = simulator.counters().totalRequests();
      int peak = simulator.counters().peakConcurrentRequests();
      long heapAfter = HeapMeter.usedAfterGc();
      DiscoveryTotals totals = inventory.totals();
      long repositories = totals.repositories();
      long heapPerRepository = repositories == 0 ? 0 : Math.max(0, heapAfter - heapBefore) / repositories;
      long failed = inventory.organizations().stream().filter(o -> o.status() == OrganizationStatus.FAILED).count();
      Reference.reachabilityFence(inventory);
      inventory = null;
      // The last worker may still hold the run (and through it the inventory) while it winds down.
      awaitTermination(handle);
      handle = null;
      long heapWithout = HeapMeter.usedAfterGc();

      long ideal = plan.idealMillis(latencyMs, concurrency);
      if (cpuNanos >= 0) {
        // Client and simulator share this JVM: when it keeps every core busy, the run is bound by CPU, not latency.
        out.println(String.format(Locale.ROOT, "cpu: %d ms of process CPU during the discovery (client and simulator "
                + "together), %.2f ms per request, %.1f of %d cores busy on average",
            TimeUnit.NANOSECONDS.toMillis(cpuNanos), cpuNanos / 1e6 / Math.max(1, requests),
            (double) cpuNanos / Math.max(1, wallNanos), Runtime.getRuntime().availableProcessors()));
        if (ThreadCpu.supported()) {
          printCpuSplit(out, cpuNanos, requests, threadsStart, threadsEnd);
          out.println("jvm: the JIT compiler compiled for " + jit + " ms and the garbage collector paused the "
              + "application for " + gc + " ms during the discovery");
        }
      }
      out.println(String.format(Locale.ROOT, "heap: %+.1f MB after discovery, holding the inventory; %+.1f MB "
              + "without it (what the simulator and the connections keep), so the inventory is about %d bytes per "
              + "repository",
          (heapAfter - heapBefore) / 1e6, (heapWithout - heapBefore) / 1e6,
          repositories == 0 ? 0 : Math.max(0, heapAfter - heapWithout) / repositories));
      out.println("discovered: " + totals.organizations() + " organizations (" + failed + " failed), "
          + totals.projects() + " projects, " + totals.repositories() + " repositories, " + totals.pipelines()
          + " pipelines; the discovery counted " + totals.requests() + " requests (" + totals.throttledRequests()
          + " throttled), " + String.format(Locale.ROOT, "%.1f%%", 100.0 * (requests - plan.fewestRequests())
              / Math.max(1, plan.fewestRequests()))
          + " more than R");
      out.println(String.format(Locale.ROOT,
          "discovery: wall=%d ideal=%d ratio=%.2f requests=%d peak-concurrency=%d heap-per-repo=%d",
          wallMillis, ideal, (double) wallMillis / ideal, requests, peak, heapPerRepository));
      if (tstuBudget != null) {
        printBudget(out, wallMillis, requests, simulator.counters());
      }
      out.flush();
      return ExitCode.OK;
    }
  }

  /**
   * The simulator of the measured run and of the warm-up: the run's latency and threads, and pre-encoded pages, so
   * that the simulator's CPU per request is then mostly the HTTP server's and the client's share is what shows.
   */
  private SimulatorSettings simulatorSettings() {
    return new SimulatorSettings().latencyMs(latencyMs).threadsFor(concurrency).preEncodedPages(true);
  }

  /** A client of the simulator, signed in with its token (which error output then hides). */
  private AzureDevOpsRestClient clientOf(AzureDevOpsSimulator simulator) {
    context.addSecret(simulator.personalAccessToken());
    return new AzureDevOpsRestClientBuilder().endpoint(simulator.endpoint())
        .personalAccessToken(simulator.personalAccessToken()).buildClient();
  }

  /** The process CPU split by the threads that used it; what no Java thread used is the JVM's own (GC, JIT). */
  private static void printCpuSplit(PrintStream out, long cpuNanos, long requests, ThreadCpu start, ThreadCpu end) {
    long client = end.clientSince(start);
    long simulator = end.simulatorSince(start);
    long other = end.otherSince(start);
    long jvm = Math.max(0, cpuNanos - client - simulator - other);
    double perRequest = 1e6 * Math.max(1, requests);
    out.println(String.format(Locale.ROOT, "cpu-split: client %.3f ms per request (%d ms: discovery workers and "
            + "HTTP client threads), simulator %.3f ms per request (%d ms), other Java threads %d ms, JVM outside "
            + "Java threads (GC, JIT compiler) %d ms",
        client / perRequest, TimeUnit.NANOSECONDS.toMillis(client), simulator / perRequest,
        TimeUnit.NANOSECONDS.toMillis(simulator), TimeUnit.NANOSECONDS.toMillis(other),
        TimeUnit.NANOSECONDS.toMillis(jvm)));
  }

  /** The JIT compiler's accumulated compilation time, or 0 when the JVM does not tell. */
  private static long jitMillis() {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
  }

  /** The garbage collectors' accumulated collection time. */
  private static long gcMillis() {
    long total = 0;
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, collector.getCollectionTime());
    }
    return total;
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, ThreadCpu.DISCOVERY_THREADS + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** How close the run came to the least time the TSTU budget allows, and what the simulator delayed or refused. */
  private void printBudget(PrintStream out, long wallMillis, long requests,
      SimulatorCounters<AzureDevOpsSimulator.Route, AzureDevOpsSimulator.Fault> counters) {
    double spent = requests * tstuCost;
    long perWindow = Math.max(1, (long) Math.floor(tstuBudget / tstuCost + 1e-9));
    long ceiling = Math.max(0, requests - 1) / perWindow * tstuWindowMs;
    out.println(String.format(Locale.ROOT, "budget: %.0f TSTUs per %d ms, %s TSTU per request (%d requests per "
            + "window); the discovery spent %.1f TSTUs in %d requests, so the budget allows it in no less than %d ms%s",
        tstuBudget, tstuWindowMs, trim(tstuCost), perWindow, spent, requests, ceiling,
        ceiling == 0 ? " (it fits in the budget at once: make the estate larger than the budget to measure pacing)"
            : ""));
    out.println(String.format(Locale.ROOT,
        "tstu: wall=%d ceiling=%d ratio=%.2f peak-usage=%.0f%% delayed=%d throttled-429=%d",
        wallMillis, ceiling, ceiling == 0 ? 0 : (double) wallMillis / ceiling, 100 * counters.peakBudgetUsage(),
        counters.delayedResponses(), counters.throttledResponses()));
  }

  private static String trim(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }

  private static void awaitTermination(DiscoveryHandle<?> handle) {
    try {
      handle.awaitTermination(Duration.ofSeconds(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Unmeasured discoveries first, so that the measured one runs compiled code rather than the interpreter and does
   * not pay for the JIT compiler: rounds go on until the compiler was busy for less than a tenth of a round.
   */
  private void warmUp(PrintStream out, Estate estate, RequestPlan plan) {
    Estate warmup = plan.fewestRequests() <= WARMUP_REQUESTS ? estate
        : EstateGenerator.builder().tokenForAllOrganizations().seed(seed).organizations(10).projectsPerOrganization(198)
            .repositoriesPerProject(10).pipelinesPerProject(1).build().generate();
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    boolean jitTimed = jit != null && jit.isCompilationTimeMonitoringSupported();
    long start = System.nanoTime();
    long requests = 0;
    int rounds = 0;
    long compileMillis = 0;
    long roundMillis = 0;
    do {
      long roundStart = System.nanoTime();
      long compiledBefore = jitTimed ? jit.getTotalCompilationTime() : 0;
      // The measured run's latency, so that the compiled code has seen the same timing (and branches) it will see.
      try (AzureDevOpsSimulator simulator = simulatorSettings().start(warmup);
          AzureDevOpsRestClient client = clientOf(simulator)) {
        InventoryDiscovery.builder()
            .client(client)
            .concurrency(concurrency)
            .build()
            .discover(OrganizationSelection.allExisting());
        requests += simulator.counters().totalRequests();
      }
      rounds++;
      roundMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - roundStart);
      compileMillis = jitTimed ? jit.getTotalCompilationTime() - compiledBefore : 0;
    } while (jitTimed && rounds < MAX_WARMUP_ROUNDS && compileMillis * 10 > roundMillis);
    out.println("warm-up (not measured): " + rounds + (rounds == 1 ? " round, " : " rounds, ") + requests
        + " requests in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms"
        + (jitTimed ? "; the JIT compiler worked " + compileMillis + " ms in the last round of " + roundMillis
            + " ms" : ""));
  }

  private Estate estate() {
    if (simulate != null) {
      if (organizations != null || projects != null || repositories != null || pipelines != null) {
        throw new UsageException("--simulate FILE discovers that estate; --orgs, --projects, --repos and "
            + "--pipelines describe a generated one. Give one or the other.");
      }
      return EstateLoader.read("--simulate", simulate);
    }
    int orgs = Checks.range("--orgs", organizations == null ? DEFAULT_ORGANIZATIONS : organizations, 0,
        EstateFiles.MAX_ORGANIZATIONS);
    int perOrganization = Checks.range("--projects", projects == null ? DEFAULT_PROJECTS : projects, 0,
        EstateFiles.MAX_PROJECTS_PER_ORGANIZATION);
    int perProject = Checks.range("--repos", repositories == null ? DEFAULT_REPOSITORIES : repositories, 0,
        EstateFiles.MAX_REPOSITORIES_PER_PROJECT);
    int pipelinesPerProject = Checks.range("--pipelines", pipelines == null ? DEFAULT_PIPELINES : pipelines, 0,
        EstateFiles.MAX_PIPELINES_PER_PROJECT);
    try {
      return EstateGenerator.builder().tokenForAllOrganizations().seed(seed).organizations(orgs).projectsPerOrganization(perOrganization)
          .repositoriesPerProject(perProject).pipelinesPerProject(pipelinesPerProject).build().generate();
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new UsageException("The estate to generate is too large: " + e.getMessage(), e);
    }
  }

  private void printPlan(PrintStream out, Estate estate, RequestPlan plan, AzureDevOpsSimulator simulator,
      long simulatorStartMillis) {
    out.println("estate: " + estate.organizations().size() + " organizations, " + estate.projectCount()
        + " projects, " + estate.repositoryCount() + " repositories, " + estate.pipelineCount() + " pipelines ("
        + (simulate != null ? Printable.line(simulate.toString()) : "generated, seed " + seed) + ")");
    out.println("simulator: " + simulator.endpoint() + ", latency " + latencyMs + " ms, listing pages pre-encoded at "
        + "start (" + simulatorStartMillis + " ms); concurrency C=" + concurrency);
    out.println("R (fewest requests) = " + plan.fewestRequests() + ": profile 1 + accounts 1 + per organization "
        + "ceil(projects/100) project pages + 1 repository listing + per project max(1, ceil(pipelines/100)) "
        + "pipeline pages");
    out.println("L (longest chain) = " + plan.longestChain() + ": profile -> accounts -> project pages -> one "
        + "project's pipeline pages");
    out.println("ideal = latency x max(L, ceil(R/C)) = " + latencyMs + " ms x max(" + plan.longestChain() + ", "
        + plan.rounds(concurrency) + ") = " + plan.idealMillis(latencyMs, concurrency) + " ms");
    out.flush();
  }
}
