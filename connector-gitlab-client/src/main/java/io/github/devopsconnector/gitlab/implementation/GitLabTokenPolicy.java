package io.github.devopsconnector.gitlab.implementation;

import io.github.devopsconnector.http.AuthorizationHeaderPolicy;
import java.util.Objects;

/**
 * Authenticates with a GitLab personal, group or project access token as {@code Authorization: Bearer <token>},
 * which GitLab accepts for these tokens as for OAuth 2.0 tokens (docs.gitlab.com/api/rest/authentication). Never shows
 * the token in {@link #toString()}. Sits after the origin guard, which removes any Authorization header and refuses
 * hosts that are not the configured endpoint.
 */
public final class GitLabTokenPolicy extends AuthorizationHeaderPolicy {

  /**
   * A policy for the token; the caller has checked it.
   *
   * @param token the token
   */
  public GitLabTokenPolicy(String token) {
    super("Bearer " + Objects.requireNonNull(token, "token"));
  }
}
