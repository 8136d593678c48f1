package io.github.devopsconnector.github.implementation;

import io.github.devopsconnector.http.AuthorizationHeaderPolicy;
import java.util.Objects;

/**
 * Authenticates with a GitHub token (a personal access token, or a GitHub App's user access token):
 * {@code Authorization: Bearer <token>} (docs.github.com/rest/authentication/authenticating-to-the-rest-api). Never
 * shows the token in {@link #toString()}. Sits after the origin guard, which removes any Authorization header and
 * refuses hosts that are not the configured endpoint.
 */
public final class GitHubTokenPolicy extends AuthorizationHeaderPolicy {

  /**
   * A policy for the token; the caller has checked it.
   *
   * @param token the token
   */
  public GitHubTokenPolicy(String token) {
    super("Bearer " + Objects.requireNonNull(token, "token"));
  }
}
