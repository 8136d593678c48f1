package io.github.devopsconnector.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * The bearer tokens the ARM simulator accepts: {@code sim-<identityId>}, or an unsigned JWT whose {@code oid}
 * claim is the identity (the claim Microsoft Entra access tokens carry for the caller's object id). No signature is
 * checked.
 */
final class ArmSimTokens {

  private static final String TOKEN_PREFIX = "sim-";

  private ArmSimTokens() {}

  static String bearerToken(String identityId) {
    if (!isValidIdentity(identityId)) {
      throw new IllegalArgumentException("An identity id has 1 to 128 letters, digits, '.', '_', '@' or '-'.");
    }
    return TOKEN_PREFIX + identityId;
  }

  static String bearerToken(ArmSimulatorPrincipal principal) {
    Objects.requireNonNull(principal, "principal");
    if (!isValidIdentity(principal.objectId())) {
      throw new IllegalArgumentException("An object id has 1 to 128 letters, digits, '.', '_', '@' or '-'.");
    }
    ObjectNode claims = ArmSimJson.JSON.createObjectNode();
    claims.put("aud", "https://management.azure.com");
    claims.put("oid", principal.objectId());
    principal.userPrincipalName().ifPresent(upn -> claims.put("upn", upn));
    principal.applicationId().ifPresent(app -> claims.put("appid", app));
    Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
    return base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
        + base64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + ".";
  }

  /** The caller's identity id from an {@code Authorization} header, or {@code null} when it names none. */
  static String identity(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = authorization.substring(7).trim();
    if (token.startsWith(TOKEN_PREFIX)) {
      // sim-<id>, whatever dots the id has (first.last@contoso.com is not a JWT).
      String id = token.substring(TOKEN_PREFIX.length());
      return isValidIdentity(id) ? id : null;
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length == 3 && token.length() < 16_384) {
      try {
        JsonNode claims = ArmSimJson.JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        String oid = claims.path("oid").asText("");
        return isValidIdentity(oid) ? oid : null;
      } catch (IOException | IllegalArgumentException notJwt) {
        return null;
      }
    }
    return null;
  }

  private static boolean isValidIdentity(String id) {
    if (id == null || id.isEmpty() || id.length() > 128) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '.' || c == '_' || c == '@' || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
