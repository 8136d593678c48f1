package io.github.devopsconnector.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One request to the {@link ArmSimulator} as the engine sees it, and the response it gives. */
final class ArmSimulatorExchange {

  private ArmSimulatorExchange() {}

  /** A parsed request: path segments decoded, query decoded, header names in lower case, caller identified. */
  record Request(String method, String path, List<String> segments, Map<String, String> query,
      Map<String, String> headers, String identity, JsonNode body, String baseUrl) {

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    String segment(int index) {
      return segments.get(index);
    }
  }

  /** A response: status, headers and an optional JSON body. */
  static final class Response {
    final int status;
    final Map<String, String> headers = new LinkedHashMap<>();
    final JsonNode body;

    Response(int status, JsonNode body) {
      this.status = status;
      this.body = body;
    }

    Response header(String name, String value) {
      headers.put(name, value);
      return this;
    }
  }
}
