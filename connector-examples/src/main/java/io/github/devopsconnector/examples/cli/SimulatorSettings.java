package io.github.devopsconnector.examples.cli;

import io.github.devopsconnector.testing.AzureDevOpsSimulator;
import io.github.devopsconnector.testing.Estate;
import io.github.devopsconnector.testing.GitHubSimulator;
import io.github.devopsconnector.testing.GitLabSimulator;
import io.github.devopsconnector.testing.SimulatorBuilder;
import java.time.Duration;

/** How an embedded simulator ({@link AzureDevOpsSimulator}, GitHub or GitLab) is set up from command-line options. */
final class SimulatorSettings {

  /** The most latency a simulated response may be given, in milliseconds. */
  static final int MAX_LATENCY_MS = 60_000;

  private int port;
  private int latencyMs;
  private double faultRate;
  private Long seed;
  private Duration retryAfter;
  private String personalAccessToken;
  private String tokenVariable;
  private int threads = 32;
  private boolean preEncodedPages;
  private double tstuLimit = -1;
  private Duration tstuWindow;
  private double tstuCost;

  SimulatorSettings port(Integer port) {
    if (port != null) {
      this.port = Checks.range("--port", port, 0, 65535);
    }
    return this;
  }

  SimulatorSettings latencyMs(Integer latencyMs) {
    if (latencyMs != null) {
      this.latencyMs = Checks.range("--latency-ms", latencyMs, 0, MAX_LATENCY_MS);
    }
    return this;
  }

  SimulatorSettings faultRate(Double faultRate) {
    if (faultRate != null) {
      this.faultRate = Checks.fraction("--fault-rate", faultRate);
    }
    return this;
  }

  SimulatorSettings seed(Long seed) {
    this.seed = seed;
    return this;
  }

  /** The {@code Retry-After} of throttling faults; null keeps the simulator's own default. */
  SimulatorSettings retryAfterSeconds(Integer seconds) {
    if (seconds != null) {
      this.retryAfter = Duration.ofSeconds(Checks.range("--retry-after", seconds, 1, 3600));
    }
    return this;
  }

  /** The token to accept, read from the named environment variable (named in messages, never the token). */
  SimulatorSettings personalAccessToken(String personalAccessToken, String variable) {
    this.personalAccessToken = personalAccessToken;
    this.tokenVariable = variable;
    return this;
  }

  /**
   * The simulator's TSTU budget: {@code limit} TSTUs per sliding {@code window}, {@code cost} per request; a limit
   * of 0 turns it off. Unset: the simulator's default (the service's documented limit).
   */
  SimulatorSettings tstuBudget(double limit, Duration window, double cost) {
    this.tstuLimit = limit;
    this.tstuWindow = window;
    this.tstuCost = cost;
    return this;
  }

  /** Enough worker threads for {@code concurrency} requests at once and a few more. */
  SimulatorSettings threadsFor(int concurrency) {
    this.threads = Math.max(32, Math.min(1024, concurrency + 8));
    return this;
  }

  /** Whether the simulator encodes the listing pages when it starts (see the simulator's builder). */
  SimulatorSettings preEncodedPages(boolean preEncodedPages) {
    this.preEncodedPages = preEncodedPages;
    return this;
  }

  /**
   * A started simulator serving the estate on 127.0.0.1.
   *
   * @throws UsageException if the token is not acceptable
   * @throws java.io.UncheckedIOException if the port cannot be bound
   */
  AzureDevOpsSimulator start(Estate estate) {
    AzureDevOpsSimulator.Builder builder = AzureDevOpsSimulator.builder(estate)
        .port(port)
        .latency(Duration.ofMillis(latencyMs))
        .faultRate(faultRate)
        .threads(threads)
        .preEncodedPages(preEncodedPages);
    if (tstuLimit >= 0) {
      builder.tstuBudget(tstuLimit, tstuWindow).tstuCostPerRequest(tstuCost);
    }
    if (seed != null) {
      builder.seed(seed);
    }
    if (retryAfter != null) {
      builder.retryAfter(retryAfter);
    }
    if (personalAccessToken != null) {
      builder.personalAccessToken(personalAccessToken);
    }
    AzureDevOpsSimulator simulator;
    try {
      simulator = builder.build();
    } catch (IllegalStateException e) {
      // The builder's messages never contain the token.
      String problem = personalAccessToken != null && e.getMessage().contains("personal access token")
          ? "The personal access token in " + tokenVariable + " cannot be used: " : "The simulator cannot be set up: ";
      throw new UsageException(problem + e.getMessage(), e);
    }
    return simulator.start();
  }

  /**
   * A GitHub simulator's builder with the port, latency, fault rate, seed, threads and the {@code retry-after} of
   * secondary rate limits.
   *
   * @param builder the builder
   * @return the builder
   */
  GitHubSimulator.Builder applyTo(GitHubSimulator.Builder builder) {
    applyShared(builder);
    return retryAfter == null ? builder : builder.secondaryRetryAfter(retryAfter);
  }

  /**
   * A GitLab simulator's builder with the port, latency, fault rate, seed, threads and the {@code Retry-After} of
   * its 429 answers.
   *
   * @param builder the builder
   * @return the builder
   */
  GitLabSimulator.Builder applyTo(GitLabSimulator.Builder builder) {
    applyShared(builder);
    return retryAfter == null ? builder : builder.retryAfter(retryAfter);
  }

  private void applyShared(SimulatorBuilder<?, ?> builder) {
    builder.port(port).latency(Duration.ofMillis(latencyMs)).faultRate(faultRate).threads(threads);
    if (seed != null) {
      builder.seed(seed);
    }
  }

  int latencyMs() {
    return latencyMs;
  }

  double faultRate() {
    return faultRate;
  }
}
