package io.github.devopsconnector.arm.implementation;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.exception.ResourceExistsException;
import com.azure.core.exception.ResourceModifiedException;
import com.azure.core.exception.ResourceNotFoundException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.devopsconnector.arm.ArmError;
import io.github.devopsconnector.arm.TokenExchangeFailedException;
import io.github.devopsconnector.http.SecretScrubber;
import java.util.Optional;

/** Turns ARM failure responses into azure-core exceptions whose message has the status, the error code and a remedy. */
public final class ArmErrors {

  private ArmErrors() {}

  /** The ARM error in a body ({@code {"error":{"code","message","target"}}}), if it has one. */
  public static Optional<ArmError> parse(JsonNode body) {
    JsonNode error = body == null ? null : body.get("error");
    if (error == null || !error.isObject()) {
      return Optional.empty();
    }
    String code = Json.text(error, "code").orElse("Unknown");
    String message = Json.text(error, "message").orElse("");
    return Optional.of(Json.text(error, "target").map(t -> ArmError.of(code, message, t))
        .orElseGet(() -> ArmError.of(code, message)));
  }

  /** The exception for a failed response. */
  public static HttpResponseException toException(ArmResponse response) {
    int status = response.status();
    ArmError error;
    try {
      error = parse(response.json()).orElseGet(() -> ArmError.of("HttpStatus" + status,
          "The response had no ARM error body."));
    } catch (HttpResponseException notJson) {
      error = ArmError.of("HttpStatus" + status, "The response body was not JSON.");
    }
    String remediation = remediation(status, error.code());
    String message = "Azure Resource Manager answered HTTP " + status + " (" + clipped(error.code(), 100) + ") to "
        + response.detached().getRequest().getHttpMethod() + " "
        + Urls.withoutQuery(response.detached().getRequest().getUrl().toString()) + ": "
        + bounded(SecretScrubber.scrubShapes(error.message())) + " " + remediation;
    if (TokenExchangeFailedException.ERROR_CODE.equalsIgnoreCase(error.code())) {
      return new TokenExchangeFailedException(message, response.detached(), error);
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
    if (TokenExchangeFailedException.ERROR_CODE.equalsIgnoreCase(code)) {
      return TokenExchangeFailedException.REMEDIATION;
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
