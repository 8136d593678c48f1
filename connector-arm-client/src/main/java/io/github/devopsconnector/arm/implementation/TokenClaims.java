package io.github.devopsconnector.arm.implementation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.devopsconnector.core.Identity;
import io.github.devopsconnector.http.Json;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads who a Microsoft Entra access token names from its claims (the token is the caller's own, from its
 * credential, so its signature is not checked): {@code oid} (object id), {@code upn} / {@code unique_name} /
 * {@code preferred_username} (a user), {@code appid} / {@code azp} (an application), {@code name}. See the access
 * token claims reference, https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference.
 */
public final class TokenClaims {

  private TokenClaims() {}

  /** The claims the client reads. */
  record ClaimsDto(String oid, String upn, @JsonProperty("unique_name") String uniqueName,
      @JsonProperty("preferred_username") String preferredUsername, String idtyp, String appid, String azp,
      String name) {}

  /** The identity the token names; empty when it is not a JWT with an {@code oid} claim. */
  public static Optional<Identity> identity(String token) {
    String[] parts = token == null ? new String[0] : token.split("\\.", -1);
    if (parts.length != 3 || token.length() > 64 * 1024) {
      return Optional.empty();
    }
    Optional<ClaimsDto> decoded;
    try {
      decoded = Json.tryDecode(Base64.getUrlDecoder().decode(parts[1]), ClaimsDto.class);
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
    if (decoded.isEmpty() || text(decoded.get().oid()).isEmpty()) {
      return Optional.empty();
    }
    ClaimsDto claims = decoded.get();
    Identity.Builder identity = Identity.builder().id(claims.oid());
    Optional<String> user = text(claims.upn()).or(() -> text(claims.uniqueName()))
        .or(() -> text(claims.preferredUsername()));
    user.ifPresent(identity::userPrincipalName);
    boolean app = text(claims.idtyp()).filter("app"::equalsIgnoreCase).isPresent() || user.isEmpty();
    if (app) {
      text(claims.appid()).or(() -> text(claims.azp())).ifPresent(identity::applicationId);
    }
    text(claims.name()).ifPresent(identity::displayName);
    return Optional.of(identity.build());
  }

  private static Optional<String> text(String value) {
    return Optional.ofNullable(value).filter(v -> !v.isBlank());
  }
}
