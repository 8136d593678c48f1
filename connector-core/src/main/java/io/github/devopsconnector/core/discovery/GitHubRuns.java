package io.github.devopsconnector.core.discovery;

import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.github.GitHubClient;
import io.github.devopsconnector.core.github.GitHubInstallation;
import io.github.devopsconnector.core.github.GitHubOwner;
import io.github.devopsconnector.core.github.GitHubRepository;
import io.github.devopsconnector.core.github.GitHubUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What GitHub preflight and discovery share: the run under a deadline on one worker, the request count, and the
 * owners a selection names.
 *
 * <p>GitHub's REST guidance asks integrators to make requests serially rather than concurrently to stay clear of
 * the secondary rate limits (docs.github.com/rest/using-the-rest-api/best-practices-for-using-the-rest-api), so a
 * GitHub run sends one request at a time whatever {@link DiscoveryOptions#concurrency()} says.
 */
final class GitHubRuns {

  private GitHubRuns() {}

  /** A client that counts its calls (and the throttled ones), for the reports' request totals. */
  static final class Counting implements GitHubClient {
    private final GitHubClient client;
    final AtomicLong calls = new AtomicLong();
    final AtomicLong throttled = new AtomicLong();

    Counting(GitHubClient client) {
      this.client = client;
    }

    private <T> T count(Supplier<T> call) {
      calls.incrementAndGet();
      try {
        return call.get();
      } catch (ServiceException e) {
        if (e.kind() == ServiceException.Kind.THROTTLED) {
          throttled.incrementAndGet();
        }
        throw e;
      }
    }

    @Override
    public GitHubUser currentUser() {
      return count(client::currentUser);
    }

    @Override
    public List<GitHubOwner> owners() {
      return count(client::owners);
    }

    @Override
    public Optional<GitHubInstallation> appInstallation(GitHubOwner owner) {
      return count(() -> client.appInstallation(owner));
    }

    @Override
    public List<GitHubRepository> repositories(GitHubInstallation installation) {
      return count(() -> client.repositories(installation));
    }
  }

  /**
   * The owners a selection names, each with what the user's memberships say of it (empty when not a member),
   * sorted by login ignoring case.
   */
  static Map<OrganizationName, Optional<GitHubOwner>> targets(GitHubClient client, OrganizationSelection selection) {
    Map<OrganizationName, GitHubOwner> byLogin = new LinkedHashMap<>();
    for (GitHubOwner owner : client.owners()) {
      byLogin.putIfAbsent(owner.login(), owner);
    }
    List<OrganizationName> wanted = new ArrayList<>(selection.kind() == OrganizationSelection.Kind.EXPLICIT
        ? selection.organizations() : byLogin.keySet());
    wanted.sort(Ordering.ORGANIZATIONS);
    Map<OrganizationName, Optional<GitHubOwner>> targets = new LinkedHashMap<>();
    wanted.forEach(login -> targets.put(login, Optional.ofNullable(byLogin.get(login))));
    return targets;
  }

  /**
   * Runs the work on the executor (or a thread of its own) and waits at most the timeout.
   *
   * @throws ServiceException the work's failure, or a {@code TRANSIENT} time-limit failure (the work is interrupted)
   * @throws CancellationException if the calling thread was interrupted (the work is interrupted too)
   */
  static <T> T underDeadline(Supplier<T> work, Duration timeout, Executor executor, String name) {
    FutureTask<T> task = new FutureTask<>(work::get);
    if (executor != null) {
      executor.execute(task);
    } else {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      thread.start();
    }
    try {
      return task.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      task.cancel(true);
      Thread.currentThread().interrupt();
      throw new CancellationException("Interrupted while the " + name + " ran; it was stopped.");
    } catch (TimeoutException e) {
      task.cancel(true);
      throw ServiceException.builder(ServiceException.Kind.TRANSIENT,
              "The time limit of the run (" + timeout + ") ran out before this work could be done.")
          .remediation("Raise DiscoveryOptions.timeout, or check fewer GitHub owners at a time.")
          .build();
    } catch (ExecutionException e) {
      throw Causes.unchecked(e.getCause(), "The " + name + " failed.");
    }
  }
}
