package io.github.devopsconnector.arm.implementation;

import io.github.devopsconnector.http.DetachedResponse;
import io.github.devopsconnector.http.Urls;
import com.azure.core.exception.DecodeException;
import com.azure.core.http.HttpHeaderName;
import com.fasterxml.jackson.core.type.TypeReference;
import io.github.devopsconnector.http.Json;
import java.util.Optional;

/** A read ARM response: status, headers, the body as JSON. */
public final class ArmResponse {

  private final DetachedResponse response;
  private final byte[] body;

  ArmResponse(DetachedResponse response) {
    this.response = response;
    this.body = response.bodyBytes();
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
   * The body bound to a DTO, strictly (connector-http's {@code Json}).
   *
   * @throws DecodeException if the body is empty or not JSON of the type
   */
  public <T> T decode(Class<T> type) {
    return bound(() -> Json.decode(body, type));
  }

  /**
   * The body bound to a generic DTO, strictly.
   *
   * @throws DecodeException if the body is empty or not JSON of the type
   */
  public <T> T decode(TypeReference<T> type) {
    return bound(() -> Json.decode(body, type));
  }

  private <T> T bound(java.util.function.Supplier<T> binding) {
    if (isBlank()) {
      throw malformed("an empty body");
    }
    try {
      return binding.get();
    } catch (Json.DecodeFailure e) {
      throw new DecodeException(answered() + ": " + e.getMessage() + ".", response, e);
    }
  }

  private boolean isBlank() {
    for (byte b : body) {
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return false;
      }
    }
    return true;
  }

  /** Whether the body is JSON at all (an empty body is not). */
  public boolean isJson() {
    return Json.tryDecode(body, Object.class).isPresent();
  }

  /** The body bound to a DTO when it can be (an error body, which is only informative). */
  public <T> Optional<T> tryDecode(Class<T> type) {
    return Json.tryDecode(body, type);
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
