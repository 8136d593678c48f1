package io.github.devopsconnector.testing;

import io.github.devopsconnector.testing.AzureDevOpsSimulator.Builder;
import io.github.devopsconnector.testing.AzureDevOpsSimulator.Fault;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** The settings a built {@link AzureDevOpsSimulator} runs with; validated, immutable. */
final class AdoSimSettings {
  final String personalAccessToken;
  final String bearerToken;
  final int port;
  final Duration latency;
  final double faultRate;
  final long seed;
  final Set<Fault> faultKinds;
  final double tstuLimit;
  final Duration tstuWindow;
  final double tstuCost;
  final Duration tstuMaxDelay;
  final int projectPageSize;
  final int groupPageSize;
  final Duration retryAfter;
  final int threads;
  final boolean preEncodedPages;

  private AdoSimSettings(Builder b, String personalAccessToken, long seed) {
    this.personalAccessToken = personalAccessToken;
    this.bearerToken = b.bearerToken;
    this.port = b.port;
    this.latency = b.latency;
    this.faultRate = b.faultRate;
    this.seed = seed;
    this.faultKinds = Collections.unmodifiableSet(EnumSet.copyOf(b.faults));
    this.tstuLimit = b.tstuLimit;
    this.tstuWindow = b.tstuWindow;
    this.tstuCost = b.tstuCost;
    this.tstuMaxDelay = b.tstuMaxDelay;
    this.projectPageSize = b.projectPageSize == null ? 0 : b.projectPageSize;
    this.groupPageSize = b.groupPageSize;
    this.retryAfter = b.retryAfter;
    this.threads = b.threads;
    this.preEncodedPages = b.preEncodedPages;
  }

  /**
   * Checks a builder's settings and fills in the generated token and seed.
   *
   * @throws IllegalStateException naming the first setting that is missing or out of range
   */
  static AdoSimSettings of(Builder b) {
    if (b.estate == null) {
      throw new IllegalStateException("An estate is required: AzureDevOpsSimulator.builder(estate).");
    }
    if (b.personalAccessToken != null && !isToken(b.personalAccessToken)) {
      throw new IllegalStateException(
          "The personal access token must not be blank or contain spaces or control characters.");
    }
    if (b.bearerToken != null && !isToken(b.bearerToken)) {
      throw new IllegalStateException("The bearer token must not be blank or contain spaces or control characters.");
    }
    b.checkShared();
    checkBudget(b.tstuLimit, b.tstuWindow, b.tstuCost, b.tstuMaxDelay);
    if (b.projectPageSize != null && (b.projectPageSize < 1 || b.projectPageSize > Builder.MAX_PROJECT_PAGE_SIZE)) {
      throw new IllegalStateException("The project page size must be 1 to " + Builder.MAX_PROJECT_PAGE_SIZE
          + "; it is " + b.projectPageSize + ".");
    }
    if (b.groupPageSize < 1) {
      throw new IllegalStateException("The group page size must be at least 1; it is " + b.groupPageSize + ".");
    }
    if (b.retryAfter == null || b.retryAfter.isNegative()) {
      throw new IllegalStateException("The Retry-After duration must be zero or positive; it is "
          + (b.retryAfter == null ? "missing" : b.retryAfter) + ".");
    }
    SecureRandom random = new SecureRandom();
    String pat = b.personalAccessToken != null ? b.personalAccessToken : randomToken(random);
    return new AdoSimSettings(b, pat, b.seedOrRandom(random));
  }

  private static void checkBudget(double limit, Duration window, double cost, Duration maxDelay) {
    if (Double.isNaN(limit) || limit < 0) {
      throw new IllegalStateException("The TSTU limit must be positive (or 0 for no budget); it is " + limit + ".");
    }
    if (limit > 0 && (window == null || window.isNegative() || window.isZero())) {
      throw new IllegalStateException("The rate limit window must be a positive duration; it is "
          + (window == null ? "missing" : window) + ".");
    }
    if (Double.isNaN(cost) || cost <= 0 || Double.isInfinite(cost)) {
      throw new IllegalStateException("The TSTU cost of a request must be more than 0; it is " + cost + ".");
    }
    if (limit > 0 && cost > limit) {
      // No request could ever fit in the window: the budget would never admit one.
      throw new IllegalStateException("The TSTU cost of a request (" + cost + ") must not exceed the limit ("
          + limit + ").");
    }
    if (maxDelay == null || maxDelay.isNegative()) {
      throw new IllegalStateException("The longest TSTU delay must be zero or positive; it is "
          + (maxDelay == null ? "missing" : maxDelay) + ".");
    }
  }

  private static boolean isToken(String token) {
    if (token.isEmpty()) {
      return false;
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c <= 0x20 || c == 0x7f) {
        return false;
      }
    }
    return true;
  }

  /** A token shaped like a classic Azure DevOps PAT: 52 characters of the base32 alphabet, lower case. */
  private static String randomToken(SecureRandom random) {
    String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
    StringBuilder token = new StringBuilder(52);
    for (int i = 0; i < 52; i++) {
      token.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return token.toString();
  }

  /** Never a credential. */
  @Override
  public String toString() {
    return "Settings[****]";
  }
}
