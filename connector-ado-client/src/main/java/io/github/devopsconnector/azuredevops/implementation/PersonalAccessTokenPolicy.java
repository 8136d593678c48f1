package io.github.devopsconnector.azuredevops.implementation;

import io.github.devopsconnector.http.AuthorizationHeaderPolicy;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * Authenticates with a personal access token: HTTP Basic with an empty user name, {@code Basic base64(":" + pat)}.
 * Never shows the token in {@link #toString()}.
 */
public final class PersonalAccessTokenPolicy extends AuthorizationHeaderPolicy {

  /** A policy for the token; the caller has checked that it is not blank. */
  public PersonalAccessTokenPolicy(String personalAccessToken) {
    super("Basic " + encode(Objects.requireNonNull(personalAccessToken, "personalAccessToken")));
  }

  /** The Base64 text the token is sent as, so that it can be scrubbed from messages as well. */
  public static String encode(String personalAccessToken) {
    return Base64.getEncoder().encodeToString((":" + personalAccessToken).getBytes(StandardCharsets.UTF_8));
  }
}
