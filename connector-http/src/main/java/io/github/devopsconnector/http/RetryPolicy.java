package io.github.devopsconnector.http;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.util.logging.ClientLogger;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;

/**
 * Paces requests (through the client's {@link Pacing}) and retries what is worth retrying: the retried statuses
 * and I/O failures, at most {@link RetrySettings#maxRetries()} times, of {@code GET} and {@code HEAD} requests, or
 * of whichever requests the client marks with {@link #RETRY_KEY} (a client may send an idempotent {@code PUT} or
 * {@code DELETE} again, and must never send again a request that carries a one-time secret). A
 * retried response that carries a wait ({@link RetryAfter}) waits that long; otherwise the retry waits the
 * backoff. A response that asks for a longer wait than {@link RetrySettings#maxRetryWait()} is returned as
 * is, so that the caller fails fast with the service's wait; so is one whose wait would outlast the call's
 * deadline ({@link CallDeadline}). Replaces azure-core's {@code RetryPolicy}, whose waits have no deadline.
 */
public final class RetryPolicy implements HttpPipelinePolicy {
  private static final ClientLogger LOGGER = new ClientLogger(RetryPolicy.class);

  /** The statuses retried by default: 429, 500, 502, 503 and 504. */
  public static final Set<Integer> DEFAULT_RETRIED_STATUSES = Set.of(429, 500, 502, 503, 504);
  /** The context key of the {@link Listener} that hears about every attempt of a request, if any. */
  public static final String LISTENER_KEY = "io.github.devopsconnector.http.attempt-listener";
  /**
   * The context key of a request's retry decision, a {@code Boolean}: {@code true} when the request may be sent
   * again (it is idempotent), {@code false} when it must be sent at most once. Without it, only {@code GET} and
   * {@code HEAD} are retried.
   */
  public static final String RETRY_KEY = "io.github.devopsconnector.http.retry";

  /** Hears about every attempt of a request; put one in the request's context under {@link #LISTENER_KEY}. */
  public interface Listener {
    /** An attempt is about to be sent. */
    void sent();

    /**
     * An attempt was answered 429.
     *
     * @param retryAfter the wait the answer asked for; zero when it named none
     */
    void throttled(Duration retryAfter);
  }

  private static final Listener NO_LISTENER = new Listener() {
    @Override
    public void sent() {}

    @Override
    public void throttled(Duration retryAfter) {}
  };

  private final RetrySettings settings;
  private final Waits waits;
  private final Pacing pacing;
  private final Set<Integer> retriedStatuses;
  private final String service;

  /**
   * A policy.
   *
   * @param settings the retry settings
   * @param waits the clock and sleeper
   * @param pacing the client's pacing state ({@link Pacing#none()} for none)
   * @param retriedStatuses the statuses retried ({@link #DEFAULT_RETRIED_STATUSES})
   * @param service the service's name, for the log ({@code "Azure DevOps"})
   */
  public RetryPolicy(RetrySettings settings, Waits waits, Pacing pacing, Set<Integer> retriedStatuses,
      String service) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.waits = Objects.requireNonNull(waits, "waits");
    this.pacing = Objects.requireNonNull(pacing, "pacing");
    this.retriedStatuses = Set.copyOf(retriedStatuses);
    this.service = Objects.requireNonNull(service, "service");
  }

  /**
   * The settings.
   *
   * @return the settings
   */
  public RetrySettings settings() {
    return settings;
  }

  @Override
  public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
    boolean retryable = isRetryable(context);
    Listener listener = listener(context);
    HttpRequest request = context.getHttpRequest();
    for (int attempt = 0; ; attempt++) {
      Duration turn = pacing.reserveTurn(request);
      if (!turn.isZero() && CallDeadline.outlasts(context.getContext(), turn)) {
        // Sleeping into the deadline would only end in a timeout later (or never, with a sleeper that ignores
        // interruption): end the call now.
        throw new CallDeadline.WouldOutlast("pacing", turn);
      }
      waits.sleep(turn);
      HttpResponse response;
      listener.sent();
      Instant sent = waits.now();
      try {
        response = next.clone().processSync();
      } catch (RuntimeException e) {
        if (!retryable || attempt >= settings.maxRetries() || !isTransportFailure(e)) {
          throw e;
        }
        Duration backoff = settings.backoff(attempt);
        if (CallDeadline.outlasts(context.getContext(), backoff)) {
          // The call's deadline comes first; waiting would only end in a timeout.
          throw e;
        }
        logRetry(attempt, "an I/O failure (" + e.getClass().getSimpleName() + ")", backoff);
        waits.sleep(backoff);
        continue;
      }
      pacing.observe(request, response, sent);
      reportThrottled(listener, response);
      Optional<Duration> wait = retryWait(request, response, attempt, retryable)
          .filter(w -> !CallDeadline.outlasts(context.getContext(), longer(w, pacing.pendingWait(request))));
      if (wait.isEmpty()) {
        return response;
      }
      response.close();
      logRetry(attempt, "status " + response.getStatusCode(), wait.get());
      waits.sleep(wait.get());
    }
  }

  @Override
  public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
    return attemptAsync(context, next, 0, isRetryable(context), listener(context));
  }

  private Mono<HttpResponse> attemptAsync(HttpPipelineCallContext context, HttpPipelineNextPolicy next, int attempt,
      boolean retryable, Listener listener) {
    HttpRequest request = context.getHttpRequest();
    Duration turn = pacing.reserveTurn(request);
    if (!turn.isZero() && CallDeadline.outlasts(context.getContext(), turn)) {
      return Mono.error(new CallDeadline.WouldOutlast("pacing", turn));
    }
    AtomicReference<Instant> sent = new AtomicReference<>();
    Mono<HttpResponse> send = Mono.defer(() -> {
      listener.sent();
      sent.set(waits.now());
      return next.clone().process();
    });
    Mono<HttpResponse> paced = turn.isZero() ? send : Mono.delay(turn).then(send);
    return paced
        .map(Outcome::of)
        .onErrorResume(RuntimeException.class, e -> Mono.just(Outcome.failed(e)))
        .flatMap(outcome -> {
          if (outcome.error() != null) {
            RuntimeException e = outcome.error();
            if (!retryable || attempt >= settings.maxRetries() || !isTransportFailure(e)) {
              return Mono.error(e);
            }
            Duration backoff = settings.backoff(attempt);
            logRetry(attempt, "an I/O failure (" + e.getClass().getSimpleName() + ")", backoff);
            return delay(backoff).then(attemptAsync(context, next, attempt + 1, retryable, listener));
          }
          HttpResponse response = outcome.response();
          pacing.observe(request, response, sent.get());
          reportThrottled(listener, response);
          Optional<Duration> wait = retryWait(request, response, attempt, retryable);
          if (wait.isEmpty()) {
            return Mono.just(response);
          }
          response.close();
          logRetry(attempt, "status " + response.getStatusCode(), wait.get());
          return delay(wait.get()).then(attemptAsync(context, next, attempt + 1, retryable, listener));
        });
  }

  private static Listener listener(HttpPipelineCallContext context) {
    Object listener = context.getData(LISTENER_KEY).orElse(null);
    return listener instanceof Listener ? (Listener) listener : NO_LISTENER;
  }

  private void reportThrottled(Listener listener, HttpResponse response) {
    if (response.getStatusCode() == 429) {
      listener.throttled(RetryAfter.of(response.getHeaders(), waits.now()).orElse(Duration.ZERO));
    }
  }

  private static Mono<Long> delay(Duration duration) {
    return duration.isZero() ? Mono.just(0L) : Mono.delay(duration);
  }

  /**
   * How long to wait before retrying this response, beyond what the pacing already holds back; empty when it is
   * not retried.
   */
  private Optional<Duration> retryWait(HttpRequest request, HttpResponse response, int attempt,
      boolean retryable) {
    if (!retryable || attempt >= settings.maxRetries() || !retriedStatuses.contains(response.getStatusCode())) {
      return Optional.empty();
    }
    Optional<Duration> asked = RetryAfter.of(response.getHeaders(), waits.now());
    if (asked.isPresent()) {
      if (asked.get().compareTo(settings.maxRetryWait()) > 0) {
        // Waiting less than asked would only be refused again; hand the response back so the caller fails fast.
        return Optional.empty();
      }
      // The pacing may already hold the next attempt until then (it read the same header); what it does not hold
      // (less than a millisecond is only the time since it read the header) is waited here.
      Duration beyond = asked.get().minus(pacing.pendingWait(request));
      return Optional.of(beyond.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ZERO : beyond);
    }
    return Optional.of(settings.backoff(attempt));
  }

  /** The wait before the next attempt: the retry's own, or the pacing's when that is longer. */
  private static Duration longer(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** The request's own retry decision ({@link #RETRY_KEY}), else whether its method is {@code GET} or {@code HEAD}. */
  private static boolean isRetryable(HttpPipelineCallContext context) {
    Object decided = context.getData(RETRY_KEY).orElse(null);
    if (decided instanceof Boolean) {
      return (Boolean) decided;
    }
    HttpMethod method = context.getHttpRequest().getHttpMethod();
    return method == HttpMethod.GET || method == HttpMethod.HEAD;
  }

  /**
   * Whether the failure is a transport failure (I/O, timeout) rather than a programming or credential error or an
   * interrupted wait.
   *
   * @param failure what the pipeline threw
   * @return whether a retry may help
   */
  public static boolean isTransportFailure(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof Waits.WaitInterruptedException) {
        return false;
      }
      if (t instanceof IOException || t instanceof TimeoutException) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  private void logRetry(int attempt, String reason, Duration wait) {
    LOGGER.atVerbose()
        .addKeyValue("attempt", attempt + 1)
        .addKeyValue("waitMillis", wait.toMillis())
        .log("Retrying a " + service + " request after " + reason + ".");
  }

  /** What one asynchronous attempt gave: a response, or the failure. */
  private record Outcome(HttpResponse response, RuntimeException error) {
    static Outcome of(HttpResponse response) {
      return new Outcome(response, null);
    }

    static Outcome failed(RuntimeException error) {
      return new Outcome(null, error);
    }
  }

  @Override
  public String toString() {
    return "RetryPolicy" + settings;
  }
}
