package io.github.devopsconnector.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import io.github.devopsconnector.testing.AzureDevOpsSimulator.Fault;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes the Azure DevOps simulator's answers: JSON bodies (corrupted when a fault says so) in bounded writes. */
final class AdoSimResponses {

  private static final Logger LOG = LoggerFactory.getLogger(AzureDevOpsSimulator.class);
  /** The largest single write to a response body; see {@link #sendBody}. */
  private static final int WRITE_CHUNK = 8 * 1024;
  private static final String JSON = "application/json; charset=utf-8";

  private final ObjectMapper mapper;

  AdoSimResponses(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  void write(HttpExchange exchange, AdoSimRequest request, AdoSimReply reply, Fault corruption) throws IOException {
    Headers headers = exchange.getResponseHeaders();
    reply.headers.forEach(headers::set);
    byte[] body = null;
    if (reply.json != null || reply.encoded != null) {
      headers.set("Content-Type", JSON);
      try {
        body = reply.encoded != null ? reply.encoded : mapper.writeValueAsBytes(reply.json);
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
      // Corruptions below make copies: an encoded page is shared by every request for it.
      if (corruption == Fault.MALFORMED_JSON) {
        // A second opening brace where a field name must come: invalid from the first characters on.
        byte[] broken = new byte[body.length + 1];
        broken[0] = '{';
        System.arraycopy(body, 0, broken, 1, body.length);
        body = broken;
      } else if (corruption == Fault.TRUNCATED_JSON) {
        body = Arrays.copyOf(body, body.length / 2);
      }
    }
    sendBody(exchange, request, reply.status, request.method.equals("HEAD") ? null : body);
  }

  static void sendBody(HttpExchange exchange, AdoSimRequest request, int status, byte[] body)
      throws IOException {
    LOG.debug("Simulator answered {} with {}", request.route.template(), status);
    if (body == null || body.length == 0) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      // The JDK server grows each connection's write buffer to twice its largest single write and keeps it for the
      // connection's life: one write of a 2,000-repository listing (about 3 MB) would pin about 6 MB per
      // connection. Bounded writes keep that buffer small: 8 KB writes keep it at a few tens of KB per connection.
      for (int offset = 0; offset < body.length; offset += WRITE_CHUNK) {
        out.write(body, offset, Math.min(WRITE_CHUNK, body.length - offset));
      }
    }
  }

}
