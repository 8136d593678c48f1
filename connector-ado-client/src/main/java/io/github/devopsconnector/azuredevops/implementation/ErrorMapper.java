package io.github.devopsconnector.azuredevops.implementation;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.exception.DecodeException;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.exception.ResourceNotFoundException;
import com.azure.core.exception.ServiceResponseException;
import io.github.devopsconnector.azuredevops.implementation.models.ErrorDto;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.ServiceException.Kind;
import io.github.devopsconnector.http.DetachedResponse;
import io.github.devopsconnector.http.HeaderGuardPolicy;
import io.github.devopsconnector.http.HttpTransport;
import io.github.devopsconnector.http.Json;
import io.github.devopsconnector.http.RetryAfter;
import io.github.devopsconnector.http.RetryPolicy;
import io.github.devopsconnector.http.SecretScrubber;
import io.github.devopsconnector.http.ServiceErrors;
import io.github.devopsconnector.http.Waits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns failed exchanges into {@link ServiceException}s: the kind, the status, the service's error code
 * ({@code TFnnnnnn}/{@code VSnnnnnn} from the JSON {@code message}), the request id, a message that says what
 * happened, a remediation, and the matching azure-core exception as the cause. Messages never contain credentials:
 * the client's own text has none, and the service's text goes through the {@link SecretScrubber} and is clipped.
 * An instance is the client's {@link HttpTransport.Failures}.
 */
public final class ErrorMapper implements HttpTransport.Failures<AdoCall> {
  /** The service's name in exceptions. */
  public static final String SERVICE = "Azure DevOps";
  /** The Azure DevOps resource's default scope, which Microsoft Entra tokens are asked for. */
  public static final String SCOPE = "499b84ac-1321-427f-aa17-267ca6975798/.default";
  private static final Pattern SERVICE_CODE = Pattern.compile("^\\s*((?:TF|VS)\\d{5,7})\\b", Pattern.CASE_INSENSITIVE);
  private static final int MAX_SERVICE_MESSAGE = 300;
  private static final String CREDENTIAL_REMEDIATION = "Check that the personal access token or Microsoft Entra "
      + "token is valid, not expired or revoked, and allowed for the organization.";

  private final Clock clock;
  private final SecretScrubber scrubber;

  /**
   * The failures of a client.
   *
   * @param clock the client's clock (how old a {@code Retry-After} date is)
   * @param scrubber the client's scrubber
   */
  public ErrorMapper(Clock clock, SecretScrubber scrubber) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.scrubber = Objects.requireNonNull(scrubber, "scrubber");
  }

  /** Whether the response is a usable answer: 2xx, not 203, not an HTML page. */
  @Override
  public boolean usable(DetachedResponse response) {
    return response.isSuccess() && response.getStatusCode() != 203 && !response.isHtml();
  }

  @Override
  public ServiceException failure(DetachedResponse response, AdoCall call) {
    return fromResponse(response, call, response.scrubber(), clock.instant());
  }

  @Override
  public ServiceException tooLarge(DetachedResponse response, AdoCall call) {
    return protocol(call, "the response body is larger than 64 MiB, the most the client reads", response, null);
  }

  @Override
  public ServiceException timedOut(AdoCall call, String request, String limit, Duration value, Throwable cause) {
    String message = "Could not " + call.operation() + " (" + request + "): no complete answer within the " + limit
        + " of " + seconds(value) + "; the request was abandoned.";
    return builder(Kind.TRANSIENT, message, null)
        .remediation("The server or the network is too slow, or a server answers a little at a time; try again "
            + "later, or raise the limit on AzureDevOpsRestClientBuilder (requestTimeout, callTimeout).")
        .cause(new ServiceResponseException(message, cause))
        .build();
  }

  @Override
  public ServiceException failed(RuntimeException failure, AdoCall call, String request) {
    return fromFailure(failure, call, request, scrubber);
  }

  /** A builder for an Azure DevOps failure, with the response's status and request id when there is one. */
  static ServiceException.Builder builder(Kind kind, String message, DetachedResponse response) {
    return ServiceErrors.builder(kind, message, SERVICE, response);
  }

  /** The exception for a response that is not a usable answer (a non-2xx status, a 203, an HTML page). */
  static ServiceException fromResponse(DetachedResponse response, AdoCall call, SecretScrubber scrubber, Instant now) {
    int status = response.getStatusCode();
    Optional<String> serverMessage = serverMessage(response).map(scrubber::scrub).map(ErrorMapper::clip);
    Optional<String> code = serverMessage.flatMap(ErrorMapper::serviceCode);
    String answered = "Azure DevOps answered " + status + serverMessage.map(m -> " (" + m + ")").orElse("");
    String prefix = "Could not " + call.operation() + " (" + ServiceErrors.request(response) + "): ";

    if (status == 203 || (response.isSuccess() && response.isHtml())) {
      String message = prefix + "Azure DevOps answered " + status + " with a sign-in page instead of data, so the "
          + "credential was not accepted.";
      return build(Kind.NOT_AUTHORIZED, message, response, code,
          CREDENTIAL_REMEDIATION + " A sign-in page despite the X-TFS-FedAuthRedirect: Suppress header the client "
              + "sends usually means a proxy in between or a server that does not honor it.",
          new ClientAuthenticationException(message, response)).build();
    }
    if (status >= 300 && status < 400) {
      String location = ServiceErrors.redirectOrigin(response);
      String message = prefix + "Azure DevOps answered " + status + " redirecting to " + location
          + "; the client does not follow redirects, so credentials never leave the configured hosts.";
      return build(Kind.PROTOCOL, message, response, code,
          "Configure the endpoint the redirect points to, if it is trusted; a redirect to a sign-in page means "
              + "the credential was not accepted.",
          new HttpResponseException(message, response)).build();
    }
    if (status == 401) {
      boolean tf400813 = code.filter("TF400813"::equalsIgnoreCase).isPresent();
      if (tf400813) {
        String org = call.organization().map(o -> o.value()).orElse("{organization}");
        String message = prefix + "the identity is not authorized for " + call.organizationText()
            + ", or OAuth access is blocked by the organization's policy. " + answered + ".";
        return build(Kind.NOT_AUTHORIZED, message, response, code,
            "Check that the identity is a member of " + call.organizationText() + " with an active access level "
                + "and that its token is valid. If the token comes from an OAuth application, turn on "
                + "\"Third-party application access via OAuth\" in Organization settings > Policies "
                + "(https://dev.azure.com/" + org + "/_settings/organizationPolicy).",
            new ClientAuthenticationException(message, response)).build();
      }
      String message = prefix + answered + ": the credential was not accepted.";
      return build(Kind.NOT_AUTHORIZED, message, response, code, CREDENTIAL_REMEDIATION,
          new ClientAuthenticationException(message, response)).build();
    }
    if (status == 403) {
      String message = prefix + answered + ": the identity is not allowed to do this.";
      return build(Kind.NOT_AUTHORIZED, message, response, code,
          "Check the identity's permissions in " + call.organizationText() + " and, for a personal access token, "
              + "its scopes (Project and Team, Code, Build, Graph and Member Entitlement Management, read).",
          new ClientAuthenticationException(message, response)).build();
    }
    if (status == 404) {
      boolean noOrganization = code.filter("TF200016"::equalsIgnoreCase).isPresent();
      String message = prefix + answered + (noOrganization
          ? ": " + call.organizationText() + " does not exist, or the endpoint is not the right one."
          : ": it does not exist, or it is hidden from the identity.");
      return build(Kind.NOT_FOUND, message, response, code,
          "Check the organization and project names and the configured endpoint.",
          new ResourceNotFoundException(message, response)).build();
    }
    if (status == 429) {
      Optional<Duration> retryAfter = RetryAfter.of(response.getHeaders(), now);
      String resource = RateLimitHeaders.resource(response.getHeaders()).map(r -> "; resource " + clip(r))
          .orElse("");
      String message = prefix + answered + resource + ": Azure DevOps is throttling the identity, and retrying "
          + "did not help.";
      return build(Kind.THROTTLED, message, response, code,
          retryAfter.map(d -> "Wait " + seconds(d) + " before trying again").orElse("Wait a few minutes before "
              + "trying again") + "; spread the requests over time. Each identity may use 200 TSTUs in a sliding "
              + "five-minute window.",
          new HttpResponseException(message, response))
          .retryAfter(retryAfter.orElse(null))
          .build();
    }
    if (status >= 500) {
      String message = prefix + answered + ": the service failed, and retrying did not help.";
      return build(Kind.TRANSIENT, message, response, code,
          "Try again later.", new HttpResponseException(message, response)).build();
    }
    String message = prefix + answered + ": the service refused the request.";
    return build(Kind.PROTOCOL, message, response, code,
        "Check the endpoint and the service version: an older Azure DevOps Server may not support the "
            + "api-version the client uses.",
        new HttpResponseException(message, response)).build();
  }

  /** A response whose body is not what the API promises. */
  static ServiceException protocol(AdoCall call, String what, DetachedResponse response, Throwable cause) {
    String message = "Could not " + call.operation() + " (" + ServiceErrors.request(response) + "): "
        + SecretScrubber.clip(response.scrubber().scrub(what), 2 * MAX_SERVICE_MESSAGE) + ".";
    DecodeException decode = cause == null
        ? new DecodeException(message, response)
        : new DecodeException(message, response, cause);
    return builder(Kind.PROTOCOL, message, response)
        .remediation("Check that the endpoint is an Azure DevOps REST endpoint; if it is, report the response "
            + "(the client's HTTP log shows it).")
        .cause(decode)
        .build();
  }

  /** A failure before any response: I/O, timeout, token acquisition, interruption. */
  static ServiceException fromFailure(RuntimeException failure, AdoCall call, String request,
      SecretScrubber scrubber) {
    String prefix = "Could not " + call.operation() + " (" + request + "): ";
    if (failure instanceof Waits.WaitInterruptedException) {
      String message = prefix + "the thread was interrupted while waiting for the rate limit.";
      return builder(Kind.TRANSIENT, message, null)
          .remediation("Try again if the interruption was not meant to cancel the work.")
          .cause(new ServiceResponseException(message, failure))
          .build();
    }
    if (failure instanceof HeaderGuardPolicy.InvalidHeaderException) {
      HeaderGuardPolicy.InvalidHeaderException invalid = (HeaderGuardPolicy.InvalidHeaderException) failure;
      String message = prefix + "refused before sending: " + invalid.getMessage();
      return builder(invalid.isCredential() ? Kind.NOT_AUTHORIZED : Kind.PROTOCOL, message, null)
          .remediation(invalid.isCredential()
              ? "Check the credential: a token must be one line of printable characters."
              : "Check the headers added through the client options or pipeline policies.")
          .cause(new ServiceResponseException(message, null))
          .build();
    }
    if (failure instanceof ClientAuthenticationException && ((ClientAuthenticationException) failure)
        .getResponse() == null) {
      String message = prefix + "could not get a Microsoft Entra token for Azure DevOps ("
          + clip(scrubber.scrub(String.valueOf(failure.getMessage()))) + ").";
      return builder(Kind.NOT_AUTHORIZED, message, null)
          .remediation("Check the TokenCredential's configuration (tenant, client, sign-in) and that it can get "
              + "tokens for the scope " + SCOPE + ".")
          .cause(failure)
          .build();
    }
    if (failure instanceof IllegalStateException && !RetryPolicy.isTransportFailure(failure)) {
      String message = prefix + clip(scrubber.scrub(String.valueOf(failure.getMessage())));
      return builder(Kind.PROTOCOL, message, null)
          .remediation("Check the configured endpoints and any pipeline policies added to the client.")
          .cause(new ServiceResponseException(message, failure))
          .build();
    }
    String detail = ServiceErrors.rootDetail(failure, scrubber);
    String message = prefix + "no usable response (" + detail + ").";
    return builder(Kind.TRANSIENT, message, null)
        .remediation("Check the network path to Azure DevOps (proxy, firewall, DNS) and try again later; the "
            + "client already retried.")
        .cause(new ServiceResponseException(message, failure))
        .build();
  }

  /** The {@code TFnnnnnn}/{@code VSnnnnnn} prefix of a service message. */
  static Optional<String> serviceCode(String message) {
    if (message == null) {
      return Optional.empty();
    }
    Matcher m = SERVICE_CODE.matcher(message);
    return m.find() ? Optional.of(m.group(1).toUpperCase(java.util.Locale.ROOT)) : Optional.empty();
  }

  /** The {@code message} of a JSON error body, when there is one. */
  static Optional<String> serverMessage(DetachedResponse response) {
    if (response.isHtml()) {
      return Optional.empty();
    }
    return Json.tryDecode(response.bodyBytes(), ErrorDto.class)
        .map(ErrorDto::message)
        .filter(m -> !m.isBlank());
  }

  private static ServiceException.Builder build(Kind kind, String message, DetachedResponse response,
      Optional<String> code, String remediation, HttpResponseException cause) {
    ServiceException.Builder builder = builder(kind, message, response)
        .remediation(remediation)
        .cause(cause);
    code.ifPresent(builder::serviceErrorCode);
    return builder;
  }

  private static String clip(String text) {
    return SecretScrubber.clip(text, MAX_SERVICE_MESSAGE);
  }

  private static String seconds(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? (millis / 1000) + " s" : String.format(java.util.Locale.ROOT, "%.3f s",
        millis / 1000.0);
  }
}
