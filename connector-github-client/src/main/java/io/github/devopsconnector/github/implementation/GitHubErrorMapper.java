package io.github.devopsconnector.github.implementation;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.exception.DecodeException;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.exception.ResourceNotFoundException;
import com.azure.core.exception.ServiceResponseException;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.ServiceException.Kind;
import io.github.devopsconnector.github.implementation.models.ErrorDto;
import io.github.devopsconnector.http.DetachedResponse;
import io.github.devopsconnector.http.HttpTransport;
import io.github.devopsconnector.http.Json;
import io.github.devopsconnector.http.RetryAfter;
import io.github.devopsconnector.http.SecretScrubber;
import io.github.devopsconnector.http.ServiceErrors;
import io.github.devopsconnector.http.Waits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns failed GitHub exchanges into {@link ServiceException}s: kind, status, request id
 * ({@code X-GitHub-Request-Id}), GitHub's {@code message} (scrubbed and clipped), a remediation. Rate limits are
 * told from permission failures as GitHub documents (docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api):
 * a 403 or 429 with {@code x-ratelimit-remaining: 0}, with {@code retry-after}, or whose message speaks of a rate
 * limit is {@code THROTTLED}; any other 403 is {@code NOT_AUTHORIZED}.
 */
public final class GitHubErrorMapper implements HttpTransport.Failures<GitHubCall> {
  /** The service's name in exceptions. */
  public static final String SERVICE = "GitHub";
  private static final int MAX_MESSAGE = 300;

  private final Clock clock;
  private final SecretScrubber scrubber;

  /**
   * The failures of a client.
   *
   * @param clock the client's clock
   * @param scrubber the client's scrubber
   */
  public GitHubErrorMapper(Clock clock, SecretScrubber scrubber) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.scrubber = Objects.requireNonNull(scrubber, "scrubber");
  }

  @Override
  public boolean usable(DetachedResponse response) {
    return response.isSuccess() && !response.isHtml();
  }

  @Override
  public ServiceException failure(DetachedResponse response, GitHubCall call) {
    return fromResponse(response, call, clock.instant());
  }

  @Override
  public ServiceException tooLarge(DetachedResponse response, GitHubCall call) {
    return protocol(call, "the response body is larger than 64 MiB, the most the client reads", response, null);
  }

  @Override
  public ServiceException timedOut(GitHubCall call, String request, String limit, Duration value, Throwable cause) {
    String message = "Could not " + call.operation() + " (" + request + "): no complete answer within the " + limit
        + " of " + value.toMillis() / 1000.0 + " s; the request was abandoned.";
    return ServiceErrors.builder(Kind.TRANSIENT, message, SERVICE, null)
        .remediation("Try again later, or raise the limit on GitHubRestClientBuilder (requestTimeout, callTimeout).")
        .cause(new ServiceResponseException(message, cause))
        .build();
  }

  @Override
  public ServiceException failed(RuntimeException failure, GitHubCall call, String request) {
    String prefix = "Could not " + call.operation() + " (" + request + "): ";
    if (failure instanceof Waits.WaitInterruptedException) {
      String message = prefix + "the thread was interrupted while waiting for the rate limit.";
      return ServiceErrors.builder(Kind.TRANSIENT, message, SERVICE, null)
          .remediation("Try again if the interruption was not meant to cancel the work.")
          .cause(new ServiceResponseException(message, failure)).build();
    }
    if (failure instanceof GitHubPacer.HeldBack) {
      Duration wait = ((GitHubPacer.HeldBack) failure).holdFor();
      String message = prefix + "not sent: GitHub's rate limit holds this client's requests for another "
          + RetryAfter.describe(wait) + ", longer than the client waits.";
      return ServiceErrors.builder(Kind.THROTTLED, message, SERVICE, null).retryAfter(wait)
          .remediation("Wait " + RetryAfter.describe(wait) + " before trying again; GitHub allows 5,000 requests an "
              + "hour per user, and asks clients not to send more while a limit holds.")
          .cause(new ServiceResponseException(message, failure)).build();
    }
    String detail = ServiceErrors.rootDetail(failure, scrubber);
    boolean refused = failure instanceof IllegalStateException;
    String message = prefix + (refused ? "refused before sending: " : "no answer: ") + detail;
    return ServiceErrors.builder(refused ? Kind.PROTOCOL : Kind.TRANSIENT, message, SERVICE, null)
        .remediation(refused ? "Check the endpoint and the policies added to the client."
            : "Check the network and the endpoint, then try again.")
        .cause(new ServiceResponseException(message, failure)).build();
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
        || message.map(m -> m.toLowerCase(java.util.Locale.ROOT).contains("rate limit")).orElse(false);
  }

  ServiceException fromResponse(DetachedResponse response, GitHubCall call, Instant now) {
    int status = response.header(GitHubRateLimitPolicy.ORIGINAL_STATUS).map(Integer::valueOf)
        .orElse(response.getStatusCode());
    Optional<String> message = serverMessage(response);
    String answered = "GitHub answered " + status + message.map(m -> " (" + m + ")").orElse("");
    String prefix = "Could not " + call.operation() + " (" + ServiceErrors.request(response) + "): ";
    if (status >= 300 && status < 400) {
      String text = prefix + answered + " redirecting to " + ServiceErrors.redirectOrigin(response)
          + "; the client does not follow redirects, so the token never leaves the configured host.";
      return build(Kind.PROTOCOL, text, response, "Configure the endpoint the redirect points to, if it is trusted.",
          new HttpResponseException(text, response));
    }
    if (response.header(GitHubRateLimitPolicy.ORIGINAL_STATUS).isPresent()
        || isRateLimit(status, response.header("x-ratelimit-remaining"), response.header("retry-after"), message)) {
      Optional<Duration> wait = RetryAfter.of(response.getHeaders(), now);
      boolean primary = response.header("x-ratelimit-remaining").map(String::trim).filter("0"::equals).isPresent();
      String text = prefix + answered + ": " + (primary ? "the primary rate limit of the token is used up"
          : "GitHub's secondary rate limit stopped the client") + ", and waiting within the call's limits did not "
          + "help.";
      ServiceException.Builder builder = ServiceErrors.builder(Kind.THROTTLED, text, SERVICE, response)
          .statusCode(status)
          .remediation(wait.map(d -> "Wait " + RetryAfter.describe(d) + " before trying again").orElse("Wait at "
              + "least a minute before trying again") + "; send requests one at a time and spread them over time "
              + "(GitHub allows 5,000 requests an hour per user).")
          .cause(new HttpResponseException(text, response));
      wait.ifPresent(builder::retryAfter);
      return builder.build();
    }
    if (status == 401) {
      String text = prefix + answered + ": the token was not accepted.";
      return build(Kind.NOT_AUTHORIZED, text, response, "Check that the GitHub token is valid, not expired or revoked.",
          new ClientAuthenticationException(text, response));
    }
    if (status == 403) {
      String text = prefix + answered + ": the user or token is not allowed to do this.";
      return build(Kind.NOT_AUTHORIZED, text, response, "Check the user's role (reading an organization's app "
          + "installations needs its Owner role) and the token's scopes (read:org; for a fine-grained token, the "
          + "organization's Administration and Members permissions, read).",
          new ClientAuthenticationException(text, response));
    }
    if (status == 404) {
      String text = prefix + answered + ": it does not exist, or it is hidden from the user.";
      return build(Kind.NOT_FOUND, text, response, "Check the owner's login and that the user belongs to it.",
          new ResourceNotFoundException(text, response));
    }
    if (status >= 500) {
      String text = prefix + answered + ": the service failed, and retrying did not help.";
      return build(Kind.TRANSIENT, text, response, "Try again later (https://www.githubstatus.com).",
          new HttpResponseException(text, response));
    }
    String text = prefix + answered + ": the service refused the request.";
    return build(status == 409 ? Kind.CONFLICT : Kind.INVALID_REQUEST, text, response,
        "Check the endpoint: it must be the REST API root, such as https://api.github.com.",
        new HttpResponseException(text, response));
  }

  /**
   * A body that breaks the API's promise after binding (a field missing), found without the response at hand.
   *
   * @param call the call
   * @param what what is wrong
   * @return the exception
   */
  static ServiceException builderFor(GitHubCall call, String what) {
    String text = "Could not " + call.operation() + ": " + what + ".";
    return ServiceErrors.builder(Kind.PROTOCOL, text, SERVICE, null)
        .remediation("Check that the endpoint is the GitHub REST API root (https://api.github.com).").build();
  }

  private static ServiceException build(Kind kind, String text, DetachedResponse response, String remediation,
      Throwable cause) {
    return ServiceErrors.builder(kind, text, SERVICE, response).remediation(remediation).cause(cause).build();
  }

  /**
   * A response whose body is not what the API promises.
   *
   * @param call the call
   * @param what what is wrong
   * @param response the response
   * @param cause the decoding failure, if any
   * @return the exception
   */
  static ServiceException protocol(GitHubCall call, String what, DetachedResponse response, Throwable cause) {
    String text = "Could not " + call.operation() + " (" + ServiceErrors.request(response) + "): "
        + SecretScrubber.clip(response.scrubber().scrub(what), 2 * MAX_MESSAGE) + ".";
    return ServiceErrors.builder(Kind.PROTOCOL, text, SERVICE, response)
        .remediation("Check that the endpoint is the GitHub REST API root (https://api.github.com); if it is, report "
            + "the response (the client's HTTP log shows it).")
        .cause(cause == null ? new DecodeException(text, response) : new DecodeException(text, response, cause))
        .build();
  }
}
