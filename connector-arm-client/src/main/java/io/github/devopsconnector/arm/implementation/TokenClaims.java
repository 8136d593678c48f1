package io.github.devopsconnector.arm.implementation;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.devopsconnector.core.Identity;
import java.io.IOException;
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

  /** The identity the token names; empty when it is not a JWT with an {@code oid} claim. */
  public static Optional<Identity> identity(String token) {
    String[] parts = token == null ? new String[0] : token.split("\\.", -1);
    if (parts.length != 3 || token.length() > 64 * 1024) {
      return Optional.empty();
    }
    JsonNode claims;
    try {
      claims = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
    } catch (IOException | IllegalArgumentException notJwt) {
      return Optional.empty();
    }
    Optional<String> oid = Json.text(claims, "oid");
    if (oid.isEmpty() || claims == null || !claims.isObject()) {
      return Optional.empty();
    }
    Identity.Builder identity = Identity.builder().id(oid.get());
    Json.text(claims, "upn").or(() -> Json.text(claims, "unique_name"))
        .or(() -> Json.text(claims, "preferred_username")).ifPresent(identity::userPrincipalName);
    boolean app = Json.text(claims, "idtyp").filter("app"::equalsIgnoreCase).isPresent()
        || Json.text(claims, "upn").isEmpty() && Json.text(claims, "unique_name").isEmpty()
            && Json.text(claims, "preferred_username").isEmpty();
    if (app) {
      Json.text(claims, "appid").or(() -> Json.text(claims, "azp")).ifPresent(identity::applicationId);
    }
    Json.text(claims, "name").ifPresent(identity::displayName);
    return Optional.of(identity.build());
  }
}
