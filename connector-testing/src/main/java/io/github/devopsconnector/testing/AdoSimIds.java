package io.github.devopsconnector.testing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/** Identifiers and paging tokens of the Azure DevOps world, derived from the estate's ids so they never change. */
final class AdoSimIds {

  private static final byte[] TOKEN_MARKER = {(byte) 0xFB, (byte) 0xEF};

  private AdoSimIds() {}

  static String segment(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String uuid(String seed) {
    return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
  }

  static long unsigned(String seed, int word) {
    UUID id = UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8));
    long bits = word < 2 ? id.getMostSignificantBits() : id.getLeastSignificantBits();
    return (word % 2 == 0 ? bits >>> 32 : bits) & 0xFFFFFFFFL;
  }

  static String base64Url(String text) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * An opaque token that names what it pages and where it stops. It is standard Base64 of two marker bytes and
   * the payload, so it always starts with {@code ++}: a client that does not URL-encode tokens sends spaces and
   * gets {@code 400}, as it would from a service whose tokens hold {@code +}, {@code /} and {@code =}.
   */
  static String encodeToken(String kind, String scope, int offset) {
    byte[] payload = (kind + "|" + scope + "|" + offset).getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[payload.length + TOKEN_MARKER.length];
    System.arraycopy(TOKEN_MARKER, 0, bytes, 0, TOKEN_MARKER.length);
    System.arraycopy(payload, 0, bytes, TOKEN_MARKER.length, payload.length);
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** The offset in a token made by {@link #encodeToken}, or -1 when it is not one for this list. */
  static int decodeToken(String kind, String scope, String token) {
    try {
      byte[] bytes = Base64.getDecoder().decode(token);
      if (bytes.length < TOKEN_MARKER.length || bytes[0] != TOKEN_MARKER[0] || bytes[1] != TOKEN_MARKER[1]) {
        return -1;
      }
      String[] parts = new String(bytes, TOKEN_MARKER.length, bytes.length - TOKEN_MARKER.length,
          StandardCharsets.UTF_8).split("\\|", -1);
      if (parts.length != 3 || !parts[0].equals(kind) || !parts[1].equalsIgnoreCase(scope)) {
        return -1;
      }
      return nonNegativeInt(parts[2]);
    } catch (IllegalArgumentException e) {
      return -1;
    }
  }

  static Integer positiveInt(Map<String, String> query, String name) {
    String text = query.get(name);
    if (text == null) {
      return null;
    }
    int value = nonNegativeInt(text);
    return value > 0 ? value : null;
  }

  static int nonNegativeInt(String text) {
    try {
      int value = Integer.parseInt(text.trim());
      return value < 0 ? -1 : value;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
