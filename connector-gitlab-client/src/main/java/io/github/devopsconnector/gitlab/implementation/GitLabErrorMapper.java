package io.github.devopsconnector.gitlab.implementation;

import io.github.devopsconnector.gitlab.implementation.models.ErrorDto;
import io.github.devopsconnector.http.DetachedResponse;
import io.github.devopsconnector.http.Json;
import io.github.devopsconnector.http.RestErrorMapper;
import io.github.devopsconnector.http.SecretScrubber;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns failed GitLab exchanges into {@link io.github.devopsconnector.core.ServiceException}s: kind, status, request
 * id ({@code X-Request-Id}), GitLab's message (scrubbed and clipped), its OAuth error code as the service error code
 * ({@code invalid_token}, {@code insufficient_scope}), and a remediation. GitLab answers a rate limit with 429
 * (docs.gitlab.com/security/rate_limits: "429 Too Many Requests", with {@code Retry-After} and {@code RateLimit-*});
 * 401 is a token that is missing, invalid, expired or revoked, 403 a token without the scope or a user without the
 * role, 404 a resource that does not exist or that the user cannot see (docs.gitlab.com/api/rest/troubleshooting).
 * The call is the operation, as a verb phrase.
 */
public final class GitLabErrorMapper extends RestErrorMapper<String> {
  /** The service's name in exceptions. */
  public static final String SERVICE = "GitLab";
  /** What to do, by failure (GitLab's status codes: docs.gitlab.com/api/rest/troubleshooting#status-codes). */
  private static final Map<Situation, String> REMEDIATIONS = new EnumMap<>(Map.of(
      Situation.UNAUTHENTICATED, "Check that the GitLab token is valid, not expired or revoked, and issued by this "
          + "GitLab instance.",
      Situation.FORBIDDEN, "Check the token's scopes (read_api, or api) and the user's role in the group (reading a "
          + "group's plan and onboarding it need the Owner role).",
      Situation.NOT_FOUND, "Check the group and that the user is a member of it; GitLab answers 404 for what the "
          + "user cannot see.",
      Situation.SERVER_FAILED, "Try again later (https://status.gitlab.com for GitLab.com).",
      Situation.REFUSED, "Check the endpoint: it must be the GitLab instance root, such as https://gitlab.com."));

  /**
   * The failures of a client.
   *
   * @param clock the client's clock
   * @param scrubber the client's scrubber
   */
  public GitLabErrorMapper(Clock clock, SecretScrubber scrubber) {
    super(SERVICE, "GitLabRestClientBuilder", "a GitLab instance root (https://gitlab.com), whose REST API is under "
        + "/api/v4", clock, scrubber);
  }

  @Override
  protected String operation(String call) {
    return call;
  }

  @Override
  protected ServiceText serviceText(DetachedResponse response) {
    Optional<ErrorDto> body = Json.tryDecode(response.bodyBytes(), ErrorDto.class);
    return new ServiceText(body.flatMap(ErrorDto::text).map(m -> response.scrubber().scrubAndClip(m, MAX_MESSAGE)),
        body.map(ErrorDto::error).filter(e -> e.matches("[a-z_]{1,64}")));
  }

  @Override
  protected boolean isThrottled(DetachedResponse response, int status, ServiceText text) {
    return status == 429;
  }

  @Override
  protected String throttledReason(DetachedResponse response) {
    return "GitLab's rate limit stopped the client";
  }

  @Override
  protected String rateLimitAdvice() {
    return "send requests one at a time and spread them over time (GitLab.com allows 2,000 authenticated API "
        + "requests a minute per user).";
  }

  @Override
  protected String remediation(Situation situation) {
    return REMEDIATIONS.get(situation);
  }
}
