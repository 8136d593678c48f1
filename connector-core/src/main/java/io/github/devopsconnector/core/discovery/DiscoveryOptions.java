package io.github.devopsconnector.core.discovery;

import java.time.Duration;
import org.immutables.value.Value;

/**
 * How {@link InventoryDiscovery} and {@link Preflight} pace their requests to Azure DevOps.
 *
 * <p><b>Bounded, adaptive concurrency.</b> At most {@link #concurrency()} requests are in flight at once, across
 * all organizations and projects. When Azure DevOps answers a request with
 * {@link io.github.devopsconnector.core.ado.AzureDevOpsException.Kind#THROTTLED}, the effective limit is halved
 * (never below 1), no new request starts until the {@code Retry-After} the service asked for has passed (or
 * {@link #defaultRetryAfter()} when it named none), and the throttled request is retried, up to
 * {@link #maxThrottleRetries()} times; after that it fails like any other request. Every
 * {@link #restoreAfterSuccesses()} successful requests in a row raise the limit by one again, up to
 * {@link #concurrency()}. Azure DevOps limits each identity, not each organization, so the slow-down applies to
 * the whole run.
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
    if (defaultRetryAfter().isNegative()) {
      throw new IllegalArgumentException("The default retry delay must not be negative; it is "
          + defaultRetryAfter() + ".");
    }
  }
}
