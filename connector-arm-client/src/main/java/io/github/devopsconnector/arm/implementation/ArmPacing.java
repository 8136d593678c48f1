package io.github.devopsconnector.arm.implementation;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.logging.ClientLogger;
import io.github.devopsconnector.http.Pacing;
import io.github.devopsconnector.http.RetryAfter;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Paces requests on the budgets ARM reports per subscription and principal in
 * {@code x-ms-ratelimit-remaining-subscription-reads}, {@code -writes} and {@code -deletes} (a delete without its
 * own header counts against the writes): once the budget of a request's kind is at or below the reserve, every
 * request of that kind pauses first, so that the client slows down before ARM throttles it. A throttled or failed
 * answer that names its own wait ({@code Retry-After}) forgets the budget: the retry waits that long, and the
 * budget reported before the wait says nothing about after it. Thread-safe.
 */
public final class ArmPacing implements Pacing {
  private static final ClientLogger LOGGER = new ClientLogger(ArmPacing.class);
  private static final HttpHeaderName READS = HttpHeaderName.fromString("x-ms-ratelimit-remaining-subscription-reads");
  private static final HttpHeaderName WRITES =
      HttpHeaderName.fromString("x-ms-ratelimit-remaining-subscription-writes");
  private static final HttpHeaderName DELETES =
      HttpHeaderName.fromString("x-ms-ratelimit-remaining-subscription-deletes");

  private final long reserve;
  private final Duration pause;
  private final AtomicLong reads = new AtomicLong(-1);
  private final AtomicLong writes = new AtomicLong(-1);
  private final AtomicLong deletes = new AtomicLong(-1);

  /**
   * A pacing.
   *
   * @param reserve the remaining budget at which requests start to pause
   * @param pause the pause before each request once the budget of its kind is at or below the reserve
   */
  public ArmPacing(int reserve, Duration pause) {
    this.reserve = reserve;
    this.pause = Objects.requireNonNull(pause, "pause");
  }

  @Override
  public Duration reserveTurn(HttpRequest request) {
    Duration wait = pendingWait(request);
    if (!wait.isZero()) {
      LOGGER.atVerbose().addKeyValue("remaining", budget(request.getHttpMethod()).get())
          .log("Pacing: the subscription's ARM budget is low.");
    }
    return wait;
  }

  @Override
  public Duration pendingWait(HttpRequest request) {
    return waitFor(budget(request.getHttpMethod()));
  }

  @Override
  public void observe(HttpRequest request, HttpResponse response, Instant sentAt) {
    HttpMethod method = request.getHttpMethod();
    HttpHeaders headers = response.getHeaders();
    if (response.getStatusCode() >= 400 && RetryAfter.of(headers, sentAt).isPresent()) {
      budget(method).set(-1);
      return;
    }
    record(method, headers);
  }

  private void record(HttpMethod method, HttpHeaders headers) {
    String value = headers.getValue(isRead(method) ? READS : method == HttpMethod.DELETE ? DELETES : WRITES);
    if (value == null && method == HttpMethod.DELETE) {
      value = headers.getValue(WRITES);
    }
    if (value == null || value.isBlank()) {
      return;
    }
    try {
      budget(method).set(Math.max(0, Long.parseLong(value.trim())));
    } catch (NumberFormatException ignored) {
      // A budget that is not a number says nothing.
    }
  }

  /** The read budget's turn (requests without a method count as reads). */
  @Override
  public Duration reserveTurn() {
    return pendingWait();
  }

  /** The read budget's wait. */
  @Override
  public Duration pendingWait() {
    return waitFor(reads);
  }

  private Duration waitFor(AtomicLong budget) {
    long left = budget.get();
    return left >= 0 && left <= reserve ? pause : Duration.ZERO;
  }

  /** Reads the read budget. */
  @Override
  public void observe(HttpHeaders headers, Instant sentAt) {
    record(HttpMethod.GET, headers);
  }

  private static boolean isRead(HttpMethod method) {
    return method == HttpMethod.GET || method == HttpMethod.HEAD;
  }

  private AtomicLong budget(HttpMethod method) {
    return isRead(method) ? reads : method == HttpMethod.DELETE ? deletes : writes;
  }

  @Override
  public String toString() {
    return "ArmPacing{reserve=" + reserve + ", pause=" + pause + "}";
  }
}
