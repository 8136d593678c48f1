package io.github.devopsconnector.azuredevops;

import java.time.Duration;
import org.immutables.value.Value;

/**
 * How the client paces itself and retries. Azure DevOps limits each identity to 200 TSTUs in a sliding five-minute
 * window and says so in its responses: {@code Retry-After} (also on successful responses, before it starts
 * delaying), {@code X-RateLimit-Delay} and {@code X-RateLimit-Remaining}. The client honors those headers by
 * holding back its next request, and retries throttled (429) and transient (500, 502, 503, 504, I/O) failures of
 * {@code GET} and {@code HEAD} requests with jittered exponential backoff.
 *
 * <p>Every wait is capped at {@link #maxDelay()}. When the service asks a failed request to wait longer than that,
 * the client does not retry it; it fails at once with the service's {@code Retry-After} in the exception.
 */
@Value.Immutable
public abstract class AzureDevOpsRetryOptions {

  AzureDevOpsRetryOptions() {}

  /**
   * How many times a failed request is retried (not counting the first attempt); 0 turns retries off.
   * Default 4.
   *
   * @return the maximum number of retries
   */
  @Value.Default
  public int maxRetries() {
    return 4;
  }

  /**
   * The first backoff delay, doubled for each further retry and jittered by ±20%. Also the pause taken before the
   * next request when {@code X-RateLimit-Remaining} reaches 0. Default 800 ms.
   *
   * @return the base delay
   */
  @Value.Default
  public Duration baseDelay() {
    return Duration.ofMillis(800);
  }

  /**
   * The longest the client ever waits before one request, whatever the service asks. Default 60 s.
   *
   * @return the maximum delay
   */
  @Value.Default
  public Duration maxDelay() {
    return Duration.ofSeconds(60);
  }

  /**
   * Whether the client honors {@code Retry-After} (seconds or an HTTP date) and the {@code X-RateLimit-*}
   * headers. When off, only exponential backoff is used. Default on.
   *
   * @return whether the service's pacing headers are honored
   */
  @Value.Default
  public boolean honorRetryAfter() {
    return true;
  }

  @Value.Check
  final void check() {
    if (maxRetries() < 0 || maxRetries() > 20) {
      throw new IllegalArgumentException("maxRetries must be between 0 and 20; it is " + maxRetries() + ".");
    }
    if (baseDelay().isNegative()) {
      throw new IllegalArgumentException("baseDelay must not be negative; it is " + baseDelay() + ".");
    }
    if (maxDelay().isNegative() || maxDelay().isZero()) {
      throw new IllegalArgumentException("maxDelay must be positive; it is " + maxDelay() + ".");
    }
    if (baseDelay().compareTo(maxDelay()) > 0) {
      throw new IllegalArgumentException(
          "baseDelay (" + baseDelay() + ") must not be longer than maxDelay (" + maxDelay() + ").");
    }
  }

  /**
   * The defaults: 4 retries, 800 ms base delay, 60 s maximum delay, service pacing honored.
   *
   * @return the default options
   */
  public static AzureDevOpsRetryOptions defaults() {
    return builder().build();
  }

  /**
   * A builder that starts from the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds {@link AzureDevOpsRetryOptions}; {@code build()} throws {@link IllegalArgumentException} for values out
   * of range.
   */
  public static final class Builder extends ImmutableAzureDevOpsRetryOptions.Builder {
    Builder() {}
  }
}
