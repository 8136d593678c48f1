package io.github.devopsconnector.testing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An answer before it is written: status, JSON body (or none; or its bytes, already encoded, which the writer
 * must not change), extra headers.
 */
final class AdoSimReply {
  static final String UNAUTHORIZED_TYPE =
      "Microsoft.TeamFoundation.Framework.Server.UnauthorizedRequestException, Microsoft.TeamFoundation.Framework.Server";
  /** The header a page names the next one in. */
  static final String CONTINUATION_HEADER = "X-MS-ContinuationToken";
  static final String PROJECT_MISSING_TYPE =
      "Microsoft.TeamFoundation.Core.WebApi.ProjectDoesNotExistException, Microsoft.TeamFoundation.Core.WebApi";
  static final String ARGUMENT_TYPE = "System.ArgumentException, mscorlib";

  final int status;
  final Object json;
  final byte[] encoded;
  final Map<String, String> headers;

  private AdoSimReply(int status, Object json, byte[] encoded, Map<String, String> headers) {
    this.status = status;
    this.json = json;
    this.encoded = encoded;
    this.headers = headers;
  }

  static AdoSimReply ok(Object json) {
    return new AdoSimReply(200, json, null, Map.of());
  }

  static AdoSimReply status(int status) {
    return new AdoSimReply(status, null, null, Map.of());
  }

  static AdoSimReply error(int status, String message, String typeName, String typeKey) {
    return new AdoSimReply(status, errorBody(message, typeName, typeKey), null, Map.of());
  }

  /** A 200 with a page encoded before. */
  static AdoSimReply encoded(AdoSimPages.Page page) {
    AdoSimReply reply = new AdoSimReply(200, null, page.body(), Map.of());
    return page.continuationToken() == null ? reply : reply.withContinuation(page.continuationToken());
  }

  AdoSimReply withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new AdoSimReply(status, json, encoded, Collections.unmodifiableMap(more));
  }

  AdoSimReply withContinuation(String token) {
    return withHeader(CONTINUATION_HEADER, token);
  }

  static Map<String, Object> collection(List<Object> value) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("count", value.size());
    json.put("value", value);
    return json;
  }

  static Map<String, Object> errorBody(String message, String typeName, String typeKey) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("$id", "1");
    json.put("innerException", null);
    json.put("message", message);
    json.put("typeName", typeName);
    json.put("typeKey", typeKey);
    json.put("errorCode", 0);
    json.put("eventId", 3000);
    return json;
  }

  static AdoSimReply projectMissing(String project) {
    return AdoSimReply.error(404, "TF200016: The following project does not exist: " + project
        + ". Verify that the name of the project is correct and that the project exists on the specified "
        + "Azure DevOps Server.", PROJECT_MISSING_TYPE, "ProjectDoesNotExistException");
  }

  static AdoSimReply badParameter(String name, String value) {
    return AdoSimReply.error(400, "The value '" + value + "' of the parameter '" + name + "' is not valid.",
        ARGUMENT_TYPE, "ArgumentException");
  }
}
