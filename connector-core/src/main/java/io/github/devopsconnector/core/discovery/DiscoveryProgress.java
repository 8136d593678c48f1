package io.github.devopsconnector.core.discovery;

import org.immutables.value.Value;

/**
 * A snapshot of a running discovery, for progress bars. Totals grow as they become known: the organization total
 * once the selection is resolved, the project total as each organization's projects are listed. Within one
 * discovery, the snapshots a {@link DiscoveryListener} receives never go backwards.
 */
@Value.Immutable
public abstract class DiscoveryProgress {

  DiscoveryProgress() {}

  /** Selected organizations; 0 until the selection is resolved. */
  public abstract long organizationsTotal();

  /** Organizations whose discovery has begun. */
  public abstract long organizationsStarted();

  /** Organizations whose outcome is known. */
  public abstract long organizationsFinished();

  /** Projects listed so far (the total known so far). */
  public abstract long projectsTotal();

  /** Projects whose pipelines are listed (or that will not be, because their organization failed). */
  public abstract long projectsFinished();

  /** Repositories found so far. */
  public abstract long repositories();

  /** Pipelines found so far. */
  public abstract long pipelines();

  /** Requests made so far. */
  public abstract long requests();

  /** The current concurrency limit (lower than configured after throttling). */
  public abstract int concurrency();

  static ImmutableDiscoveryProgress.Builder builder() {
    return ImmutableDiscoveryProgress.builder();
  }

  @Override
  public String toString() {
    return "organizations " + organizationsFinished() + "/" + organizationsTotal() + ", projects "
        + projectsFinished() + "/" + projectsTotal() + ", " + repositories() + " repositories, " + pipelines()
        + " pipelines, " + requests() + " requests, concurrency " + concurrency();
  }
}
