package io.github.devopsconnector.testing;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Live counters of what a simulator served, the same for {@link AzureDevOpsSimulator#counters()} and
 * {@link ArmSimulator#counters()}. Every request is counted once, under its route, whatever the answer (including
 * authentication failures and injected faults). Thread-safe.
 *
 * @param <R> the simulator's routes, {@link AzureDevOpsSimulator.Route} or {@link ArmSimulator.Route}
 * @param <F> the simulator's faults, {@link AzureDevOpsSimulator.Fault} or {@link ArmSimulator.Fault}
 */
public final class SimulatorCounters<R extends Enum<R>, F extends Enum<F>> {

  /** What a simulator's usage budget reports, when it has one. */
  interface Budget {
    /** The highest usage since the last reset, as a share of the limit. */
    double peakShare();

    /** Restarts the peak. */
    void resetPeak();
  }

  private final Map<R, LongAdder> requests;
  private final Map<F, LongAdder> faults;
  private final LongAdder total = new LongAdder();
  private final LongAdder throttled = new LongAdder();
  private final LongAdder delayed = new LongAdder();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger peak = new AtomicInteger();
  private final Class<R> routeType;
  private volatile Budget budget;

  SimulatorCounters(Class<R> routeType, Class<F> faultType) {
    this.routeType = routeType;
    this.requests = new EnumMap<>(routeType);
    this.faults = new EnumMap<>(faultType);
    for (R route : routeType.getEnumConstants()) {
      requests.put(route, new LongAdder());
    }
    for (F fault : faultType.getEnumConstants()) {
      faults.put(fault, new LongAdder());
    }
  }

  /**
   * Requests received for this route.
   *
   * @param route the route
   * @return how many, since the start or the last {@link #reset()}
   */
  public long requests(R route) {
    return requests.get(Objects.requireNonNull(route, "route")).sum();
  }

  /**
   * Requests received per route, for the routes that received any.
   *
   * @return a snapshot in route order
   */
  public Map<R, Long> requestsByRoute() {
    Map<R, Long> snapshot = new EnumMap<>(routeType);
    requests.forEach((route, count) -> {
      long value = count.sum();
      if (value > 0) {
        snapshot.put(route, value);
      }
    });
    return Collections.unmodifiableMap(snapshot);
  }

  /** @return requests received in all */
  public long totalRequests() {
    return total.sum();
  }

  /** @return requests being handled right now */
  public int inFlightRequests() {
    return inFlight.get();
  }

  /** @return the most requests handled at the same time since the start or the last {@link #reset()} */
  public int peakConcurrentRequests() {
    return peak.get();
  }

  /**
   * {@code 429} responses sent, whether the simulator's request budget was used up or the fault was injected.
   *
   * @return how many
   */
  public long throttledResponses() {
    return throttled.sum();
  }

  /**
   * {@code 200} responses the usage budget held back before answering (the Azure DevOps TSTU delay, with
   * {@code X-RateLimit-Delay}); always 0 for a simulator whose service does not delay answers.
   *
   * @return how many
   */
  public long delayedResponses() {
    return delayed.sum();
  }

  /**
   * The highest usage any identity reached of its usage budget in its window, as a share of the limit (1.0 = at
   * the limit); 0 for a simulator without such a budget (the ARM simulator's token buckets refuse, they do not
   * delay).
   *
   * @return the share
   */
  public double peakBudgetUsage() {
    Budget current = budget;
    return current == null ? 0 : current.peakShare();
  }

  /**
   * Faults of this kind injected (by rate or script; not {@code 429}s of a request budget).
   *
   * @param fault the fault
   * @return how many
   */
  public long faultsInjected(F fault) {
    return faults.get(Objects.requireNonNull(fault, "fault")).sum();
  }

  /** @return faults injected in all */
  public long faultsInjected() {
    return faults.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** Sets every counter back to zero; the peak restarts from the requests in flight. */
  public void reset() {
    requests.values().forEach(LongAdder::reset);
    faults.values().forEach(LongAdder::reset);
    total.reset();
    throttled.reset();
    delayed.reset();
    Budget current = budget;
    if (current != null) {
      current.resetPeak();
    }
    peak.set(inFlight.get());
  }

  void budget(Budget budget) {
    this.budget = budget;
  }

  void enter(R route) {
    total.increment();
    requests.get(route).increment();
    peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
  }

  void exit() {
    inFlight.decrementAndGet();
  }

  void throttled() {
    throttled.increment();
  }

  void delayed() {
    delayed.increment();
  }

  void fault(F fault) {
    faults.get(fault).increment();
  }

  /** The totals, for test failure messages. */
  @Override
  public String toString() {
    return "Counters[total=" + totalRequests() + ", peak=" + peakConcurrentRequests() + ", throttled="
        + throttledResponses() + ", faults=" + faultsInjected() + ", byRoute=" + requestsByRoute() + "]";
  }
}
