package io.github.devopsconnector.arm.implementation;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.util.Context;
import io.github.devopsconnector.arm.models.ArmError;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.http.CallDeadline;
import io.github.devopsconnector.http.DetachedResponse;
import io.github.devopsconnector.http.HttpTransport;
import io.github.devopsconnector.http.Json;
import io.github.devopsconnector.http.RetryAfter;
import io.github.devopsconnector.http.RetryPolicy;
import io.github.devopsconnector.http.SecretBodyPolicy;
import io.github.devopsconnector.http.SecretScrubber;
import io.github.devopsconnector.http.Urls;
import java.net.URL;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * ARM's side of the shared transport ({@link HttpTransport}, whose pipeline retries and paces through
 * {@link RetryPolicy} and {@link ArmPacing}): the call deadline of each public call, the origin check of every URL
 * ARM hands out, which requests may be sent again (every {@link #send}; never a {@link #sendSecret}), and how an
 * answer that is not a success reads (ARM's errors, throttling the client will not wait out, a write whose outcome
 * is unknown).
 */
public final class ArmHttp implements AutoCloseable {

  /** The context key azure-core's JDK client reads a per-request response timeout from. */
  static final String RESPONSE_TIMEOUT_KEY = "azure-response-timeout";

  /** The statuses the pipeline's retry policy retries. */
  public static final Set<Integer> RETRIED_STATUSES = Set.of(408, 429, 500, 502, 503, 504);

  private static final HttpHeaders DEFAULT_HEADERS = new HttpHeaders().set(HttpHeaderName.ACCEPT, "application/json");

  private final HttpTransport<Call> transport;
  private final URL endpoint;
  private final String base;
  private final ArmHttpSettings settings;
  private final ThreadLocal<Long> deadline = new ThreadLocal<>();

  /**
   * Sends through this pipeline (which holds the retry policy) to this endpoint, within these limits.
   *
   * @param pipeline the pipeline
   * @param endpoint the endpoint
   * @param settings the limits
   * @param owned what the client owns and closes with itself (the HTTP client's threads), or null
   */
  public ArmHttp(HttpPipeline pipeline, URL endpoint, ArmHttpSettings settings, AutoCloseable owned) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.transport = new HttpTransport<>(ArmErrors.SERVICE, pipeline, SecretScrubber.create(), DEFAULT_HEADERS,
        new ArmTransportFailures(settings), settings.requestTimeout(), settings.callTimeout(), owned);
    String text = endpoint.toString();
    this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  /** A request, for messages and for the exceptions that carry it: its method and URL. */
  record Call(HttpMethod method, String url) {
    /** The request as exceptions carry it: method and URL without query, no headers, no body. */
    HttpRequest shown() {
      return new HttpRequest(method, Urls.withoutQuery(url));
    }

    /** {@code GET https://host/path}, shortened. */
    String target() {
      return method + " " + Urls.shorten(url);
    }
  }

  /** The endpoint's URL for a path ({@code /subscriptions/...}, segments already encoded) and api-version. */
  public String url(String path, String apiVersion) {
    return base + path + "?api-version=" + apiVersion;
  }

  /**
   * Checks that a URL ARM gave (a {@code nextLink}, an operation URL) is on the endpoint's origin.
   *
   * @throws IllegalStateException if it is elsewhere: neither credentials nor secrets are sent there
   */
  public void checkSameOrigin(String url, String what) {
    URL parsed;
    try {
      parsed = Urls.parse(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("Azure Resource Manager returned " + what + " that is not a valid URL.", e);
    }
    if (!Urls.sameOrigin(parsed, endpoint)) {
      throw new IllegalStateException("Azure Resource Manager returned " + what + " on another host ("
          + Urls.shorten(url) + "); the client only talks to " + endpoint.getProtocol() + "://" + endpoint.getHost()
          + " and does not follow it.");
    }
  }

  /**
   * Runs one public call of the client under its overall deadline (the call timeout): every request, retry and
   * wait inside it shares that deadline. A call inside a call keeps the outer deadline. When the outermost call
   * fails, its failure is reported as a {@link ServiceException} ({@link ArmErrors#toServiceException}).
   */
  public <T> T call(Supplier<T> body) {
    if (transport.isClosed()) {
      throw new IllegalStateException("The client is closed.");
    }
    Long outer = deadline.get();
    if (outer != null) {
      return body.get();
    }
    deadline.set(transport.newCallDeadline());
    try {
      return body.get();
    } catch (RuntimeException failure) {
      // The one place failures become what the caller sees: inside a call they stay typed for the client's logic.
      throw ArmErrors.toServiceException(failure);
    } finally {
      deadline.remove();
    }
  }

  /**
   * Runs part of a call with a shorter deadline: {@code limit} from now, or the call's own deadline if that is
   * sooner. A poll of a long-running operation runs this way, so the poll timeout is a wall-clock deadline.
   */
  public <T> T within(Duration limit, Supplier<T> body) {
    return call(() -> {
      Long outer = deadline.get();
      long inner = CallDeadline.after(limit);
      deadline.set(outer == null || inner - outer < 0 ? inner : outer);
      try {
        return body.get();
      } finally {
        deadline.set(outer);
      }
    });
  }

  /** The time left before the current call's deadline. */
  public Duration remaining() {
    Long at = deadline.get();
    long end = at == null ? CallDeadline.after(settings.callTimeout()) : at;
    return Duration.ofNanos(Math.max(0, end - System.nanoTime()));
  }

  /**
   * Sends an idempotent request: the pipeline retries 408, 429, 500, 502, 503, 504 and transport failures up to
   * the retry settings' limit, honouring the service's wait up to their {@code maxRetryWait} and the call's
   * deadline.
   *
   * @param body the JSON body, or {@code null}
   * @param headers extra headers
   * @return the response, when its status is below 300
   * @throws com.azure.core.exception.HttpResponseException (or a subclass) for any other status
   * @throws ArmFailure (throttled) when the service asks for a wait the client does not make
   * @throws TransportFailure when no usable answer came
   */
  public ArmResponse send(HttpMethod method, String url, Object body, Map<String, String> headers) {
    return call(() -> {
      checkSameOrigin(url, "a URL");
      AtomicInteger attempts = new AtomicInteger();
      DetachedResponse answer = transport.exchangeIdempotent(() -> {
        attempts.set(0);
        return request(method, url, body, headers);
      }, context(true, attempts), new Call(method, url), deadline.get());
      ArmResponse response = new ArmResponse(answer);
      if (response.status() < 300) {
        return response;
      }
      if (!RETRIED_STATUSES.contains(response.status())) {
        throw ArmErrors.toException(response);
      }
      // The retry policy handed back an answer it retries: its wait is too long, the retries are used up, or the
      // wait would outlast the call's deadline.
      Optional<Duration> asked = RetryAfter.of(answer.getHeaders(), settings.waits().now());
      if (asked.isPresent() && asked.get().compareTo(settings.retry().maxRetryWait()) > 0) {
        throw throttled(response, asked.get(), "longer than the most the client waits ("
            + RetryAfter.describe(settings.retry().maxRetryWait()) + ")");
      }
      if (attempts.get() > settings.retry().maxRetries()) {
        if (response.status() == 429) {
          throw throttled(response, asked.orElse(null), "and the client's " + settings.retry().maxRetries()
              + " retries are used up");
        }
        throw ArmErrors.toException(response);
      }
      throw throttled(response, asked.orElseGet(() -> settings.retry().backoff(Math.max(0, attempts.get() - 1))),
          "longer than the time left before the call's deadline (" + RetryAfter.describe(remaining()) + ")");
    });
  }

  /**
   * Sends a request whose real body carries a secret, once and never again: {@code redactedBody} is what the
   * pipeline's logging sees, {@code secretBody} (UTF-8 JSON) what goes on the wire. The secret buffer is wiped when
   * this returns.
   *
   * @throws AmbiguousWriteException if it failed after it may have reached the service (timeout, broken
   *     connection, 408 or 5xx): whether it took effect is unknown
   * @throws com.azure.core.exception.HttpResponseException (or a subclass) for any other status of 300 or more
   * @throws TransportFailure if the connection could not be made (nothing was sent)
   */
  public ArmResponse sendSecret(HttpMethod method, String url, Object redactedBody, byte[] secretBody,
      Map<String, String> headers) {
    Objects.requireNonNull(secretBody, "secretBody");
    try {
      return call(() -> {
        checkSameOrigin(url, "a URL");
        ArmResponse response;
        try {
          response = new ArmResponse(transport.exchange(request(method, url, redactedBody, headers),
              SecretBodyPolicy.withSecretBody(context(false, new AtomicInteger()), secretBody),
              new Call(method, url), deadline.get()));
        } catch (TransportFailure failure) {
          if (failure.kind() == TransportFailure.Kind.CONNECT_FAILED) {
            throw failure;
          }
          throw new AmbiguousWriteException("The write got no answer.", failure);
        }
        if (response.status() < 300) {
          return response;
        }
        if (response.status() == 429) {
          // ARM refuses a throttled request before it reaches the resource provider: nothing was exchanged.
          Optional<Duration> asked = RetryAfter.of(response.detached().getHeaders(), settings.waits().now());
          throw throttled(response, asked.orElse(null), "and a request carrying a one-time code is not retried");
        }
        if (response.status() == 408 || response.status() >= 500) {
          throw new AmbiguousWriteException("The write failed with HTTP " + response.status() + ".",
              ArmErrors.toException(response));
        }
        throw ArmErrors.toException(response);
      });
    } finally {
      Arrays.fill(secretBody, (byte) 0);
    }
  }

  /** Frees what the client owns; later calls fail. */
  @Override
  public void close() {
    transport.close();
  }

  private static HttpRequest request(HttpMethod method, String url, Object body, Map<String, String> headers) {
    HttpRequest request = new HttpRequest(method, url);
    headers.forEach(request::setHeader);
    if (body != null) {
      request.setHeader(HttpHeaderName.CONTENT_TYPE, "application/json");
      request.setBody(Json.bytes(body));
    }
    return request;
  }

  /** What every request's context carries: whether it may be sent again, its attempt counter, its time limit. */
  private Context context(boolean retryable, AtomicInteger attempts) {
    Duration responseTimeout = settings.responseTimeout().compareTo(settings.requestTimeout()) <= 0
        ? settings.responseTimeout() : settings.requestTimeout();
    return new Context(RESPONSE_TIMEOUT_KEY, responseTimeout)
        .addData(RetryPolicy.RETRY_KEY, retryable)
        .addData(RetryPolicy.LISTENER_KEY, new RetryPolicy.Listener() {
          @Override
          public void sent() {
            attempts.incrementAndGet();
          }

          @Override
          public void throttled(Duration retryAfter) {}
        });
  }

  private ArmFailure throttled(ArmResponse response, Duration asked, String why) {
    com.azure.core.exception.HttpResponseException mapped = ArmErrors.toException(response);
    ArmError error = mapped.getValue() instanceof ArmError ? (ArmError) mapped.getValue() : null;
    String wait = asked == null ? "no wait was named" : "it asked to wait " + RetryAfter.describe(asked);
    String remediation = "Wait " + (asked == null ? "a while" : RetryAfter.describe(asked)) + " and repeat the "
        + "call; send fewer requests per subscription (ARM limits reads and writes per subscription and "
        + "principal), or raise maxRetryWait or the call timeout on the client builder.";
    return new ArmFailure(ServiceException.Kind.THROTTLED, "Azure Resource Manager answered HTTP "
        + response.status() + " (" + (error == null ? "no error code" : ArmErrors.clipped(error.code(), 100))
        + ") to " + response.detached().getRequest().getHttpMethod() + " "
        + Urls.withoutQuery(response.detached().getRequest().getUrl().toString()) + "; " + wait + ", " + why
        + ".", remediation, response.detached(), error, asked);
  }
}
