package io.github.devopsconnector.testing;

import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.ServiceException;
import java.time.Duration;
import java.util.Map;

/**
 * The failures of the {@link InMemoryAzureDevOpsClient} as the REST client reports them: the simulator world's
 * error answers (status, {@code TF} code and message) and injected faults, as typed {@link ServiceException}s.
 */
final class InMemoryFailures {
  /** The service the in-memory Azure DevOps client stands for. */
  private static final String SERVICE = "Azure DevOps";

  private InMemoryFailures() {}

  /** The exception the REST client throws for one of the world's error answers. */
  static ServiceException of(AdoSimReply reply) {
    Object body = reply.json;
    String message = body instanceof Map ? String.valueOf(((Map<?, ?>) body).get("message")) : "HTTP " + reply.status;
    int colon = message.indexOf(':');
    String code = message.startsWith("TF") && colon > 0 ? message.substring(0, colon) : null;
    switch (reply.status) {
      case 401:
        return build(ServiceException.Kind.NOT_AUTHORIZED, message, 401, code, "Check that the user is a member of "
            + "the organization, that its policies allow this way of signing in, and that the token's scope "
            + "covers it.");
      case 404:
        return build(ServiceException.Kind.NOT_FOUND, message, 404, code, "Check the name.");
      default:
        return build(ServiceException.Kind.PROTOCOL, message, reply.status, code, null);
    }
  }

  /** A {@code 400} for a request the service would refuse, such as a continuation token it never issued. */
  static ServiceException badRequest(String message) {
    return ServiceException.builder(ServiceException.Kind.PROTOCOL, message).service(SERVICE).statusCode(400).build();
  }

  /** An injected fault of this kind about this organization (or none). */
  static ServiceException injected(ServiceException.Kind kind, OrganizationName organization, Duration retryAfter) {
    switch (kind) {
      case NOT_FOUND:
        return build(kind, "TF200016: The organization '" + organization.value() + "' does not exist.", 404,
            "TF200016", "Check the name.");
      case NOT_AUTHORIZED:
        return build(kind, "TF400813: The user is not authorized to access this resource.", 401, "TF400813",
            "Check that the user is a member of the organization and that its policies allow this way of signing in.");
      case THROTTLED:
        return ServiceException.builder(kind, "TF400733: The request has been canceled: Request was blocked due "
                + "to exceeding usage of resource 'Global' in namespace 'User'.")
            .service(SERVICE)
            .statusCode(429)
            .serviceErrorCode("TF400733")
            .retryAfter(retryAfter)
            .remediation("Wait for the Retry-After delay, then slow down.")
            .build();
      case TRANSIENT:
        return build(kind, "Azure DevOps is unavailable (HTTP 503).", 503, null, "Try again later.");
      case PROTOCOL:
      default:
        return build(ServiceException.Kind.PROTOCOL, "Azure DevOps answered with a body that is not the JSON the "
            + "API promises.", 200, null, "Check for a proxy that rewrites responses; report it if it persists.");
    }
  }

  private static ServiceException build(ServiceException.Kind kind, String message, int status, String code,
      String remediation) {
    ServiceException.Builder builder = ServiceException.builder(kind, message).service(SERVICE).statusCode(status);
    if (code != null) {
      builder.serviceErrorCode(code);
    }
    if (remediation != null) {
      builder.remediation(remediation);
    }
    return builder.build();
  }
}
