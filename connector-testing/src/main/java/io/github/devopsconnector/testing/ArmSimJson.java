package io.github.devopsconnector.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.devopsconnector.testing.ArmSimulatorExchange.Request;
import io.github.devopsconnector.testing.ArmSimulatorExchange.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The ARM simulator's wire protocol pieces: the JSON mapper, ARM's error body, paging, and derived ids. */
final class ArmSimJson {

  static final ObjectMapper JSON = new ObjectMapper();

  private ArmSimJson() {}

  /** ARM's error envelope, {@code {"error": {"code", "message"}}} (common-types ErrorResponse). */
  static Response error(int status, String code, String message) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode error = body.putObject("error");
    error.put("code", code);
    error.put("message", message);
    return new Response(status, body);
  }

  static Response methodNotAllowed(Request request) {
    return error(405, "MethodNotAllowed", "The method " + request.method() + " is not allowed here.");
  }

  /**
   * One page of a list: {@code value} and, when more items follow, a {@code nextLink} with the same api-version
   * and an opaque {@code $skipToken} (the ARM paging convention of the specification's x-ms-pageable lists).
   */
  static Response page(Request request, List<JsonNode> items, int pageSize) {
    int skip = 0;
    String token = request.query().get("$skipToken");
    if (token != null) {
      try {
        skip = Integer.parseInt(token);
      } catch (NumberFormatException e) {
        return error(400, "InvalidSkipToken", "The $skipToken is not one this service issued.");
      }
      if (skip < 0 || skip > items.size()) {
        return error(400, "InvalidSkipToken", "The $skipToken is not one this service issued.");
      }
    }
    int end = Math.min(items.size(), skip + pageSize);
    ObjectNode body = JSON.createObjectNode();
    ArrayNode value = body.putArray("value");
    items.subList(skip, end).forEach(value::add);
    if (end < items.size()) {
      body.put("nextLink", request.baseUrl() + request.path() + "?api-version=" + request.query().get("api-version")
          + "&$skipToken=" + end);
    }
    return new Response(200, body);
  }

  /** A stable GUID derived from a name, for ids the service would assign. */
  static String nameGuid(String name) {
    return UUID.nameUUIDFromBytes(name.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** SHA-256 of a secret, so that one-time codes are never kept. */
  static String hash(String secret) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available.", e);
    }
  }
}
