package io.github.devopsconnector.core.azuredevops;

import java.time.Duration;

/**
 * Hears about the HTTP requests an {@link AzureDevOpsClient} sends on behalf of one caller, retries included: what
 * {@code InventoryDiscovery} and {@code Preflight} count when the client can report them (see
 * {@link AzureDevOpsClient#withRequestObserver(RequestObserver)}). Called from the threads that send the requests,
 * possibly several at once; implementations must be thread-safe and quick.
 */
public interface RequestObserver {

  /** An HTTP request is being sent: every attempt counts, so a request retried twice counts three times. */
  void requestSent();

  /**
   * Azure DevOps answered a request with 429 (blocked by its rate limit); the client waits before it retries or
   * gives up.
   *
   * @param retryAfter the wait the service asked for ({@code Retry-After}), zero when it named none
   */
  void throttled(Duration retryAfter);
}
