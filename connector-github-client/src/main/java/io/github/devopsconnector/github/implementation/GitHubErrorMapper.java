package io.github.devopsconnector.github.implementation;

import io.github.devopsconnector.github.implementation.models.ErrorDto;
import io.github.devopsconnector.http.DetachedResponse;
import io.github.devopsconnector.http.Json;
import io.github.devopsconnector.http.RestErrorMapper;
import io.github.devopsconnector.http.SecretScrubber;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns failed GitHub exchanges into {@link io.github.devopsconnector.core.ServiceException}s: kind, status, request
 * id ({@code X-GitHub-Request-Id}), GitHub's {@code message} (scrubbed and clipped), a remediation. Rate limits are
 * told from permission failures as GitHub documents (docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api):
 * a 403 or 429 with {@code x-ratelimit-remaining: 0}, with {@code retry-after}, or whose message speaks of a rate
 * limit is {@code THROTTLED}; any other 403 is {@code NOT_AUTHORIZED}.
 */
public final class GitHubErrorMapper extends RestErrorMapper<GitHubCall> {
  /** The service's name in exceptions. */
  public static final String SERVICE = "GitHub";

  /**
   * The failures of a client.
   *
   * @param clock the client's clock
   * @param scrubber the client's scrubber
   */
  public GitHubErrorMapper(Clock clock, SecretScrubber scrubber) {
    super(SERVICE, "GitHubRestClientBuilder", "the GitHub REST API root (https://api.github.com)", clock, scrubber);
  }

  @Override
  protected String operation(GitHubCall call) {
    return call.operation();
  }

  @Override
  protected ServiceText serviceText(DetachedResponse response) {
    return new ServiceText(serverMessage(response), Optional.empty());
  }

  /** GitHub's {@code message}, scrubbed and clipped, if the body has one. */
  private static Optional<String> serverMessage(DetachedResponse response) {
    return Json.tryDecode(response.bodyBytes(), ErrorDto.class).map(ErrorDto::message).filter(m -> !m.isBlank())
        .map(m -> response.scrubber().scrubAndClip(m, MAX_MESSAGE));
  }

  /**
   * Whether a response is one of GitHub's rate-limit answers rather than a refusal (the documented signals: a 403
   * or 429 with {@code x-ratelimit-remaining: 0}, or with {@code retry-after}, or a message about a rate limit).
   *
   * @param status the status
   * @param remaining the {@code x-ratelimit-remaining} header, if any
   * @param retryAfter the {@code retry-after} header, if any
   * @param message GitHub's message, if any
   * @return whether it is a rate limit
   */
  public static boolean isRateLimit(int status, Optional<String> remaining, Optional<String> retryAfter,
      Optional<String> message) {
    if (status != 403 && status != 429) {
      return false;
    }
    return status == 429 || remaining.map(String::trim).filter("0"::equals).isPresent() || retryAfter.isPresent()
        || message.map(m -> m.toLowerCase(Locale.ROOT).contains("rate limit")).orElse(false);
  }

  @Override
  protected int originalStatus(DetachedResponse response) {
    return response.header(GitHubRateLimitPolicy.ORIGINAL_STATUS).map(Integer::valueOf)
        .orElse(response.getStatusCode());
  }

  @Override
  protected boolean isThrottled(DetachedResponse response, int status, ServiceText text) {
    return response.header(GitHubRateLimitPolicy.ORIGINAL_STATUS).isPresent()
        || isRateLimit(status, response.header("x-ratelimit-remaining"), response.header("retry-after"),
            text.message());
  }

  @Override
  protected String throttledReason(DetachedResponse response) {
    boolean primary = response.header("x-ratelimit-remaining").map(String::trim).filter("0"::equals).isPresent();
    return primary ? "the primary rate limit of the token is used up"
        : "GitHub's secondary rate limit stopped the client";
  }

  @Override
  protected String rateLimitAdvice() {
    return "send requests one at a time and spread them over time (GitHub allows 5,000 requests an hour per user).";
  }

  @Override
  protected String remediation(Situation situation) {
    switch (situation) {
      case UNAUTHENTICATED:
        return "Check that the GitHub token is valid, not expired or revoked.";
      case FORBIDDEN:
        return "Check the user's role (reading an organization's app installations needs its Owner role) and the "
            + "token's scopes (read:org; for a fine-grained token, the organization's Administration and Members "
            + "permissions, read).";
      case NOT_FOUND:
        return "Check the owner's login and that the user belongs to it.";
      case SERVER_FAILED:
        return "Try again later (https://www.githubstatus.com).";
      case REFUSED:
      default:
        return "Check the endpoint: it must be the REST API root, such as https://api.github.com.";
    }
  }
}
