package io.github.devopsconnector.arm.implementation;

import io.github.devopsconnector.http.DetachedResponse;
import io.github.devopsconnector.http.Urls;
import com.azure.core.exception.DecodeException;
import com.azure.core.http.HttpHeaderName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.util.Optional;

/** A read ARM response: status, headers, the body as JSON. */
public final class ArmResponse {

  private final DetachedResponse response;
  private final byte[] body;
  private JsonNode json;

  ArmResponse(DetachedResponse response, byte[] body) {
    this.response = response;
    this.body = body;
  }

  /** The HTTP status. */
  public int status() {
    return response.getStatusCode();
  }

  /** A header's value, if present. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(response.getHeaderValue(HttpHeaderName.fromString(name))).filter(v -> !v.isBlank());
  }

  /** The response to put in exceptions and pages: without credentials or request body. */
  public DetachedResponse detached() {
    return response;
  }

  /** Whether the response has a body. */
  public boolean hasBody() {
    return body.length > 0;
  }

  /**
   * The body as JSON; a missing node when empty.
   *
   * @throws DecodeException if the body is not JSON
   */
  public JsonNode json() {
    if (json == null) {
      if (body.length == 0) {
        json = MissingNode.getInstance();
      } else {
        try {
          json = Json.MAPPER.readTree(body);
        } catch (IOException e) {
          throw new DecodeException(answered() + " with a body that is not JSON.", response, e);
        }
      }
    }
    return json;
  }

  /**
   * The body as a JSON object, as every ARM resource, list and operation status is.
   *
   * @throws DecodeException if the body is empty, not JSON, or not an object
   */
  public JsonNode object() {
    JsonNode node = json();
    if (node.isMissingNode()) {
      throw malformed("an empty body");
    }
    if (!node.isObject()) {
      throw malformed("JSON that is not an object");
    }
    return node;
  }

  /** The exception for a body that is not what the API promises: "… answered HTTP 200 to GET url with what". */
  public DecodeException malformed(String what) {
    return new DecodeException(answered() + " with " + what + ".", response);
  }

  private String answered() {
    return "Azure Resource Manager answered HTTP " + status() + " to " + response.getRequest().getHttpMethod() + " "
        + Urls.withoutQuery(response.getRequest().getUrl().toString());
  }
}
