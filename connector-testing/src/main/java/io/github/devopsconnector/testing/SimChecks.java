package io.github.devopsconnector.testing;

import java.time.Duration;
import java.util.Set;

/** The checks of the settings both simulators' builders share; each failure names the setting. */
final class SimChecks {

  private SimChecks() {}

  /** Checks port, latency, fault rate, faults and threads, the settings both builders have. */
  static void common(int port, Duration latency, double faultRate, Set<?> faults, int threads) {
    if (port < 0 || port > 65535) {
      throw new IllegalStateException("The port must be 0 to 65535; it is " + port + ".");
    }
    if (latency == null) {
      throw new IllegalStateException("The latency is missing; use Duration.ZERO for none.");
    }
    if (latency.isNegative()) {
      throw new IllegalStateException("The latency must be zero or positive; it is " + latency + ".");
    }
    if (Double.isNaN(faultRate) || faultRate < 0 || faultRate > 1) {
      throw new IllegalStateException("The fault rate must be between 0 and 1; it is " + faultRate + ".");
    }
    if (faults == null) {
      throw new IllegalStateException("The set of faults is missing; pass an empty set for none.");
    }
    if (faultRate > 0 && faults.isEmpty()) {
      throw new IllegalStateException(
          "The fault rate is " + faultRate + " but no faults are allowed; pass at least one to faults(...).");
    }
    if (threads < 1 || threads > 1024) {
      throw new IllegalStateException("The number of threads must be 1 to 1024; it is " + threads + ".");
    }
  }

  /** A token a simulator issues: not blank. */
  static String token(String token) {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("The token must not be blank.");
    }
    return token;
  }

  /** A rate limit: at least one request in a positive window; returns the window. */
  static Duration rateWindow(int limit, Duration window) {
    if (limit < 1 || window == null || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("The rate limit needs a limit of at least 1 and a positive window.");
    }
    return window;
  }

  /** A Retry-After: whole seconds, at least one. */
  static Duration retryAfter(Duration retryAfter) {
    if (retryAfter == null || retryAfter.getSeconds() < 1) {
      throw new IllegalArgumentException("Retry-After is whole seconds, at least 1.");
    }
    return retryAfter;
  }
}
