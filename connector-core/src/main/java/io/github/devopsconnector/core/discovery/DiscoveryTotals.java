package io.github.devopsconnector.core.discovery;

import org.immutables.value.Value;

/** What a discovery found in all, and how many requests it took. */
@Value.Immutable
public abstract class DiscoveryTotals {

  DiscoveryTotals() {}

  /** Organizations in the result, whatever their status. */
  public abstract long organizations();

  /** Projects, over all organizations. */
  public abstract long projects();

  /** Git repositories, over all organizations. */
  public abstract long repositories();

  /** Pipelines, over all organizations. */
  public abstract long pipelines();

  /**
   * Requests sent to Azure DevOps, including failed and throttled ones. With a client that reports its HTTP
   * requests ({@link io.github.devopsconnector.core.azuredevops.AzureDevOpsClient#withRequestObserver}, as the REST client
   * does) these are HTTP requests, the client's own retries included; otherwise calls of the client.
   */
  public abstract long requests();

  /**
   * Requests that Azure DevOps answered as throttled (429), each retried or failed: every 429 the client met when
   * it reports its HTTP requests, else the calls that failed as throttled.
   */
  public abstract long throttledRequests();

  static ImmutableDiscoveryTotals.Builder builder() {
    return ImmutableDiscoveryTotals.builder();
  }

  @Override
  public String toString() {
    return organizations() + " organizations, " + projects() + " projects, " + repositories() + " repositories, "
        + pipelines() + " pipelines, " + requests() + " requests (" + throttledRequests() + " throttled)";
  }
}
