package io.github.devopsconnector.azuredevops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Recorded Azure DevOps payloads from {@code src/test/resources/ado-wire}: the REST specification's examples
 * (copied as they are; the body is under {@code responses."200".body}) and realistic bodies for the calls the
 * specification has no example of.
 */
final class Payloads {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Payloads() {}

  /** A file as text. */
  static String text(String name) {
    try (InputStream in = Payloads.class.getResourceAsStream("/ado-wire/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("No payload " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The 200 body of a specification example, as JSON text. */
  static String exampleBody(String name) {
    return exampleTree(name).toString();
  }

  /** The 200 body of a specification example, as a tree to vary. */
  static ObjectNode exampleTree(String name) {
    return (ObjectNode) tree(text(name)).path("responses").path("200").path("body").deepCopy();
  }

  static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A page of projects shaped like the specification's example project, numbered {@code from} (inclusive) to
   * {@code to} (exclusive).
   */
  static String projectPage(int from, int to) {
    ObjectNode template = (ObjectNode) exampleTree("GET__projects.json").path("value").get(1);
    ArrayNode value = MAPPER.createArrayNode();
    for (int i = from; i < to; i++) {
      ObjectNode project = template.deepCopy();
      String id = String.format("6ce954b1-ce1f-45d1-b94d-%012d", i);
      project.put("id", id);
      project.put("name", "Project-" + i);
      project.put("url", "https://dev.azure.com/fabrikam/_apis/projects/" + id);
      project.put("revision", 400 + i);
      project.put("visibility", "private");
      project.put("lastUpdateTime", "2024-03-11T09:41:27.003Z");
      value.add(project);
    }
    ObjectNode ordered = MAPPER.createObjectNode();
    ordered.put("count", to - from);
    ordered.set("value", value);
    return ordered.toString();
  }

  /** The specification's user entitlement with another access level. */
  static String entitlement(String accountLicenseType, String licensingSource, String msdnLicenseType,
      String status) {
    ObjectNode body = exampleTree("GET__memberEntitlementManagement_UserEntitlementById.json");
    ObjectNode level = (ObjectNode) body.path("accessLevel");
    level.put("accountLicenseType", accountLicenseType);
    level.put("licensingSource", licensingSource);
    level.put("msdnLicenseType", msdnLicenseType);
    level.put("status", status);
    return body.toString();
  }
}
