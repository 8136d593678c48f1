package io.github.devopsconnector.core.discovery;

import java.time.Duration;
import org.immutables.value.Value;

/**
 * How {@link InventoryDiscovery} and {@link Preflight} pace their requests to Azure DevOps.
 *
 * <p><b>Bounded, adaptive concurrency.</b> At most {@link #concurrency()} requests are in flight at once, across
 * all organizations and projects. When Azure DevOps answers a request with
 * {@link io.github.devopsconnector.core.ServiceException.Kind#THROTTLED}, the effective limit is halved
 * (never below 1), no new request starts until the {@code Retry-After} the service asked for has passed (or
 * {@link #defaultRetryAfter()} when it named none), and the throttled request is retried, up to
 * {@link #maxThrottleRetries()} times; after that it fails like any other request. Every
 * {@link #restoreAfterSuccesses()} successful requests in a row raise the limit by one again, up to
 * {@link #concurrency()}. Azure DevOps limits each identity, not each organization, so the slow-down applies to
 * the whole run.
 *
 * <p><b>Every wait has an end.</b> A run as a whole ends by {@link #timeout()} (default 30 minutes): then the
 * requests in flight are interrupted, every organization not finished yet is {@code FAILED} with a
 * {@code TRANSIENT} error that says so, and the result is returned (a run still reading the user or their
 * organizations fails). No request is held back longer than {@link #maxWait()} (default 60 s) after throttling;
 * a throttled request whose {@code Retry-After} is longer than that, or than the time left, fails at once with
 * {@code THROTTLED} and the service's wait. Listings stop after {@link #maxProjectPages()} pages of projects and
 * {@link #maxPipelinePages()} pages of pipelines, and as soon as a page repeats only items already seen, with a
 * {@code PROTOCOL} error naming the listing: a server that pages without end fails its organization instead of
 * holding the run. Each call of the client has its own limits (for the REST client, its call timeout).
 */
@Value.Immutable
public abstract class DiscoveryOptions {

  /** The default number of requests in flight at once. */
  public static final int DEFAULT_CONCURRENCY = 8;

  /** The largest allowed {@link #concurrency()}. */
  public static final int MAX_CONCURRENCY = 256;

  DiscoveryOptions() {}

  /** The most requests in flight at once; 1 to {@value #MAX_CONCURRENCY}, default {@value #DEFAULT_CONCURRENCY}. */
  @Value.Default
  public int concurrency() {
    return DEFAULT_CONCURRENCY;
  }

  /** How many times one throttled request is retried before it fails; 0 to 10, default 3. */
  @Value.Default
  public int maxThrottleRetries() {
    return 3;
  }

  /** How many successful requests in a row raise a lowered concurrency limit by one; at least 1, default 20. */
  @Value.Default
  public int restoreAfterSuccesses() {
    return 20;
  }

  /** How long to wait after a throttled response that named no {@code Retry-After}; default 1 second. */
  @Value.Default
  public Duration defaultRetryAfter() {
    return Duration.ofSeconds(1);
  }

  /**
   * How long a whole discovery or preflight may take; default 30 minutes, at most a day. When it runs out, the
   * requests in flight are interrupted and the organizations not finished are reported as failed.
   */
  @Value.Default
  public Duration timeout() {
    return Duration.ofMinutes(30);
  }

  /**
   * The longest the run holds its requests back after throttling; default 60 seconds. A throttled request whose
   * {@code Retry-After} is longer fails at once with {@code THROTTLED} and the service's wait.
   */
  @Value.Default
  public Duration maxWait() {
    return Duration.ofSeconds(60);
  }

  /**
   * The most pages of one organization's projects; default 50. Azure DevOps Services allows at most 1,000 projects
   * per organization, which the REST client reads in 10 pages of 100.
   */
  @Value.Default
  public int maxProjectPages() {
    return 50;
  }

  /** The most pages of one project's pipelines; default 1,000 (100,000 pipelines in pages of 100). */
  @Value.Default
  public int maxPipelinePages() {
    return 1000;
  }

  /** The defaults. */
  public static DiscoveryOptions defaults() {
    return builder().build();
  }

  /** The defaults with another concurrency limit. */
  public static DiscoveryOptions withConcurrency(int concurrency) {
    return builder().concurrency(concurrency).build();
  }

  /** A builder, starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds {@link DiscoveryOptions}; {@code build()} throws {@link IllegalArgumentException} for values out of
   * range.
   */
  public static final class Builder extends ImmutableDiscoveryOptions.Builder {
    Builder() {}
  }

  @Value.Check
  final void check() {
    if (concurrency() < 1 || concurrency() > MAX_CONCURRENCY) {
      throw new IllegalArgumentException("The concurrency must be between 1 and " + MAX_CONCURRENCY + "; it is "
          + concurrency() + ".");
    }
    if (maxThrottleRetries() < 0 || maxThrottleRetries() > 10) {
      throw new IllegalArgumentException("The number of retries after throttling must be between 0 and 10; it is "
          + maxThrottleRetries() + ".");
    }
    if (restoreAfterSuccesses() < 1) {
      throw new IllegalArgumentException("The number of successes that restores concurrency must be at least 1; it is "
          + restoreAfterSuccesses() + ".");
    }
    if (timeout().isNegative() || timeout().isZero() || timeout().compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("The timeout must be positive and at most a day; it is " + timeout() + ".");
    }
    if (maxWait().isNegative() || maxWait().compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("The longest wait must be between 0 and a day; it is " + maxWait() + ".");
    }
    if (maxProjectPages() < 1 || maxPipelinePages() < 1) {
      throw new IllegalArgumentException("The page limits must be at least 1; they are " + maxProjectPages()
          + " (projects) and " + maxPipelinePages() + " (pipelines).");
    }
    if (defaultRetryAfter().isNegative()) {
      throw new IllegalArgumentException("The default retry delay must not be negative; it is "
          + defaultRetryAfter() + ".");
    }
  }
}
