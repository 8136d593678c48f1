package io.github.devopsconnector.core.discovery;

import io.github.devopsconnector.core.DevOpsPlatform;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsClient;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.azuredevops.RequestObserver;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Every request of a discovery or preflight passes here: it bounds how many run at once, counts them, retries
 * throttled ones, and stops new ones after cancellation.
 *
 * <p>Adaptive limit (additive increase, multiplicative decrease): a throttled response halves the limit (never
 * below 1); only the first throttle of a "generation" halves it, so the requests that were already in flight when
 * the limit dropped cannot halve it again. When the gate retries a throttled call itself, it holds back every new
 * request until the {@code Retry-After} has passed; a client that reports its requests waits that out on its own.
 * Every {@code restoreAfterSuccesses} successes in a row raise the limit by one, up to the configured maximum.
 *
 * <p>Bounded: nothing is held back longer than the options' {@code maxWait}, nothing waits past the run's deadline
 * ({@code timeout}), and a throttled request whose {@code Retry-After} exceeds either fails at once.
 *
 * <p>Counting: with a client that reports its HTTP requests ({@link #attach(AzureDevOpsClient)}), the gate counts
 * HTTP requests (the client's own retries included) and every 429 the client saw, and a 429 slows the gate down
 * even when the client retried it successfully; otherwise it counts calls of the client and the calls that failed
 * as throttled.
 */
final class RequestGate {

  /** Hears about requests; called outside the gate's lock. */
  interface Observer {
    /** A request completed. */
    void requestMade();

    /** A request was throttled; the new limit. */
    void throttled(Duration retryAfter, int limit);

    /** Observes nothing. */
    Observer NONE = new Observer() {
      @Override
      public void requestMade() {}

      @Override
      public void throttled(Duration retryAfter, int limit) {}
    };
  }

  private final Duration maxWait;
  private final Duration timeout;
  private final long deadlineNanos;
  private final int maximum;
  private final int maxRetries;
  private final int restoreAfterSuccesses;
  private final Duration defaultRetryAfter;
  private final Observer observer;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong throttledRequests = new AtomicLong();
  private volatile boolean countsHttp;
  /** The generation the calling thread's request started in, while the client sends it. */
  private final ThreadLocal<Long> callTicket = new ThreadLocal<>();

  // Guarded by this.
  private int limit;
  private int inFlight;
  private int successesInARow;
  private long generation;
  private long resumeAtNanos;
  private boolean cancelled;
  private boolean expired;

  RequestGate(DiscoveryOptions options, Observer observer) {
    this.maxWait = options.maxWait();
    this.timeout = options.timeout();
    this.deadlineNanos = System.nanoTime() + options.timeout().toNanos();
    this.maximum = options.concurrency();
    this.maxRetries = options.maxThrottleRetries();
    this.restoreAfterSuccesses = options.restoreAfterSuccesses();
    this.defaultRetryAfter = options.defaultRetryAfter();
    this.observer = observer;
    this.limit = maximum;
    this.resumeAtNanos = System.nanoTime();
  }

  /**
   * Runs one request when a slot is free, retrying it while it is throttled (up to the configured retries).
   *
   * @throws ServiceException what the request failed with; another runtime exception from the client becomes
   *     a {@link ServiceException.Kind#PROTOCOL} one with it as the cause
   * @throws CancellationException if the gate was cancelled (or the thread interrupted) before the request started
   */
  <T> T call(Supplier<T> request) {
    for (int attempt = 0; ; attempt++) {
      long ticket = acquire();
      if (!countsHttp) {
        requests.incrementAndGet();
      }
      T value;
      callTicket.set(ticket);
      try {
        value = request.get();
      } catch (ServiceException e) {
        if (e.kind() != ServiceException.Kind.THROTTLED) {
          releaseFailed();
          observer.requestMade();
          throw e;
        }
        Duration wait = e.retryAfter().filter(d -> !d.isNegative()).orElse(defaultRetryAfter);
        // Nothing is held back longer than the longest wait, nor past the run's deadline.
        Duration hold = min(min(wait, maxWait), remaining());
        if (countsHttp) {
          // The 429 was counted, and slowed the gate down, when the client saw it.
          releaseFailed();
          observer.requestMade();
        } else {
          throttledRequests.incrementAndGet();
          int newLimit = releaseThrottled(ticket, hold);
          observer.requestMade();
          observer.throttled(hold, newLimit);
        }
        if (attempt >= maxRetries || wait.compareTo(maxWait) > 0 || wait.compareTo(remaining()) >= 0) {
          throw e;
        }
        continue;
      } catch (RuntimeException e) {
        releaseFailed();
        observer.requestMade();
        // The failure's own text stays in the cause: it may quote a credential, and core has no scrubber.
        throw ServiceException.builder(ServiceException.Kind.PROTOCOL,
                "The Azure DevOps client failed unexpectedly (" + e.getClass().getName() + ").")
            .service(DevOpsPlatform.AZURE_DEVOPS.displayName())
            .cause(e)
            .build();
      } catch (Error e) {
        releaseFailed();
        throw e;
      } finally {
        callTicket.remove();
      }
      releaseSucceeded();
      observer.requestMade();
      return value;
    }
  }

  /**
   * The client to send through: the client's view that reports its HTTP requests to this gate when it has one
   * (then the gate counts HTTP requests and 429s), else the client itself (then the gate counts calls).
   */
  AzureDevOpsClient attach(AzureDevOpsClient client) {
    java.util.Optional<AzureDevOpsClient> observed = client.withRequestObserver(new RequestObserver() {
      @Override
      public void requestSent() {
        requests.incrementAndGet();
      }

      @Override
      public void throttled(Duration retryAfter) {
        throttledResponse(retryAfter);
      }
    });
    countsHttp = observed.isPresent();
    return observed.orElse(client);
  }

  /**
   * The client saw a 429: count it and halve the limit, once per generation (a 429 of a request that started before
   * the last halving does not halve it again). New requests are not held back here: a client that reports its
   * requests waits out the {@code Retry-After} itself, before its next request and on its own clock
   * ({@link RequestObserver#throttled(Duration)}); a second wait here would add real time to a client that waits in
   * virtual time.
   */
  private void throttledResponse(Duration retryAfter) {
    throttledRequests.incrementAndGet();
    Long ticket = callTicket.get();
    int newLimit;
    synchronized (this) {
      successesInARow = 0;
      if (ticket == null || ticket == generation) {
        limit = Math.max(1, limit / 2);
        generation++;
      }
      newLimit = limit;
    }
    Duration wait = retryAfter == null || retryAfter.isNegative() || retryAfter.isZero()
        ? defaultRetryAfter : retryAfter;
    observer.throttled(min(min(wait, maxWait), remaining()), newLimit);
  }

  /** Stops new requests; waiting callers get a {@link CancellationException}. */
  synchronized void cancel() {
    cancelled = true;
    notifyAll();
  }

  /** Ends the run's time: waiting and later callers get a {@code TRANSIENT} "time limit" failure. */
  synchronized void expire() {
    expired = true;
    notifyAll();
  }

  /** Whether the run's time ran out. */
  synchronized boolean isExpired() {
    return expired || deadlineNanos - System.nanoTime() <= 0;
  }

  /** The time left until the run's deadline; never negative. */
  Duration remaining() {
    return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
  }

  /** The failure of a request that could not start because the run's time ran out. */
  ServiceException deadlineExceeded() {
    return ServiceException.builder(ServiceException.Kind.TRANSIENT,
            "The time limit of the run (" + timeout + ") ran out before this work could be done.")
        .service(DevOpsPlatform.AZURE_DEVOPS.displayName())
        .remediation("Raise DiscoveryOptions.timeout, or check fewer organizations at a time.")
        .build();
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** Whether {@link #cancel()} was called. */
  synchronized boolean isCancelled() {
    return cancelled;
  }

  /** Requests started so far. */
  long requests() {
    return requests.get();
  }

  /** Requests answered as throttled so far. */
  long throttledRequests() {
    return throttledRequests.get();
  }

  /** The current limit. */
  synchronized int limit() {
    return limit;
  }

  private synchronized long acquire() {
    try {
      while (true) {
        if (cancelled) {
          throw new CancellationException("The discovery was cancelled.");
        }
        long now = System.nanoTime();
        long left = deadlineNanos - now;
        if (expired || left <= 0) {
          expired = true;
          throw deadlineExceeded();
        }
        long pause = resumeAtNanos - now;
        if (pause > 0) {
          TimeUnit.NANOSECONDS.timedWait(this, Math.min(pause, left));
        } else if (inFlight < limit) {
          inFlight++;
          return generation;
        } else {
          TimeUnit.NANOSECONDS.timedWait(this, left);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      if (expired && !cancelled) {
        throw deadlineExceeded();
      }
      throw new CancellationException("Interrupted while waiting to send a request to Azure DevOps.");
    }
  }

  private synchronized void releaseSucceeded() {
    inFlight--;
    if (limit < maximum && ++successesInARow >= restoreAfterSuccesses) {
      limit++;
      successesInARow = 0;
    }
    notifyAll();
  }

  private synchronized void releaseFailed() {
    inFlight--;
    successesInARow = 0;
    notifyAll();
  }

  private synchronized int releaseThrottled(long ticket, Duration wait) {
    inFlight--;
    successesInARow = 0;
    if (ticket == generation) {
      limit = Math.max(1, limit / 2);
      generation++;
    }
    long until = System.nanoTime() + wait.toNanos();
    if (until - resumeAtNanos > 0) {
      resumeAtNanos = until;
    }
    notifyAll();
    return limit;
  }
}
