package io.github.devopsconnector.testing;

import io.github.devopsconnector.testing.ArmSimulatorExchange.Request;
import io.github.devopsconnector.testing.ArmSimulatorExchange.Response;
import java.util.Optional;

/** Optimistic concurrency as ARM does it: {@code ETag} on answers, {@code If-Match} on writes (412 on a mismatch). */
final class ArmSimEtags {

  private final boolean devOpsEtags;

  ArmSimEtags(ArmSimulatorOptions options) {
    this.devOpsEtags = options.devOpsEtags();
  }

  Optional<Response> checkIfMatch(Request request, String currentEtag) {
    String ifMatch = request.header("If-Match");
    if (ifMatch == null) {
      return Optional.empty();
    }
    boolean matches = currentEtag != null
        && (ifMatch.trim().equals("*") || normalize(ifMatch).equals(normalize(currentEtag)));
    return matches ? Optional.empty() : Optional.of(ArmSimJson.error(412, "PreconditionFailed",
        "The resource was changed since it was read: the If-Match etag does not match the current one."));
  }

  static Response withEtag(Response response, String etag) {
    return response.header("ETag", "\"" + etag + "\"");
  }

  /**
   * The specification models devops/default as a proxy resource without an etag and without an If-Match
   * parameter (DevOpsConfiguration in securityConnectorsDevOps.json; GetDevOpsConfigurations_example has empty
   * response headers), so by default the simulator sends no ETag and ignores If-Match there.
   * {@link ArmSimulatorOptions#devOpsEtags()} turns both on, to test a service that would offer them.
   */
  Response devOpsEtag(Response response, String etag) {
    return devOpsEtags ? withEtag(response, etag) : response;
  }

  Optional<Response> devOpsIfMatch(Request request, String currentEtag) {
    return devOpsEtags ? checkIfMatch(request, currentEtag) : Optional.empty();
  }

  /** The opaque part of an entity tag, {@code [W/]"opaque"} (RFC 9110, 8.8.3), or the text as it is. */
  private static String normalize(String etag) {
    return etag.trim().replaceFirst("^W/", "").replaceFirst("^\"(.*)\"$", "$1");
  }
}
