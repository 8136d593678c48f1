package io.github.devopsconnector.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * The credentials the Azure DevOps simulator accepts: the personal access token as HTTP Basic with any user name,
 * and an optional bearer token. Compared in constant time; never logged.
 */
final class AdoSimCredentials {

  private final byte[] pat;
  private final byte[] bearer;

  AdoSimCredentials(String personalAccessToken, String bearerToken) {
    this.pat = personalAccessToken.getBytes(StandardCharsets.UTF_8);
    this.bearer = bearerToken == null ? null : bearerToken.getBytes(StandardCharsets.UTF_8);
  }

  /** {@code "pat"} or {@code "bearer"} for an accepted {@code Authorization} header, empty otherwise. */
  Optional<String> authenticate(String header) {
    if (header == null) {
      return Optional.empty();
    }
    String trimmed = header.trim();
    int space = trimmed.indexOf(' ');
    if (space < 0) {
      return Optional.empty();
    }
    String scheme = trimmed.substring(0, space);
    String credential = trimmed.substring(space + 1).trim();
    if (scheme.equalsIgnoreCase("Basic")) {
      byte[] decoded;
      try {
        decoded = Base64.getDecoder().decode(credential);
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
      int colon = -1;
      for (int i = 0; i < decoded.length; i++) {
        if (decoded[i] == ':') {
          colon = i;
          break;
        }
      }
      if (colon < 0) {
        return Optional.empty();
      }
      byte[] secret = Arrays.copyOfRange(decoded, colon + 1, decoded.length);
      return MessageDigest.isEqual(secret, pat) ? Optional.of("pat") : Optional.empty();
    }
    if (scheme.equalsIgnoreCase("Bearer") && bearer != null) {
      return MessageDigest.isEqual(credential.getBytes(StandardCharsets.UTF_8), bearer)
          ? Optional.of("bearer") : Optional.empty();
    }
    return Optional.empty();
  }
}
