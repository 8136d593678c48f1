package io.github.devopsconnector.http;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Pacing by a service's quota headers: once the service says the quota is used up (its "remaining" header is 0,
 * with a "reset" header in epoch seconds) or asks to wait ({@code Retry-After}), no request of the client goes before
 * that time, not just the retried one. GitHub ({@code x-ratelimit-remaining}/{@code x-ratelimit-reset}) and GitLab
 * ({@code RateLimit-Remaining}/{@code RateLimit-Reset}) both ask clients not to send more while a limit holds.
 * Thread-safe.
 */
public final class ResetPacer implements Pacing {
  private final String service;
  private final HttpHeaderName remainingHeader;
  private final HttpHeaderName resetHeader;
  private final Waits waits;
  private final Duration maxWait;
  private Instant resumeAt = Instant.MIN;

  /**
   * A pacer.
   *
   * @param service the service's name, as in messages
   * @param remainingHeader the header with the requests left in the window
   * @param resetHeader the header with the end of the window, in epoch seconds
   * @param waits the client's clock
   * @param maxWait the longest a request waits for its turn; a longer hold fails it at once
   */
  public ResetPacer(String service, String remainingHeader, String resetHeader, Waits waits, Duration maxWait) {
    this.service = Objects.requireNonNull(service, "service");
    this.remainingHeader = HttpHeaderName.fromString(remainingHeader);
    this.resetHeader = HttpHeaderName.fromString(resetHeader);
    this.waits = Objects.requireNonNull(waits, "waits");
    this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
  }

  /** A request held back longer than the client waits: the service would only refuse it again, so it is not sent. */
  public static final class HeldBack extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Duration holdFor;

    HeldBack(String service, Duration wait) {
      super(service + "'s rate limit holds requests for another " + wait.getSeconds() + " s", null, false, false);
      this.holdFor = wait;
    }

    /**
     * How long the service still holds requests.
     *
     * @return the wait
     */
    public Duration holdFor() {
      return holdFor;
    }
  }

  /**
   * {@inheritDoc}
   *
   * @throws HeldBack if the service holds requests longer than the client waits
   */
  @Override
  public synchronized Duration reserveTurn() {
    Duration wait = pendingWait();
    if (wait.compareTo(maxWait) > 0) {
      throw new HeldBack(service, wait);
    }
    return wait;
  }

  @Override
  public synchronized Duration pendingWait() {
    Duration wait = Duration.between(waits.now(), resumeAt);
    return wait.isNegative() ? Duration.ZERO : wait;
  }

  @Override
  public synchronized void observe(HttpHeaders headers, Instant sentAt) {
    Instant now = waits.now();
    RetryAfter.of(headers, now).ifPresent(wait -> later(now.plus(wait)));
    String remaining = headers.getValue(remainingHeader);
    String reset = headers.getValue(resetHeader);
    if (remaining != null && remaining.trim().equals("0") && reset != null) {
      try {
        later(Instant.ofEpochSecond(Long.parseLong(reset.trim())));
      } catch (NumberFormatException | java.time.DateTimeException e) {
        // An unreadable reset leaves the pacing to Retry-After and the retry policy's backoff.
      }
    }
  }

  private void later(Instant instant) {
    if (instant.isAfter(resumeAt)) {
      resumeAt = instant;
    }
  }

  @Override
  public synchronized String toString() {
    return service + " pacer{" + (pendingWait().isZero() ? "open" : "paused " + pendingWait()) + "}";
  }
}
