package io.github.devopsconnector.azuredevops.implementation;

import com.fasterxml.jackson.core.type.TypeReference;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.http.DetachedResponse;
import io.github.devopsconnector.http.Json;

/**
 * Decodes Azure DevOps response bodies with the strict binding of {@link Json}; anything that is not the promised
 * JSON becomes a PROTOCOL failure that names the call.
 */
final class Decoding {

  private Decoding() {}

  static <T> T decode(DetachedResponse response, Class<T> type, AdoCall call) {
    try {
      return Json.decode(response.bodyBytes(), type);
    } catch (Json.DecodeFailure e) {
      throw ErrorMapper.protocol(call, e.getMessage(), response, e.getCause());
    }
  }

  static <T> T decode(DetachedResponse response, TypeReference<T> type, AdoCall call) {
    try {
      return Json.decode(response.bodyBytes(), type);
    } catch (Json.DecodeFailure e) {
      throw ErrorMapper.protocol(call, e.getMessage(), response, e.getCause());
    }
  }

  /** For callers that must report a decode failure found after binding (missing fields, wrong values). */
  static ServiceException missing(AdoCall call, String what, DetachedResponse response) {
    return ErrorMapper.protocol(call, "the response has no " + what, response, null);
  }
}
