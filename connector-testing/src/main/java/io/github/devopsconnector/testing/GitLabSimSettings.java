package io.github.devopsconnector.testing;

import java.time.Duration;
import java.util.Set;

/** The settings of a {@link GitLabSimulator}, as its builder fills them. */
final class GitLabSimSettings {
  String token = GitLabSimulator.DEFAULT_TOKEN;
  /**
   * The token's scopes. A personal access token needs {@code read_api} (or {@code api}) to read groups and projects,
   * {@code read_user} is enough for {@code GET /user} (docs.gitlab.com/user/profile/personal_access_tokens#personal-
   * access-token-scopes).
   */
  Set<String> scopes = Set.of("read_api");
  /** GitLab.com: "Authenticated API traffic (for a given user): 2,000 requests per minute" (user/gitlab_com). */
  int rateLimit = 2_000;
  Duration rateWindow = Duration.ofMinutes(1);
  /** Whether every answer carries RateLimit-* (GitLab.com), not only the 429s (what GitLab documents everywhere). */
  boolean rateHeadersOnEveryAnswer;
  /**
   * The Retry-After of an injected 429: GitLab's limits count requests per minute ("requests per period", a period of
   * 60 seconds on GitLab.com, docs.gitlab.com/user/gitlab_com), so a throttled client may wait up to one.
   */
  Duration retryAfter = Duration.ofSeconds(60);
  /** A fixed delay before every answer (the builder's latency). */
  Duration latency = Duration.ZERO;
}
