package io.github.devopsconnector.github.implementation;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import io.github.devopsconnector.http.Pacing;
import io.github.devopsconnector.http.RetryAfter;
import io.github.devopsconnector.http.Waits;
import java.time.Duration;
import java.time.Instant;

/**
 * The client's GitHub pacing: once GitHub says the primary limit is used up ({@code x-ratelimit-remaining: 0}) or
 * asks to wait ({@code retry-after}), no request of the client goes before that time, not just the retried one
 * (docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api: "you should not retry your request until
 * after the time specified by the x-ratelimit-reset header"). Thread-safe.
 */
public final class GitHubPacer implements Pacing {
  private final Waits waits;
  private final Duration maxWait;
  private Instant resumeAt = Instant.MIN;

  /**
   * A pacer.
   *
   * @param waits the client's clock
   * @param maxWait the longest a request waits for its turn; a longer hold fails it at once
   */
  public GitHubPacer(Waits waits, Duration maxWait) {
    this.waits = waits;
    this.maxWait = maxWait;
  }

  /** A request held back longer than the client waits: GitHub would only refuse it again, so it is not sent. */
  public static final class HeldBack extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Duration holdFor;

    HeldBack(Duration wait) {
      super("GitHub's rate limit holds requests for another " + wait.getSeconds() + " s", null, false, false);
      this.holdFor = wait;
    }

    /**
     * How long GitHub still holds requests.
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
   * @throws HeldBack if GitHub holds requests longer than the client waits
   */
  @Override
  public synchronized Duration reserveTurn() {
    Duration wait = pendingWait();
    if (wait.compareTo(maxWait) > 0) {
      throw new HeldBack(wait);
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
    String remaining = headers.getValue(HttpHeaderName.fromString("x-ratelimit-remaining"));
    String reset = headers.getValue(HttpHeaderName.fromString("x-ratelimit-reset"));
    if (remaining != null && remaining.trim().equals("0") && reset != null) {
      try {
        later(Instant.ofEpochSecond(Long.parseLong(reset.trim())));
      } catch (NumberFormatException | java.time.DateTimeException e) {
        // An unreadable reset leaves the pacing to retry-after and the retry policy's backoff.
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
    return "GitHubPacer{" + (pendingWait().isZero() ? "open" : "paused " + pendingWait()) + "}";
  }
}
