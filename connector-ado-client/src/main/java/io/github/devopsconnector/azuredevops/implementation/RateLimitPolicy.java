package io.github.devopsconnector.azuredevops.implementation;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.util.logging.ClientLogger;
import io.github.devopsconnector.core.azuredevops.RequestObserver;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;

/**
 * Paces requests by the service's rate-limit headers (through the shared {@link Pacer}) and retries what is worth
 * retrying: 429, 500, 502, 503 and 504 responses and I/O failures, for {@code GET} and {@code HEAD} only, at most
 * {@code maxRetries} times. A retried response that carries {@code Retry-After} waits that long (the pacer holds
 * every request of the client until then); otherwise the retry waits a jittered exponential backoff. A response
 * that asks for a longer wait than the maximum delay is returned as is, so that the caller fails fast with the
 * service's {@code Retry-After}; so is one whose wait would outlast the call's deadline ({@link CallDeadline}).
 * Replaces azure-core's {@code RetryPolicy}.
 */
public final class RateLimitPolicy implements HttpPipelinePolicy {
  private static final ClientLogger LOGGER = new ClientLogger(RateLimitPolicy.class);
  private static final Set<Integer> RETRYABLE_STATUS = Set.of(429, 500, 502, 503, 504);
  /** The context key of the {@link RequestObserver} that hears about every attempt of a request, if any. */
  static final String OBSERVER = RequestObserver.class.getName();

  private final Pacer pacer;

  /** A policy that paces and retries through the pacer. */
  public RateLimitPolicy(Pacer pacer) {
    this.pacer = Objects.requireNonNull(pacer, "pacer");
  }

  @Override
  public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
    boolean retryable = isRetryableMethod(context.getHttpRequest().getHttpMethod());
    RetrySettings settings = pacer.settings();
    RequestObserver observer = observer(context);
    for (int attempt = 0; ; attempt++) {
      pacer.awaitTurn();
      HttpResponse response;
      observer.requestSent();
      Instant sent = pacer.now();
      try {
        response = next.clone().processSync();
      } catch (RuntimeException e) {
        if (!retryable || attempt >= settings.maxRetries() || !isTransportFailure(e)) {
          throw e;
        }
        Duration backoff = backoff(attempt);
        if (CallDeadline.outlasts(context.getContext(), backoff)) {
          // The call's deadline comes first; waiting would only end in a timeout.
          throw e;
        }
        logRetry(attempt, "an I/O failure (" + e.getClass().getSimpleName() + ")", backoff);
        pacer.sleep(backoff);
        continue;
      }
      pacer.observe(response.getHeaders(), sent);
      reportThrottled(observer, response);
      Optional<Duration> wait = retryWait(response, attempt, retryable)
          .filter(w -> !CallDeadline.outlasts(context.getContext(), w.isZero() ? pacer.pendingWait() : w));
      if (wait.isEmpty()) {
        return response;
      }
      response.close();
      logRetry(attempt, "status " + response.getStatusCode(), wait.get());
      pacer.sleep(wait.get());
    }
  }

  @Override
  public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
    boolean retryable = isRetryableMethod(context.getHttpRequest().getHttpMethod());
    return attemptAsync(next, 0, retryable, observer(context));
  }

  private Mono<HttpResponse> attemptAsync(HttpPipelineNextPolicy next, int attempt, boolean retryable,
      RequestObserver observer) {
    RetrySettings settings = pacer.settings();
    Duration turn = pacer.reserveTurn();
    AtomicReference<Instant> sent = new AtomicReference<>();
    Mono<HttpResponse> send = Mono.defer(() -> {
      observer.requestSent();
      sent.set(pacer.now());
      return next.clone().process();
    });
    Mono<HttpResponse> paced = turn.isZero() ? send : Mono.delay(turn).then(send);
    return paced
        .map(Outcome::of)
        .onErrorResume(RuntimeException.class, e -> Mono.just(Outcome.failed(e)))
        .flatMap(outcome -> {
          if (outcome.error != null) {
            RuntimeException e = outcome.error;
            if (!retryable || attempt >= settings.maxRetries() || !isTransportFailure(e)) {
              return Mono.error(e);
            }
            Duration backoff = backoff(attempt);
            logRetry(attempt, "an I/O failure (" + e.getClass().getSimpleName() + ")", backoff);
            return delay(backoff).then(attemptAsync(next, attempt + 1, retryable, observer));
          }
          HttpResponse response = outcome.response;
          pacer.observe(response.getHeaders(), sent.get());
          reportThrottled(observer, response);
          Optional<Duration> wait = retryWait(response, attempt, retryable);
          if (wait.isEmpty()) {
            return Mono.just(response);
          }
          response.close();
          logRetry(attempt, "status " + response.getStatusCode(), wait.get());
          return delay(wait.get()).then(attemptAsync(next, attempt + 1, retryable, observer));
        });
  }

  private static RequestObserver observer(HttpPipelineCallContext context) {
    Object observer = context.getData(OBSERVER).orElse(null);
    return observer instanceof RequestObserver ? (RequestObserver) observer : NO_OBSERVER;
  }

  private void reportThrottled(RequestObserver observer, HttpResponse response) {
    if (response.getStatusCode() == 429) {
      observer.throttled(RateLimitHeaders.retryAfter(response.getHeaders(), pacer.now()).orElse(Duration.ZERO));
    }
  }

  private static final RequestObserver NO_OBSERVER = new RequestObserver() {
    @Override
    public void requestSent() {}

    @Override
    public void throttled(Duration retryAfter) {}
  };

  private static Mono<Long> delay(Duration duration) {
    return duration.isZero() ? Mono.just(0L) : Mono.delay(duration);
  }

  /**
   * How long to wait before retrying this response, beyond what the pacer already holds back; empty when it is
   * not retried.
   */
  private Optional<Duration> retryWait(HttpResponse response, int attempt, boolean retryable) {
    RetrySettings settings = pacer.settings();
    if (!retryable || attempt >= settings.maxRetries() || !RETRYABLE_STATUS.contains(response.getStatusCode())) {
      return Optional.empty();
    }
    if (settings.honorRetryAfter()) {
      Optional<Duration> asked = RateLimitHeaders.retryAfter(response.getHeaders(), pacer.now());
      if (asked.isPresent()) {
        if (asked.get().compareTo(settings.maxDelay()) > 0) {
          // Waiting less than asked would only be refused again; hand the response back so the caller fails fast.
          return Optional.empty();
        }
        // The pacer already holds the next attempt until then.
        return Optional.of(Duration.ZERO);
      }
    }
    return Optional.of(backoff(attempt));
  }

  /** The jittered exponential backoff for a retry: base × 2^attempt × [0.8, 1.2], capped at the maximum delay. */
  Duration backoff(int attempt) {
    RetrySettings settings = pacer.settings();
    long baseNanos = settings.baseDelay().toNanos();
    long maxNanos = settings.maxDelay().toNanos();
    double exponential = baseNanos * Math.pow(2, Math.min(attempt, 30));
    double jittered = exponential * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble());
    return Duration.ofNanos((long) Math.min(jittered, (double) maxNanos));
  }

  private static boolean isRetryableMethod(HttpMethod method) {
    return method == HttpMethod.GET || method == HttpMethod.HEAD;
  }

  /** Whether the failure is a transport failure (I/O, timeout) rather than a programming or credential error. */
  static boolean isTransportFailure(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof Pacer.WaitInterruptedException) {
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

  private static void logRetry(int attempt, String reason, Duration wait) {
    LOGGER.atVerbose()
        .addKeyValue("attempt", attempt + 1)
        .addKeyValue("waitMillis", wait.toMillis())
        .log("Retrying an Azure DevOps request after " + reason + ".");
  }

  private static final class Outcome {
    final HttpResponse response;
    final RuntimeException error;

    private Outcome(HttpResponse response, RuntimeException error) {
      this.response = response;
      this.error = error;
    }

    static Outcome of(HttpResponse response) {
      return new Outcome(response, null);
    }

    static Outcome failed(RuntimeException error) {
      return new Outcome(null, error);
    }
  }

  @Override
  public String toString() {
    return "RateLimitPolicy" + pacer.settings();
  }
}
