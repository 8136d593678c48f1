package io.github.devopsconnector.core.discovery;

import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsProject;
import java.time.Duration;

/**
 * Follows a running discovery, for progress bars and logs. Every method does nothing by default.
 *
 * <p><b>Threads.</b> Callbacks come from the discovery's worker threads, but never two at once (the discovery
 * serializes them), and the {@link DiscoveryProgress} each one receives never goes backwards. Keep them short:
 * a slow callback slows the discovery. A UI should hand the snapshot to its own thread. An exception thrown by a
 * callback is logged and otherwise ignored. No callback is made after the discovery was cancelled or finished.
 */
public interface DiscoveryListener {

  /**
   * The discovery is about to send its first request. Called once, on the thread that started it; keep the handle
   * to {@link DiscoveryHandle#cancel() cancel} it later (even from another callback).
   */
  default void discoveryStarted(DiscoveryHandle<?> handle) {}

  /** An organization's discovery has begun. */
  default void organizationStarted(OrganizationName organization, DiscoveryProgress progress) {}

  /** An organization's projects are listed; the project total of the progress grew by {@code projects}. */
  default void projectsListed(OrganizationName organization, int projects, DiscoveryProgress progress) {}

  /** A project's pipelines are listed. */
  default void projectFinished(OrganizationName organization, AzureDevOpsProject project, DiscoveryProgress progress) {}

  /** An organization's outcome is known. */
  default void organizationFinished(OrganizationOutcome outcome, DiscoveryProgress progress) {}

  /** A request to Azure DevOps completed (successfully or not). */
  default void requestMade(DiscoveryProgress progress) {}

  /**
   * Azure DevOps throttled a request (429): no request starts before {@code retryAfter} has passed, and at most
   * {@code concurrency} run at once from now on. With a client that reports its HTTP requests (as the REST client
   * does), called for every 429 it met, also when its own retry then succeeded.
   */
  default void throttled(Duration retryAfter, int concurrency) {}

  /** A listener that does nothing. */
  static DiscoveryListener none() {
    return NoListener.INSTANCE;
  }
}

