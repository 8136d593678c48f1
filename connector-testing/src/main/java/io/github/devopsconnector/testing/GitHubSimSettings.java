package io.github.devopsconnector.testing;

import io.github.devopsconnector.core.github.GitHubClient;
import java.time.Duration;

/** The settings of a {@link GitHubSimulator}, as its builder fills them. */
final class GitHubSimSettings {
  String token = GitHubSimulator.DEFAULT_TOKEN;
  String appSlug = GitHubClient.DEFAULT_APP_SLUG;
  /** GitHub: "All of these requests count towards your personal rate limit of 5,000 requests per hour." */
  int primaryLimit = 5_000;
  Duration primaryWindow = Duration.ofHours(1);
  int primaryStatus = 403;
  /** GitHub asks to wait at least one minute after a secondary rate limit without retry-after. */
  Duration secondaryRetryAfter = Duration.ofMinutes(1);
  /** A fixed delay before every answer (the builder's latency). */
  Duration latency = Duration.ZERO;
}
