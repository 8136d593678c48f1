package io.github.devopsconnector.http;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.exception.DecodeException;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.exception.ResourceNotFoundException;
import com.azure.core.exception.ServiceResponseException;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.ServiceException.Kind;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a REST client with a token (GitHub, GitLab) turns failed exchanges into {@link ServiceException}s: the kind a
 * status means, the status, request id, the service's message (scrubbed and clipped) and error code, and a
 * remediation. The service says how it tells a rate limit, how its error bodies look and what each failure asks
 * the user to do; the words and kinds are the same for every such client.
 *
 * @param <C> the transport's call type
 */
public abstract class RestErrorMapper<C> implements HttpTransport.Failures<C> {
  /** The most characters of service text a message quotes. */
  protected static final int MAX_MESSAGE = ServiceErrors.MAX_SERVICE_TEXT;

  /** The failures a service names its own remediation for. */
  public enum Situation {
    /** 401: the token was not accepted. */
    UNAUTHENTICATED,
    /** 403 that is not a rate limit: the user or token may not do this. */
    FORBIDDEN,
    /** 404. */
    NOT_FOUND,
    /** 5xx after the retries. */
    SERVER_FAILED,
    /** Another 4xx. */
    REFUSED
  }

  /**
   * What the service said about a failure.
   *
   * @param message its message, scrubbed and clipped
   * @param code its error code, such as {@code insufficient_scope}
   */
  public record ServiceText(Optional<String> message, Optional<String> code) {
    /** Nothing said. */
    public static final ServiceText NONE = new ServiceText(Optional.empty(), Optional.empty());
  }

  private final String service;
  private final String builderName;
  private final String endpointHint;
  private final Clock clock;
  private final SecretScrubber scrubber;

  /**
   * The failures of a client.
   *
   * @param service the service's name in exceptions ({@code "GitHub"})
   * @param builderName the client builder's simple name, for remediations about its limits
   * @param endpointHint what the endpoint must be, in words ({@code "the GitHub REST API root (https://...)"})
   * @param clock the client's clock
   * @param scrubber the client's scrubber
   */
  protected RestErrorMapper(String service, String builderName, String endpointHint, Clock clock,
      SecretScrubber scrubber) {
    this.service = Objects.requireNonNull(service, "service");
    this.builderName = Objects.requireNonNull(builderName, "builderName");
    this.endpointHint = Objects.requireNonNull(endpointHint, "endpointHint");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.scrubber = Objects.requireNonNull(scrubber, "scrubber");
  }

  /**
   * What a request was for, as a verb phrase.
   *
   * @param call the call
   * @return the words, such as {@code "list the groups of the signed-in user"}
   */
  protected abstract String operation(C call);

  /**
   * What the service said in an error body.
   *
   * @param response the response
   * @return its message and code, scrubbed and clipped
   */
  protected abstract ServiceText serviceText(DetachedResponse response);

  /**
   * Whether an answer (not a redirect) is one of the service's rate limits.
   *
   * @param response the response
   * @param status the status the service sent
   * @param text what it said
   * @return whether it is a rate limit
   */
  protected abstract boolean isThrottled(DetachedResponse response, int status, ServiceText text);

  /**
   * Why the service throttled, in words for a message ({@code "the rate limit of the token is used up"}).
   *
   * @param response the response
   * @return the words
   */
  protected abstract String throttledReason(DetachedResponse response);

  /**
   * What to do about the service's rate limits beyond waiting, as the end of a sentence.
   *
   * @return the words, such as {@code "send requests one at a time and spread them over time."}
   */
  protected abstract String rateLimitAdvice();

  /**
   * The remediation of a failure.
   *
   * @param situation the failure
   * @return the remediation
   */
  protected abstract String remediation(Situation situation);

  /**
   * The status the service sent; a policy may have rewritten the one the response has.
   *
   * @param response the response
   * @return the status
   */
  protected int originalStatus(DetachedResponse response) {
    return response.getStatusCode();
  }

  @Override
  public boolean usable(DetachedResponse response) {
    return response.isSuccess() && !response.isHtml();
  }

  @Override
  public ServiceException failure(DetachedResponse response, C call) {
    int status = originalStatus(response);
    ServiceText text = serviceText(response);
    String answered = service + " answered " + status + text.message().map(m -> " (" + m + ")").orElse("");
    String prefix = "Could not " + operation(call) + " (" + ServiceErrors.request(response) + "): ";
    if (status >= 300 && status < 400) {
      String message = prefix + answered + " redirecting to " + ServiceErrors.redirectOrigin(response)
          + "; the client does not follow redirects, so the token never leaves the configured host.";
      return build(Kind.PROTOCOL, message, response, text, "Configure the endpoint the redirect points to, if it is "
          + "trusted.", new HttpResponseException(message, response));
    }
    if (isThrottled(response, status, text)) {
      Optional<Duration> wait = RetryAfter.of(response.getHeaders(), clock.instant());
      String message = prefix + answered + ": " + throttledReason(response) + ", and waiting within the call's "
          + "limits did not help.";
      ServiceException.Builder builder = ServiceErrors.builder(Kind.THROTTLED, message, service, response)
          .statusCode(status)
          .remediation(wait.map(d -> "Wait " + RetryAfter.describe(d) + " before trying again").orElse("Wait at "
              + "least a minute before trying again") + "; " + rateLimitAdvice())
          .cause(new HttpResponseException(message, response));
      text.code().ifPresent(builder::serviceErrorCode);
      wait.ifPresent(builder::retryAfter);
      return builder.build();
    }
    if (status == 401) {
      String message = prefix + answered + ": the token was not accepted.";
      return build(Kind.NOT_AUTHORIZED, message, response, text, remediation(Situation.UNAUTHENTICATED),
          new ClientAuthenticationException(message, response));
    }
    if (status == 403) {
      String message = prefix + answered + ": the user or token is not allowed to do this.";
      return build(Kind.NOT_AUTHORIZED, message, response, text, remediation(Situation.FORBIDDEN),
          new ClientAuthenticationException(message, response));
    }
    if (status == 404) {
      String message = prefix + answered + ": it does not exist, or it is hidden from the user.";
      return build(Kind.NOT_FOUND, message, response, text, remediation(Situation.NOT_FOUND),
          new ResourceNotFoundException(message, response));
    }
    if (status >= 500) {
      String message = prefix + answered + ": the service failed, and retrying did not help.";
      return build(Kind.TRANSIENT, message, response, text, remediation(Situation.SERVER_FAILED),
          new HttpResponseException(message, response));
    }
    String message = prefix + answered + ": the service refused the request.";
    return build(status == 409 ? Kind.CONFLICT : Kind.INVALID_REQUEST, message, response, text,
        remediation(Situation.REFUSED), new HttpResponseException(message, response));
  }

  @Override
  public ServiceException tooLarge(DetachedResponse response, C call) {
    return protocol(call, "the response body is larger than 64 MiB, the most the client reads", response, null);
  }

  @Override
  public ServiceException timedOut(C call, String request, String limit, Duration value, Throwable cause) {
    String message = "Could not " + operation(call) + " (" + request + "): no complete answer within the " + limit
        + " of " + value.toMillis() / 1000.0 + " s; the request was abandoned.";
    return ServiceErrors.builder(Kind.TRANSIENT, message, service, null)
        .remediation("Try again later, or raise the limit on " + builderName + " (requestTimeout, callTimeout).")
        .cause(new ServiceResponseException(message, cause))
        .build();
  }

  @Override
  public ServiceException failed(RuntimeException failure, C call, String request) {
    String prefix = "Could not " + operation(call) + " (" + request + "): ";
    if (failure instanceof Waits.WaitInterruptedException) {
      String message = prefix + "the thread was interrupted while waiting for the rate limit.";
      return ServiceErrors.builder(Kind.TRANSIENT, message, service, null)
          .remediation("Try again if the interruption was not meant to cancel the work.")
          .cause(new ServiceResponseException(message, failure)).build();
    }
    if (failure instanceof ResetPacer.HeldBack) {
      Duration wait = ((ResetPacer.HeldBack) failure).holdFor();
      String message = prefix + "not sent: " + service + "'s rate limit holds this client's requests for another "
          + RetryAfter.describe(wait) + ", longer than the client waits.";
      return ServiceErrors.builder(Kind.THROTTLED, message, service, null).retryAfter(wait)
          .remediation("Wait " + RetryAfter.describe(wait) + " before trying again; " + rateLimitAdvice())
          .cause(new ServiceResponseException(message, failure)).build();
    }
    String detail = ServiceErrors.rootDetail(failure, scrubber);
    boolean refused = failure instanceof IllegalStateException;
    String message = prefix + (refused ? "refused before sending: " : "no answer: ") + detail;
    return ServiceErrors.builder(refused ? Kind.PROTOCOL : Kind.TRANSIENT, message, service, null)
        .remediation(refused ? "Check the endpoint and the policies added to the client."
            : "Check the network and the endpoint, then try again.")
        .cause(new ServiceResponseException(message, failure)).build();
  }

  /**
   * A body that breaks the API's promise after binding (a field missing), found without the response at hand.
   *
   * @param call the call
   * @param what what is wrong
   * @return the exception
   */
  public ServiceException invalid(C call, String what) {
    String text = "Could not " + operation(call) + ": " + what + ".";
    return ServiceErrors.builder(Kind.PROTOCOL, text, service, null)
        .remediation("Check that the endpoint is " + endpointHint + ".").build();
  }

  /**
   * A response whose body is not what the API promises.
   *
   * @param call the call
   * @param what what is wrong
   * @param response the response
   * @param cause the decoding failure, if any
   * @return the exception
   */
  public ServiceException protocol(C call, String what, DetachedResponse response, Throwable cause) {
    String text = "Could not " + operation(call) + " (" + ServiceErrors.request(response) + "): "
        + SecretScrubber.clip(response.scrubber().scrub(what), 2 * MAX_MESSAGE) + ".";
    return ServiceErrors.builder(Kind.PROTOCOL, text, service, response)
        .remediation("Check that the endpoint is " + endpointHint + "; if it is, report the response (the client's "
            + "HTTP log shows it).")
        .cause(cause == null ? new DecodeException(text, response) : new DecodeException(text, response, cause))
        .build();
  }

  /**
   * Binds a body, failing with {@link #protocol} when it is not the promised JSON.
   *
   * @param <T> the type
   * @param response the response
   * @param type the type
   * @param call the call
   * @return the value
   */
  public <T> T decode(DetachedResponse response, Class<T> type, C call) {
    try {
      return Json.decode(response.bodyBytes(), type);
    } catch (Json.DecodeFailure e) {
      throw protocol(call, e.getMessage(), response, e.getCause());
    }
  }

  /**
   * Binds a body to a generic type, failing with {@link #protocol} when it is not the promised JSON.
   *
   * @param <T> the type
   * @param response the response
   * @param type the type
   * @param call the call
   * @return the value
   */
  public <T> T decode(DetachedResponse response, com.fasterxml.jackson.core.type.TypeReference<T> type, C call) {
    try {
      return Json.decode(response.bodyBytes(), type);
    } catch (Json.DecodeFailure e) {
      throw protocol(call, e.getMessage(), response, e.getCause());
    }
  }

  private ServiceException build(Kind kind, String message, DetachedResponse response, ServiceText text,
      String remediation, Throwable cause) {
    ServiceException.Builder builder = ServiceErrors.builder(kind, message, service, response)
        .remediation(remediation).cause(cause);
    text.code().ifPresent(builder::serviceErrorCode);
    return builder.build();
  }
}
