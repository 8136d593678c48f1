package io.github.devopsconnector.testing;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * The settings every simulator's builder has, with the same names and meaning: {@link AzureDevOpsSimulator.Builder},
 * {@link ArmSimulator.Builder}, {@link GitHubSimulator.Builder} and {@link GitLabSimulator.Builder} extend it. Setters only record values; the simulator's {@code build()} checks them
 * all and fails with {@link IllegalStateException} naming what is wrong. Not thread-safe.
 *
 * @param <B> the simulator's builder
 * @param <F> the simulator's faults
 */
public abstract class SimulatorBuilder<B extends SimulatorBuilder<B, F>, F extends Enum<F>> {

  private final Class<F> faultType;
  int port;
  Duration latency = Duration.ZERO;
  double faultRate;
  Long seed;
  EnumSet<F> faults;
  int threads;

  SimulatorBuilder(Class<F> faultType, Set<F> defaultFaults, int defaultThreads) {
    this.faultType = faultType;
    this.faults = EnumSet.copyOf(defaultFaults);
    this.threads = defaultThreads;
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  /**
   * The port to listen on, 0 to 65535. Default: 0, any free port.
   *
   * @param port the port
   * @return this builder
   */
  public B port(int port) {
    this.port = port;
    return self();
  }

  /**
   * A fixed delay before every response. It holds one of the {@link #threads(int)} workers, not the others.
   * Default: none.
   *
   * @param latency the delay
   * @return this builder
   */
  public B latency(Duration latency) {
    this.latency = latency;
    return self();
  }

  /**
   * The share of requests, 0 to 1, that get a fault from {@link #faults(Set)} instead of their answer (the Azure
   * DevOps simulator counts authenticated requests only). Default: 0.
   *
   * @param faultRate the share
   * @return this builder
   */
  public B faultRate(double faultRate) {
    this.faultRate = faultRate;
    return self();
  }

  /**
   * The seed of the fault generator: the same seed gives the same faults to the same request sequence. Default: a
   * random one, which the simulator's {@code seed()} reads back.
   *
   * @param seed the seed
   * @return this builder
   */
  public B seed(long seed) {
    this.seed = seed;
    return self();
  }

  /**
   * The faults {@link #faultRate(double)} chooses from: in turn in the ARM simulator, at random in the others. Default: the transient ones a client should retry (see each simulator's builder).
   *
   * @param faults the faults
   * @return this builder
   */
  public B faults(Set<F> faults) {
    this.faults = faults == null ? null : EnumSet.noneOf(faultType);
    if (faults != null) {
      this.faults.addAll(faults);
    }
    return self();
  }

  /**
   * The number of worker threads, 1 to 1024. Default: 32 for the Azure DevOps simulator, 8 for the GitHub and GitLab
   * simulators, 4 for the ARM simulator.
   *
   * @param threads the number
   * @return this builder
   */
  public B threads(int threads) {
    this.threads = threads;
    return self();
  }

  /** Checks the shared settings; the message names what is wrong. */
  void checkShared() {
    SimChecks.common(port, latency, faultRate, faults, threads);
  }

  /** The configured seed, or a random one. */
  long seedOrRandom(SecureRandom random) {
    return seed != null ? seed : random.nextLong();
  }
}
