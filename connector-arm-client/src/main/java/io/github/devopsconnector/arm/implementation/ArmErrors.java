package io.github.devopsconnector.arm.implementation;

import io.github.devopsconnector.http.Urls;
import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.exception.ResourceExistsException;
import com.azure.core.exception.ResourceModifiedException;
import com.azure.core.exception.ResourceNotFoundException;
import io.github.devopsconnector.arm.models.ArmError;
import com.azure.core.exception.DecodeException;
import com.azure.core.http.HttpResponse;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.ServiceException.Kind;
import io.github.devopsconnector.http.SecretScrubber;
import io.github.devopsconnector.http.ServiceErrors;
import java.time.Duration;
import java.util.Optional;

/**
 * Turns ARM failure responses into azure-core exceptions whose message has the status, the error code and a remedy
 * (what the implementation throws and catches while a call runs), and those into the {@link ServiceException} the
 * caller sees when the call ends ({@link #toServiceException}).
 */
public final class ArmErrors {

  /** The service name every failure of this client carries. */
  public static final String SERVICE = "Azure Resource Manager";

  /** The ARM error code of a failed exchange of a one-time authorization code. */
  public static final String TOKEN_EXCHANGE_FAILED = "TokenExchangeFailed";

  /** What to do about a failed exchange. */
  public static final String TOKEN_EXCHANGE_REMEDIATION = "The one-time authorization code expired or was already "
      + "used: authorize again in Azure DevOps to get a new code and send that one (codes work once and only for a "
      + "few minutes). The connector's DevOps configuration is left in the Failed state until then.";

  /** What to do when the caller is not the identity whose Azure DevOps authorization the connector holds. */
  public static final String NOT_AUTHORIZING_IDENTITY_REMEDIATION = "Only the identity that authorized the "
      + "connector can list its available organizations. Re-authorize the connector with your own Azure DevOps "
      + "sign-in (taking ownership, which cannot be undone), or ask its owner to list them.";

  private static final String PROTOCOL_REMEDIATION = "Azure Resource Manager answered something its API does not "
      + "promise; retry later, and if it persists report it with the response's x-ms-request-id.";

  private ArmErrors() {}

  /**
   * The exception a call ends with: an azure-core failure or a {@link TransportFailure} becomes a
   * {@link ServiceException} (service {@value #SERVICE}) with its kind, status, ARM error code, request id and
   * remediation, and the original as its cause; anything else is returned as it is.
   */
  public static RuntimeException toServiceException(RuntimeException failure) {
    if (failure instanceof TransportFailure) {
      TransportFailure transport = (TransportFailure) failure;
      return ServiceException.builder(Kind.TRANSIENT, transport.getMessage()).service(SERVICE)
          .remediation(transport.remediation()).cause(transport).build();
    }
    if (!(failure instanceof HttpResponseException)) {
      return failure;
    }
    HttpResponseException http = (HttpResponseException) failure;
    HttpResponse response = http.getResponse();
    int status = response == null ? 0 : response.getStatusCode();
    ArmError error = http.getValue() instanceof ArmError ? (ArmError) http.getValue() : null;
    // "HttpStatusNNN" stands in for a missing error body in messages; it is not the service's code.
    String code = error == null || error.code().startsWith("HttpStatus") ? null : clipped(error.code(), 100);
    String message = String.valueOf(http.getMessage());
    Kind kind;
    String remediation;
    Duration retryAfter = null;
    if (failure instanceof ArmFailure) {
      ArmFailure decided = (ArmFailure) failure;
      kind = decided.kind();
      message = decided.description();
      remediation = decided.remediation();
      retryAfter = decided.retryAfter();
    } else if (failure instanceof DecodeException) {
      kind = Kind.PROTOCOL;
      remediation = PROTOCOL_REMEDIATION;
    } else {
      kind = kindOf(status, code);
      remediation = remediation(status, error == null ? null : error.code());
      if (message.endsWith(" " + remediation)) {
        message = message.substring(0, message.length() - remediation.length() - 1);
      }
    }
    return ServiceException.builder(kind, message).service(SERVICE).statusCode(status).serviceErrorCode(code)
        .requestId(requestId(response)).remediation(remediation).retryAfter(retryAfter).cause(failure).build();
  }

  /** Whether a failure is ARM refusing to list organizations to a caller that did not authorize the connector. */
  public static boolean isNotAuthorizingIdentity(ServiceException failure) {
    return failure.kind() == Kind.NOT_AUTHORIZED
        && failure.remediation().filter(NOT_AUTHORIZING_IDENTITY_REMEDIATION::equals).isPresent();
  }

  /** Whether a failure is a 404: the resource does not exist. */
  public static boolean isNotFound(ServiceException failure) {
    return failure.kind() == Kind.NOT_FOUND;
  }

  /** Whether a failure is a 412: the resource changed since its etag was read. */
  public static boolean isPreconditionFailed(ServiceException failure) {
    return failure.kind() == Kind.CONFLICT && failure.statusCode() == 412;
  }

  /** The kind of a failed status: the shared mapping, except that a missing registration is an invalid request. */
  static Kind kindOf(int status, String code) {
    return "MissingSubscriptionRegistration".equalsIgnoreCase(code) ? Kind.INVALID_REQUEST
        : ServiceErrors.kindOf(status);
  }

  /** ARM's id of the request ({@code x-ms-request-id}, else {@code x-ms-correlation-request-id}), clipped. */
  private static String requestId(HttpResponse response) {
    return response == null ? null : ServiceErrors.requestId(response.getHeaders()).orElse(null);
  }


  /** The ARM error in a response ({@code {"error":{"code","message","target"}}}), if it has one. */
  public static Optional<ArmError> parse(ArmResponse response) {
    return response.tryDecode(ArmDtos.ErrorResponseDto.class).map(ArmDtos.ErrorResponseDto::error)
        .flatMap(ArmErrors::parse);
  }

  /** An operation status's {@code error}, if it is an object; its fields that are not texts count as absent. */
  public static Optional<ArmError> parse(Object error) {
    if (!(error instanceof java.util.Map)) {
      return Optional.empty();
    }
    java.util.Map<?, ?> fields = (java.util.Map<?, ?>) error;
    return parse(new ArmDtos.ErrorDto(textOf(fields.get("code")), textOf(fields.get("message")),
        textOf(fields.get("target"))));
  }

  private static String textOf(Object value) {
    return value instanceof String ? (String) value : null;
  }

  /** ARM's {@code error}, when there is one. */
  public static Optional<ArmError> parse(ArmDtos.ErrorDto error) {
    if (error == null) {
      return Optional.empty();
    }
    String code = text(error.code()).orElse("Unknown");
    String message = text(error.message()).orElse("");
    return Optional.of(text(error.target()).map(t -> ArmError.of(code, message, t))
        .orElseGet(() -> ArmError.of(code, message)));
  }

  private static Optional<String> text(String value) {
    return Optional.ofNullable(value).filter(v -> !v.isBlank());
  }

  /** The exception for a failed response. */
  public static HttpResponseException toException(ArmResponse response) {
    int status = response.status();
    ArmError error = response.hasBody() && !response.isJson()
        ? ArmError.of("HttpStatus" + status, "The response body was not JSON.")
        : parse(response).orElseGet(() -> ArmError.of("HttpStatus" + status, "The response had no ARM error body."));
    String remediation = remediation(status, error.code());
    String message = "Azure Resource Manager answered HTTP " + status + " (" + clipped(error.code(), 100) + ") to "
        + response.detached().getRequest().getHttpMethod() + " "
        + Urls.withoutQuery(response.detached().getRequest().getUrl().toString()) + ": "
        + bounded(SecretScrubber.scrubShapes(error.message())) + " " + remediation;
    if (TOKEN_EXCHANGE_FAILED.equalsIgnoreCase(error.code())) {
      return new ArmFailure(Kind.NOT_AUTHORIZED, message.substring(0, message.length() - remediation.length() - 1),
          remediation, response.detached(), error, null);
    }
    switch (status) {
      case 401:
        return new ClientAuthenticationException(message, response.detached(), error);
      case 404:
        return new ResourceNotFoundException(message, response.detached(), error);
      case 409:
        return "MissingSubscriptionRegistration".equalsIgnoreCase(error.code())
            ? new HttpResponseException(message, response.detached(), error)
            : new ResourceExistsException(message, response.detached(), error);
      case 412:
        return new ResourceModifiedException(message, response.detached(), error);
      default:
        return new HttpResponseException(message, response.detached(), error);
    }
  }

  /** What to do about a failure with this status and ARM error code. */
  public static String remediation(int status, String code) {
    if (TOKEN_EXCHANGE_FAILED.equalsIgnoreCase(code)) {
      return TOKEN_EXCHANGE_REMEDIATION;
    }
    if ("MissingSubscriptionRegistration".equalsIgnoreCase(code)) {
      return "Register the resource provider with 'az provider register --namespace Microsoft.Security' (or "
          + "Subscription > Resource providers in the portal), wait until it is Registered, then retry.";
    }
    if ("AuthorizationFailed".equalsIgnoreCase(code) || status == 403) {
      return "Ask for the Contributor or Security Admin role on the resource group (Security Reader can only read "
          + "connectors), then sign in again.";
    }
    if (code != null && code.toLowerCase(java.util.Locale.ROOT).contains("apiversion")) {
      return "This api-version is not accepted here; choose another service version.";
    }
    if (status >= 300 && status < 400) {
      return "The client does not follow redirects (credentials never go to another host); check the endpoint.";
    }
    switch (status) {
      case 401:
        return "Check the credential: it must give a Microsoft Entra token for https://management.azure.com/.default "
            + "in the subscription's tenant that has not expired.";
      case 404:
        return "Check the subscription, resource group and names: the resource does not exist or the caller cannot "
            + "see it.";
      case 409:
        return "The resource is in a state that conflicts with the request; read it and retry.";
      case 412:
        return "The resource changed since it was read; read it again and repeat the change.";
      case 429:
        return "Azure Resource Manager throttled the requests and the retries did not help; wait, then retry.";
      default:
        return status >= 500 ? "Azure Resource Manager failed; retry later."
            : "Azure Resource Manager refused the request; check the values sent.";
    }
  }

  /** Service text for a message: on one line, at most {@code max} characters (a hostile service sends megabytes). */
  public static String clipped(String text, int max) {
    return SecretScrubber.clip(SecretScrubber.scrubShapes(text), max);
  }

  private static String bounded(String text) {
    String sentence = SecretScrubber.clip(text, 500);
    return sentence.isEmpty() || sentence.endsWith(".") ? sentence : sentence + ".";
  }
}
