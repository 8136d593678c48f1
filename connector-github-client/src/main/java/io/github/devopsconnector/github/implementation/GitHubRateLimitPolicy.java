package io.github.devopsconnector.github.implementation;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpResponse;
import io.github.devopsconnector.github.implementation.models.ErrorDto;
import io.github.devopsconnector.http.DetachedResponse;
import io.github.devopsconnector.http.Json;
import io.github.devopsconnector.http.ResponseRewritePolicy;
import io.github.devopsconnector.http.SecretScrubber;
import io.github.devopsconnector.http.Waits;
import java.time.Duration;
import java.util.Optional;

/**
 * Makes GitHub's rate-limit answers look like what the shared retry policy waits on: GitHub answers a rate limit
 * with 403 or 429 (docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api), while 403 also means "not
 * allowed", which must never be retried. A 403 or 429 that is a rate limit by GitHub's documented signals
 * ({@link GitHubErrorMapper#isRateLimit}) is handed on as a 429 with a {@code Retry-After}: GitHub's own
 * {@code retry-after}; else, with {@code x-ratelimit-remaining: 0}, the time until {@code x-ratelimit-reset}; else
 * one minute ("wait for at least one minute before retrying"). The original status travels in
 * {@link #ORIGINAL_STATUS} so that a failure reports it. Every other response passes untouched. Sits after the
 * retry policy, so that the retry policy sees what it hands on.
 */
public final class GitHubRateLimitPolicy extends ResponseRewritePolicy {
  /** The header that carries the status GitHub sent, on a rate-limit answer this policy rewrote. */
  public static final String ORIGINAL_STATUS = "x-devopsconnector-github-status";
  /** GitHub: without retry-after or a used-up primary limit, "wait for at least one minute before retrying". */
  static final Duration SECONDARY_DEFAULT_WAIT = Duration.ofMinutes(1);

  private final Waits waits;
  private final SecretScrubber scrubber;

  /**
   * A policy.
   *
   * @param waits the client's clock
   * @param scrubber the client's scrubber
   */
  public GitHubRateLimitPolicy(Waits waits, SecretScrubber scrubber) {
    this.waits = waits;
    this.scrubber = scrubber;
  }

  @Override
  protected HttpResponse rewrite(HttpResponse response) {
    int status = response.getStatusCode();
    if (status != 403 && status != 429) {
      return response;
    }
    HttpHeaders headers = response.getHeaders();
    Optional<String> remaining = Optional.ofNullable(headers.getValue(HttpHeaderName.fromString("x-ratelimit-remaining")));
    Optional<String> retryAfter = Optional.ofNullable(headers.getValue(HttpHeaderName.RETRY_AFTER));
    byte[] body = response.getBodyAsBinaryData().toBytes();
    Optional<String> message = Json.tryDecode(body, ErrorDto.class).map(ErrorDto::message);
    HttpHeaders copy = new HttpHeaders(headers);
    if (GitHubErrorMapper.isRateLimit(status, remaining, retryAfter, message)) {
      if (retryAfter.isEmpty()) {
        copy.set(HttpHeaderName.RETRY_AFTER, String.valueOf(wait(headers, remaining).getSeconds()));
      }
      copy.set(HttpHeaderName.fromString(ORIGINAL_STATUS), String.valueOf(status));
      response.close();
      return DetachedResponse.of(response.getRequest(), 429, copy, body, scrubber);
    }
    response.close();
    return DetachedResponse.of(response.getRequest(), status, copy, body, scrubber);
  }

  /** The wait GitHub asks for when it sends no {@code retry-after}. */
  private Duration wait(HttpHeaders headers, Optional<String> remaining) {
    if (remaining.map(String::trim).filter("0"::equals).isPresent()) {
      String reset = headers.getValue(HttpHeaderName.fromString("x-ratelimit-reset"));
      try {
        long seconds = Long.parseLong(reset == null ? "" : reset.trim()) - waits.now().getEpochSecond();
        return Duration.ofSeconds(Math.max(1, seconds));
      } catch (NumberFormatException e) {
        return SECONDARY_DEFAULT_WAIT;
      }
    }
    return SECONDARY_DEFAULT_WAIT;
  }

  @Override
  public String toString() {
    return "GitHubRateLimitPolicy";
  }
}
