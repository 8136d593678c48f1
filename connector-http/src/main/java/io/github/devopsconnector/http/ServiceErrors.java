package io.github.devopsconnector.http;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpResponse;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.ServiceException.Kind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URL;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * The parts of turning an HTTP failure into a {@link ServiceException} that every client shares: the kind a
 * status means, the request id a support case needs, the facts every exception carries (service, status, request
 * id), and the words for the request and for what went wrong underneath. The client adds its own message, service
 * error code and remediation.
 */
public final class ServiceErrors {
  /** The most characters of service text a message quotes. */
  public static final int MAX_SERVICE_TEXT = 300;

  /**
   * The headers a request id is read from, in order: Azure Resource Manager's and Azure DevOps's
   * ({@code x-ms-request-id}, {@code x-ms-correlation-request-id}), then Azure DevOps's own ({@code ActivityId},
   * {@code X-VSS-E2EID}), then the common {@code x-request-id}.
   */
  public static final List<HttpHeaderName> REQUEST_ID_HEADERS = List.of(
      HttpHeaderName.X_MS_REQUEST_ID,
      HttpHeaderName.fromString("x-ms-correlation-request-id"),
      HttpHeaderName.fromString("ActivityId"),
      HttpHeaderName.fromString("X-VSS-E2EID"),
      HttpHeaderName.fromString("x-request-id"),
      HttpHeaderName.fromString("X-GitHub-Request-Id"));

  private ServiceErrors() {}

  /**
   * The kind of failure a status means when the service says nothing more specific: 401 and 403
   * {@code NOT_AUTHORIZED}, 404 {@code NOT_FOUND}, 400 and 422 {@code INVALID_REQUEST}, 409 and 412
   * {@code CONFLICT}, 429 {@code THROTTLED}, 408 and 5xx {@code TRANSIENT}, anything else (3xx, other 4xx)
   * {@code PROTOCOL}.
   *
   * @param status the HTTP status
   * @return the kind
   */
  public static Kind kindOf(int status) {
    switch (status) {
      case 401:
      case 403:
        return Kind.NOT_AUTHORIZED;
      case 404:
        return Kind.NOT_FOUND;
      case 400:
      case 422:
        return Kind.INVALID_REQUEST;
      case 409:
      case 412:
        return Kind.CONFLICT;
      case 429:
        return Kind.THROTTLED;
      case 408:
        return Kind.TRANSIENT;
      default:
        return status >= 500 && status < 600 ? Kind.TRANSIENT : Kind.PROTOCOL;
    }
  }

  /**
   * The service's id of the request, for a support case (see {@link #REQUEST_ID_HEADERS}).
   *
   * @param headers the response's headers
   * @return the id, clipped; empty when the response names none
   */
  public static Optional<String> requestId(HttpHeaders headers) {
    if (headers == null) {
      return Optional.empty();
    }
    for (HttpHeaderName name : REQUEST_ID_HEADERS) {
      String value = headers.getValue(name);
      if (value != null && !value.isBlank()) {
        return Optional.of(SecretScrubber.clip(SecretScrubber.scrubShapes(value.trim()), 100));
      }
    }
    return Optional.empty();
  }

  /**
   * A builder with the facts of a response: the service, the status and the request id.
   *
   * @param kind the kind
   * @param message the message, without a credential
   * @param service the service's name ({@code "Azure DevOps"})
   * @param response the response, or null when there was none
   * @return the builder, for the client to add its service error code, remediation and cause
   */
  public static ServiceException.Builder builder(Kind kind, String message, String service,
      HttpResponse response) {
    ServiceException.Builder builder = ServiceException.builder(kind, message).service(service);
    if (response != null) {
      builder.statusCode(response.getStatusCode());
      requestId(response.getHeaders()).ifPresent(builder::requestId);
    }
    return builder;
  }

  /**
   * The request of a response for messages: method, scheme, authority and path (no query), clipped.
   *
   * @param response the response
   * @return the text, such as {@code GET https://dev.azure.com/fabrikam/_apis/projects}
   */
  public static String request(HttpResponse response) {
    URL url = response.getRequest().getUrl();
    String base = url.getProtocol() + "://" + url.getAuthority() + url.getPath();
    return SecretScrubber.clip(response.getRequest().getHttpMethod() + " " + base, MAX_SERVICE_TEXT);
  }

  /**
   * Where a redirect points, as an origin only (never a path or query, which may carry a code).
   *
   * @param response the redirect
   * @return {@code scheme://host[:port]}, or words saying that there is no usable location
   */
  public static String redirectOrigin(HttpResponse response) {
    String location = response.getHeaders().getValue(HttpHeaderName.LOCATION);
    if (location == null || location.isBlank()) {
      return "an unspecified location";
    }
    try {
      URI uri = response.getRequest().getUrl().toURI().resolve(location.trim());
      return SecretScrubber.clip(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? ""
          : ":" + uri.getPort()), MAX_SERVICE_TEXT);
    } catch (Exception e) {
      return "a location that is not a valid URL";
    }
  }

  /**
   * What went wrong underneath a failure, for a message: the root cause's class and scrubbed, clipped message.
   *
   * @param failure the failure
   * @param scrubber the client's scrubber
   * @return the text, such as {@code ConnectException: Connection refused}
   */
  public static String rootDetail(Throwable failure, SecretScrubber scrubber) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null || message.isBlank() ? ""
        : ": " + SecretScrubber.clip(scrubber.scrub(message), MAX_SERVICE_TEXT));
  }

  /**
   * Whether a request that failed without an answer may have reached the service, so that sending it again could
   * repeat its effect (what a write that carries a one-time secret must know). It did not when the failure shows
   * that the connection was never opened (refused, unknown host, connect timeout), or when nothing went over the
   * network at all (no I/O failure and no interruption in the chain: a token that could not be had, a refused
   * header). Any other I/O failure, timeout or interruption may have come after the request was sent.
   *
   * @param failure what the pipeline threw
   * @return whether the request may have reached the service
   */
  public static boolean mayHaveReachedService(Throwable failure) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
      if (t instanceof ConnectException || t instanceof UnknownHostException
          || t instanceof HttpConnectTimeoutException) {
        return false;
      }
      if (t instanceof IOException || t instanceof TimeoutException || t instanceof InterruptedException
          || t instanceof Waits.WaitInterruptedException) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /**
   * Whether the failure comes from an interrupted thread (not from a socket or HTTP timeout).
   *
   * @param failure the failure
   * @return whether the thread was interrupted
   */
  public static boolean isInterruption(Throwable failure) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
      if (t instanceof InterruptedException || t instanceof ClosedByInterruptException
          || t instanceof Waits.WaitInterruptedException
          || (t instanceof InterruptedIOException && !(t instanceof SocketTimeoutException)
              && !(t instanceof HttpTimeoutException))) {
        return true;
      }
    }
    return false;
  }
}
