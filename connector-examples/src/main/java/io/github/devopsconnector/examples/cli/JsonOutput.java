package io.github.devopsconnector.examples.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.devopsconnector.core.Finding;
import io.github.devopsconnector.core.discovery.DiscoveryError;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Writes one pretty-printed JSON document to a stream (left open), and the shapes preflight and discover share. */
final class JsonOutput {

  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  /** Writes the document. */
  interface Body {
    void write(JsonGenerator json) throws IOException;
  }

  private JsonOutput() {}

  static void print(PrintStream out, Body body) {
    try {
      JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8);
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.useDefaultPrettyPrinter();
      body.write(json);
      json.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Writing the JSON output failed: " + e.getMessage(), e);
    }
    out.println();
    out.flush();
  }

  /** {@code [{"code","severity","subject","message","remediation"}]}. */
  static void findings(JsonGenerator json, String field, List<Finding> findings) throws IOException {
    json.writeArrayFieldStart(field);
    for (Finding finding : findings) {
      json.writeStartObject();
      json.writeStringField("code", finding.code().name());
      json.writeStringField("severity", finding.severity().name());
      json.writeStringField("subject", finding.subject());
      json.writeStringField("message", finding.message());
      json.writeStringField("remediation", finding.remediation());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  /** {@code {"kind","status","code","message","remediation"}}; code and remediation may be null. */
  static void error(JsonGenerator json, String field, DiscoveryError error) throws IOException {
    json.writeObjectFieldStart(field);
    json.writeStringField("kind", error.kind().name());
    json.writeNumberField("status", error.statusCode());
    json.writeStringField("code", error.serviceErrorCode().orElse(null));
    json.writeStringField("message", error.message());
    json.writeStringField("remediation", error.remediation().orElse(null));
    json.writeEndObject();
  }
}
