package io.github.devopsconnector.testing;

import com.sun.net.httpserver.HttpHandler;
import java.io.UncheckedIOException;

/**
 * The lifecycle, counters and faults both simulators share, with the same names: {@link AzureDevOpsSimulator} and
 * {@link ArmSimulator} extend it. Built by the simulator's builder, a simulator {@link #start()}s on a loopback port,
 * serves under {@link #endpoint()} and stops at {@link #close()}; {@link #counters()} counts what it served, and
 * faults come by rate (the builder's {@link SimulatorBuilder#faultRate(double)}) or by script
 * ({@link #failNext(Enum, Enum, int)}). Thread-safe.
 *
 * @param <S> the simulator
 * @param <R> its routes
 * @param <F> its faults
 */
public abstract class LoopbackSimulator<S extends LoopbackSimulator<S, R, F>, R extends Enum<R>, F extends Enum<F>>
    implements AutoCloseable {

  final SimServer server;
  final SimulatorCounters<R, F> counters;
  final SimFaults<R, F> faults;
  private final long seed;

  LoopbackSimulator(SimServer server, SimulatorCounters<R, F> counters, SimFaults<R, F> faults, long seed) {
    this.server = server;
    this.counters = counters;
    this.faults = faults;
    this.seed = seed;
  }

  /** The handler of every request, made when the server binds, with the endpoint it serves under. */
  abstract HttpHandler handler(String endpoint);

  /** Checks a scripted fault for a route, beyond what every simulator checks; nothing by default. */
  void checkScript(R route, F fault) {}

  /** Clears what {@link #reset()} clears beyond the counters and faults; nothing by default. */
  void resetMore() {}

  @SuppressWarnings("unchecked")
  private S self() {
    return (S) this;
  }

  /**
   * Binds the server to {@code 127.0.0.1} and starts serving.
   *
   * @return this simulator, for {@code try (var simulator = XxxSimulator.builder(...).build().start())}
   * @throws IllegalStateException if it was already started or is closed
   * @throws UncheckedIOException if the port cannot be bound
   */
  public S start() {
    server.start(this::handler);
    return self();
  }

  /**
   * The base URL every route is served under, such as {@code http://127.0.0.1:54321}, without a trailing slash.
   *
   * @return the endpoint
   * @throws IllegalStateException if the simulator was not started
   */
  public String endpoint() {
    return server.endpoint();
  }

  /**
   * The seed of the fault generator: the configured one, or a random one; reuse it to replay a run.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * The live counters of what the simulator served; {@link SimulatorCounters#reset()} sets them back to zero.
   *
   * @return the counters
   */
  public SimulatorCounters<R, F> counters() {
    return counters;
  }

  /**
   * Makes the next {@code count} requests to one route fail with this fault, before any fault chosen by rate.
   * Scripted faults are consumed in the order they were added.
   *
   * @param route the route
   * @param fault the fault to inject
   * @param count how many requests, at least 1
   * @throws IllegalArgumentException if an argument is missing, the count is below 1, or the fault cannot apply to
   *     the route (a fault that corrupts a body, on a route answered without one)
   */
  public void failNext(R route, F fault, int count) {
    if (route == null) {
      throw new IllegalArgumentException("The route is missing.");
    }
    SimFaults.checkScript(fault, count);
    checkScript(route, fault);
    faults.failNext(route, fault, count);
  }

  /**
   * Makes the next {@code count} requests, to any route, fail with this fault. A fault that corrupts the body
   * skips requests whose answer has none.
   *
   * @param fault the fault to inject
   * @param count how many requests, at least 1
   * @throws IllegalArgumentException if the fault is missing or the count is below 1
   */
  public void failNext(F fault, int count) {
    SimFaults.checkScript(fault, count);
    faults.failNext(null, fault, count);
  }

  /** Removes every scripted fault; the fault rate stays as configured. */
  public void clearFaults() {
    faults.clear();
  }

  /**
   * Starts over: clears the counters and the scripted faults (and what else the simulator counts down, such as
   * rate-limit windows or lost responses), and restarts the fault generator from {@link #seed()}, so the same
   * request sequence meets the same faults again. What the simulated service holds stays.
   */
  public void reset() {
    counters.reset();
    clearFaults();
    faults.reseed();
    resetMore();
  }

  /** Stops serving and releases the port and threads. Requests in flight are cut off. Idempotent. */
  @Override
  public void close() {
    server.close();
  }
}
