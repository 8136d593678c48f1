package io.github.devopsconnector.core.discovery;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A running discovery: wait for its result, follow its progress, or cancel it.
 *
 * <p><b>Cancelling</b> ({@link #cancel()}, or {@link #cancel(boolean)} from {@link Future}) takes effect at once:
 * the result is cancelled, waiting callers get a {@link CancellationException} right away, no request starts
 * afterwards, and the threads running the discovery's work are interrupted, which aborts the requests in flight of
 * a client that honours interrupts (the REST client does; its threads are free within a second even when the
 * server stalls). {@link #awaitTermination(Duration)} waits until the last of them has ended.
 *
 * @param <T> the result: {@link Inventory}, or {@link DiscoverySummary} for a streaming discovery
 */
public final class DiscoveryHandle<T> implements Future<T> {

  private final DiscoveryRun<T> run;

  DiscoveryHandle(DiscoveryRun<T> run) {
    this.run = run;
  }

  /** Cancels the discovery; does nothing if it already ended. */
  public void cancel() {
    run.cancel();
  }

  /**
   * Cancels the discovery. The threads running its work are interrupted whatever {@code mayInterruptIfRunning} says
   * (the interrupt is cleared again when they leave the discovery's work).
   *
   * @return whether this call cancelled it (false if it had already ended)
   */
  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    return run.cancel();
  }

  /** Whether the discovery was cancelled before it ended. */
  @Override
  public boolean isCancelled() {
    return run.result().isCancelled();
  }

  /** Whether the discovery ended: finished, failed or cancelled. */
  @Override
  public boolean isDone() {
    return run.result().isDone();
  }

  /**
   * Waits for the result.
   *
   * @throws CancellationException if the discovery was cancelled
   * @throws ExecutionException if it failed; the cause is the
   *     {@link io.github.devopsconnector.core.ServiceException} (when the user or their organizations could
   *     not be read) or what an {@link InventorySink} threw
   * @throws InterruptedException if the waiting thread was interrupted (the discovery goes on)
   */
  @Override
  public T get() throws InterruptedException, ExecutionException {
    return run.result().get();
  }

  /**
   * Waits at most {@code timeout} for the result.
   *
   * @throws TimeoutException if it is not ready by then (the discovery goes on)
   * @throws CancellationException if the discovery was cancelled
   * @throws ExecutionException if it failed (see {@link #get()})
   * @throws InterruptedException if the waiting thread was interrupted
   */
  @Override
  public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
    return run.result().get(timeout, unit);
  }

  /**
   * Waits for the result, rethrowing a failure as it was thrown. If the waiting thread is interrupted, the discovery
   * is cancelled and the thread's interrupt flag is set again.
   *
   * @throws CancellationException if the discovery was cancelled, or the waiting thread interrupted
   * @throws io.github.devopsconnector.core.ServiceException if the signed-in user or their organizations
   *     could not be read (failures of single organizations are outcomes, not exceptions)
   * @throws RuntimeException whatever an {@link InventorySink} threw
   */
  public T join() {
    try {
      return run.result().get();
    } catch (InterruptedException e) {
      run.cancel();
      Thread.currentThread().interrupt();
      throw new CancellationException("Interrupted while waiting for the discovery, which was cancelled.");
    } catch (ExecutionException e) {
      throw Causes.unchecked(e.getCause(), "The discovery failed.");
    }
  }

  /** A snapshot of the progress so far; may be called from any thread at any time. */
  public DiscoveryProgress progress() {
    return run.progress();
  }

  /**
   * Waits until no work of the discovery is running any more: after it finished, failed, or was cancelled and its
   * requests in flight have ended. The discovery's own threads are gone by then.
   *
   * @return whether it terminated within the timeout
   * @throws InterruptedException if the waiting thread was interrupted
   */
  public boolean awaitTermination(Duration timeout) throws InterruptedException {
    return run.awaitTermination(Objects.requireNonNull(timeout, "timeout"));
  }

  /** The result as a stage to chain on; completing it from outside is not possible. */
  public CompletionStage<T> completion() {
    return run.result().minimalCompletionStage();
  }

  @Override
  public String toString() {
    return "DiscoveryHandle{" + (isCancelled() ? "cancelled" : isDone() ? "done" : "running") + ", " + progress()
        + "}";
  }
}
