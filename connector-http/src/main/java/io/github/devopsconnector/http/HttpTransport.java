package io.github.devopsconnector.http;

import com.azure.core.http.HttpHeader;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.core.util.logging.ClientLogger;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.devopsconnector.core.ServiceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * Sends one request through a client's pipeline and reads the whole response, under two limits: the call timeout
 * (all attempts, retries and waits of one call together) and the request timeout (the reading of one response's
 * body, from its headers to its last byte). Both are enforced by a {@link Watchdog} that interrupts the waiting
 * thread, so a server that trickles its answer cannot hold a call longer than its limits. A thread interrupted by
 * someone else (a cancelled discovery) ends its call at once. Bodies larger than {@link #MAX_BODY_BYTES} are not
 * read.
 *
 * <p>The client says what a call is ({@code C}, for its messages) and how failures read ({@link Failures}).
 *
 * @param <C> what the client's messages say a call is for
 */
public final class HttpTransport<C> implements AutoCloseable {
  /** The most of a response body a client reads; a larger body would only exhaust the heap. */
  public static final int MAX_BODY_BYTES = 64 * 1024 * 1024;
  /** How many times a {@code GET} whose body broke off or did not parse is sent again. */
  public static final int MAX_BODY_RETRIES = 2;
  private static final ClientLogger LOGGER = new ClientLogger(HttpTransport.class);

  /**
   * How a client words its failures.
   *
   * @param <C> what the client's messages say a call is for
   */
  public interface Failures<C> {
    /**
     * Whether a response is a usable answer (for example: 2xx, and not a sign-in page).
     *
     * @param response the response
     * @return whether it is usable
     */
    boolean usable(DetachedResponse response);

    /**
     * The exception for a response that is not a usable answer.
     *
     * @param response the response
     * @param call the call
     * @return the exception
     */
    ServiceException failure(DetachedResponse response, C call);

    /**
     * The exception for a successful response whose body is larger than {@link #MAX_BODY_BYTES}.
     *
     * @param response the response, without its body
     * @param call the call
     * @return the exception
     */
    ServiceException tooLarge(DetachedResponse response, C call);

    /**
     * The exception for a call that ran past one of its time limits.
     *
     * @param call the call
     * @param request the request, for messages ({@code GET https://host/path})
     * @param limit which limit ({@code "request timeout"} or {@code "call timeout"})
     * @param value the limit's value
     * @param cause what the interrupted request threw
     * @return the exception: a {@link ServiceException}, or the client's own typed failure that it maps to one
     *     when its call ends
     */
    RuntimeException timedOut(C call, String request, String limit, Duration value, Throwable cause);

    /**
     * The exception for a failure before any response: I/O, a refused header, a token that could not be had.
     *
     * @param failure what the pipeline threw
     * @param call the call
     * @param request the request, for messages
     * @return the exception: a {@link ServiceException}, the client's own typed failure that it maps to one when
     *     its call ends, or {@code failure} itself when it is the client's own check (not a transport failure)
     */
    RuntimeException failed(RuntimeException failure, C call, String request);
  }

  private final HttpPipeline pipeline;
  private final SecretScrubber scrubber;
  private final HttpHeaders defaultHeaders;
  private final Failures<C> failures;
  private final String service;
  private final Duration requestTimeout;
  private final Duration callTimeout;
  private final Watchdog watchdog;
  private final AutoCloseable owned;
  /** The transport that owns the resources: this one, or the one this view was made from. */
  private final HttpTransport<C> root;
  /** What every request's context carries besides the deadline. */
  private final Context extraContext;
  private volatile boolean closed;

  /**
   * A transport over a pipeline.
   *
   * @param service the service's name, for messages and thread names ({@code "Azure DevOps"})
   * @param pipeline the pipeline
   * @param scrubber the scrubber every message of the client goes through
   * @param defaultHeaders headers every request carries (such as {@code Accept: application/json})
   * @param failures how the client words its failures
   * @param requestTimeout the longest reading of one body
   * @param callTimeout the longest call
   * @param owned what the transport owns and closes with itself (the HTTP client it made), or null
   */
  public HttpTransport(String service, HttpPipeline pipeline, SecretScrubber scrubber, HttpHeaders defaultHeaders,
      Failures<C> failures, Duration requestTimeout, Duration callTimeout, AutoCloseable owned) {
    this.service = Objects.requireNonNull(service, "service");
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.scrubber = Objects.requireNonNull(scrubber, "scrubber");
    this.defaultHeaders = new HttpHeaders(Objects.requireNonNull(defaultHeaders, "defaultHeaders"));
    this.failures = Objects.requireNonNull(failures, "failures");
    this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    this.callTimeout = Objects.requireNonNull(callTimeout, "callTimeout");
    this.owned = owned;
    this.watchdog = new Watchdog(threadPrefix(service) + "-deadlines-", closedMessage(service));
    this.root = this;
    this.extraContext = Context.NONE;
  }

  private HttpTransport(HttpTransport<C> root, Context extraContext) {
    this.service = root.service;
    this.pipeline = root.pipeline;
    this.scrubber = root.scrubber;
    this.defaultHeaders = root.defaultHeaders;
    this.failures = root.failures;
    this.requestTimeout = root.requestTimeout;
    this.callTimeout = root.callTimeout;
    this.owned = null;
    this.watchdog = root.watchdog;
    this.root = root;
    this.extraContext = extraContext;
  }

  /**
   * The name prefix of a client's threads.
   *
   * @param service the service's name
   * @return the prefix, such as {@code "azure-devops"}
   */
  public static String threadPrefix(String service) {
    return service.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }

  /**
   * What a closed client says when it is used.
   *
   * @param service the service's name
   * @return the message
   */
  public static String closedMessage(String service) {
    return "The " + service + " client is closed; build a new one.";
  }

  /**
   * A view of this transport whose requests carry one more piece of context data (such as a
   * {@link RetryPolicy.Listener}); it shares everything else and owns nothing.
   *
   * @param key the context key
   * @param value the value
   * @return the view
   */
  public HttpTransport<C> withContext(String key, Object value) {
    return new HttpTransport<>(root, extraContext.addData(key, Objects.requireNonNull(value, "value")));
  }

  /**
   * The deadline of a call starting now, in {@link System#nanoTime()} time.
   *
   * @return the deadline
   */
  public long newCallDeadline() {
    return CallDeadline.after(callTimeout);
  }

  /**
   * Sends the request and returns the response whatever its status, under a new call deadline.
   *
   * @param method the method
   * @param url the URL
   * @param call the call, for messages
   * @return the response
   * @throws ServiceException when no response could be had (I/O, timeout, token, interruption), or what the
   *     client's {@link Failures#timedOut} and {@link Failures#failed} make of it instead
   * @throws IllegalStateException when the client is closed
   */
  public DetachedResponse exchange(HttpMethod method, String url, C call) {
    return exchange(new HttpRequest(method, url), Context.NONE, call, newCallDeadline());
  }

  /**
   * Sends the request and returns the response whatever its status, under a call deadline already running. The
   * request gets the default headers it does not set itself.
   *
   * @param request the request
   * @param context more context data for the pipeline (such as a secret body), or {@link Context#NONE}
   * @param call the call, for messages
   * @param callDeadline the call's deadline, in {@link System#nanoTime()} time
   * @return the response
   * @throws ServiceException when no response could be had (I/O, timeout, token, interruption), or what the
   *     client's {@link Failures#timedOut} and {@link Failures#failed} make of it instead
   * @throws IllegalStateException when the client is closed
   */
  public DetachedResponse exchange(HttpRequest request, Context context, C call, long callDeadline) {
    if (root.closed) {
      throw new IllegalStateException(closedMessage(service));
    }
    for (HttpHeader header : defaultHeaders) {
      if (request.getHeaders().get(header.getName()) == null) {
        request.setHeader(HttpHeaderName.fromString(header.getName()), header.getValue());
      }
    }
    HttpMethod method = request.getHttpMethod();
    Context sent = merged(CallDeadline.context(callDeadline), extraContext, context);
    Watchdog.Guard callGuard = watchdog.guard(callDeadline);
    Watchdog.Guard bodyGuard = null;
    try (callGuard; HttpResponse response = pipeline.sendSync(request, sent)) {
      HttpHeaders headers = new HttpHeaders(response.getHeaders());
      byte[] body;
      if (method == HttpMethod.HEAD) {
        body = new byte[0];
      } else {
        long bodyDeadline = CallDeadline.after(requestTimeout);
        bodyGuard = watchdog.guard(bodyDeadline - callDeadline < 0 ? bodyDeadline : callDeadline);
        try (Watchdog.Guard guard = bodyGuard) {
          body = boundedBody(response);
        }
      }
      if (body == null) {
        DetachedResponse bodiless = DetachedResponse.of(request, response.getStatusCode(), headers, new byte[0],
            scrubber);
        if (bodiless.isSuccess()) {
          throw failures.tooLarge(bodiless, call);
        }
        // A failure is still a failure; its status says enough without the body.
        return bodiless;
      }
      return DetachedResponse.of(request, response.getStatusCode(), headers, body, scrubber);
    } catch (ServiceException e) {
      throw e;
    } catch (RuntimeException e) {
      String shown = SecretScrubber.clip(method + " " + Urls.withoutQuery(request.getUrl().toString()), 300);
      if (bodyGuard != null && bodyGuard.fired()) {
        throw failures.timedOut(call, shown, "request timeout", requestTimeout, new TimeLimitReached(e));
      }
      if (callGuard.fired() || wouldOutlast(e)) {
        throw failures.timedOut(call, shown, "call timeout", callTimeout, new TimeLimitReached(e));
      }
      if (ServiceErrors.isInterruption(e)) {
        // Not ours: someone cancelled the work. Keep the flag so that the caller sees it too.
        Thread.currentThread().interrupt();
      }
      throw failures.failed(e, call, shown);
    }
  }

  /** Whether a policy ended the call rather than start a wait past its deadline. */
  private static boolean wouldOutlast(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof CallDeadline.WouldOutlast) {
        return true;
      }
    }
    return false;
  }

  private static Context merged(Context base, Context... more) {
    Context out = base;
    for (Context context : more) {
      if (context == null || context == Context.NONE) {
        continue;
      }
      for (java.util.Map.Entry<Object, Object> entry : context.getValues().entrySet()) {
        out = out.addData(entry.getKey(), entry.getValue());
      }
    }
    return out;
  }

  /** The body, or null when it is larger than {@link #MAX_BODY_BYTES} (then it is not read to the end). */
  private static byte[] boundedBody(HttpResponse response) {
    String declared = response.getHeaderValue(HttpHeaderName.CONTENT_LENGTH);
    if (declared != null) {
      try {
        if (Long.parseLong(declared.trim()) > MAX_BODY_BYTES) {
          return null;
        }
      } catch (NumberFormatException ignored) {
        // The length the body turns out to have is what counts.
      }
    }
    BinaryData data = response.getBodyAsBinaryData();
    if (data == null) {
      return new byte[0];
    }
    try (InputStream in = data.toStream()) {
      byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
      return bytes.length > MAX_BODY_BYTES ? null : bytes;
    } catch (IOException e) {
      throw new BodyReadFailure(e);
    } catch (UncheckedIOException e) {
      throw new BodyReadFailure(e.getCause());
    }
  }

  /**
   * Sends a {@code GET} and decodes its answer, sending it again (at most {@link #MAX_BODY_RETRIES} times) when
   * the body broke off or is not the promised JSON: a {@code GET} is idempotent, and a cut connection or a proxy
   * that truncated one answer says nothing about the next. Other failures are not retried here; all the sends
   * share one call deadline.
   *
   * @param url the URL
   * @param call the call, for messages
   * @param decoder decodes a usable response; throws the client's {@code PROTOCOL} exception (with the
   *     {@link Json.DecodeFailure} as a cause) when the body is not what the API promises
   * @param <T> the decoded type
   * @return the response and its decoded body
   * @throws ServiceException when the answer is not usable, or cannot be had
   */
  public <T> Decoded<T> getJson(String url, C call, Function<DetachedResponse, T> decoder) {
    long callDeadline = newCallDeadline();
    for (int attempt = 0; ; attempt++) {
      try {
        DetachedResponse response = usable(exchange(new HttpRequest(HttpMethod.GET, url), Context.NONE, call,
            callDeadline), call);
        return new Decoded<>(response, decoder.apply(response));
      } catch (ServiceException e) {
        if (attempt >= MAX_BODY_RETRIES || !isBrokenBody(e) || Thread.currentThread().isInterrupted()) {
          throw e;
        }
        LOGGER.atVerbose().addKeyValue("attempt", attempt + 1)
            .log("Sending a " + service + " GET again: the body of its answer broke off or was not JSON.");
      }
    }
  }

  /**
   * Sends an idempotent request and returns the response whatever its status, sending it again (at most
   * {@link #MAX_BODY_RETRIES} times, under the same call deadline) when the body of its answer broke off: the
   * pipeline's retry policy has handed the response over by then, and a cut connection says nothing about the next
   * answer. Only for requests that may be sent more than once.
   *
   * @param request makes the request to send, once per sending
   * @param context more context data for the pipeline, or {@link Context#NONE}
   * @param call the call, for messages
   * @param callDeadline the call's deadline, in {@link System#nanoTime()} time
   * @return the response
   * @throws RuntimeException what {@link #exchange(HttpRequest, Context, Object, long)} throws
   */
  public DetachedResponse exchangeIdempotent(java.util.function.Supplier<HttpRequest> request, Context context,
      C call, long callDeadline) {
    for (int attempt = 0; ; attempt++) {
      try {
        return exchange(request.get(), context, call, callDeadline);
      } catch (RuntimeException e) {
        if (attempt >= MAX_BODY_RETRIES || !isBrokenBody(e) || Thread.currentThread().isInterrupted()) {
          throw e;
        }
        LOGGER.atVerbose().addKeyValue("attempt", attempt + 1)
            .log("Sending a " + service + " request again: the body of its answer broke off.");
      }
    }
  }

  /**
   * Whether the failure is a body that broke off while being read, or a body that does not parse as JSON.
   *
   * @param e the failure (a {@link ServiceException} or a client's own typed failure)
   * @return whether sending the {@code GET} again may help
   */
  public static boolean isBrokenBody(Throwable e) {
    for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
      if (t instanceof TimeLimitReached) {
        return false;   // the body was cut by the client's own time limit: sending it again cannot help
      }
      if (t instanceof BodyReadFailure || t instanceof JsonProcessingException) {
        return true;
      }
    }
    return false;
  }

  /**
   * A response with its decoded body.
   *
   * @param response the response
   * @param value the decoded body
   * @param <T> the decoded type
   */
  public record Decoded<T>(DetachedResponse response, T value) {}

  /** A time limit of the client ended the request; its cause is what the interrupted request threw. */
  public static final class TimeLimitReached extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TimeLimitReached(RuntimeException cause) {
      super("A time limit of the client ended the request.", cause);
    }
  }

  /** The body of a response could not be read to its end (the connection broke off). */
  public static final class BodyReadFailure extends UncheckedIOException {
    private static final long serialVersionUID = 1L;

    BodyReadFailure(IOException cause) {
      super("The response body broke off: " + cause.getMessage(), cause);
    }
  }

  /**
   * Sends the request and returns the response when it is a usable answer.
   *
   * @param method the method
   * @param url the URL
   * @param call the call, for messages
   * @return the response
   * @throws ServiceException when the answer is not usable, or cannot be had
   */
  public DetachedResponse send(HttpMethod method, String url, C call) {
    return usable(exchange(method, url, call), call);
  }

  private DetachedResponse usable(DetachedResponse response, C call) {
    if (!failures.usable(response)) {
      throw failures.failure(response, call);
    }
    return response;
  }

  /**
   * Whether a response is a usable answer, by the client's rule.
   *
   * @param response the response
   * @return whether it is usable
   */
  public boolean isUsable(DetachedResponse response) {
    return failures.usable(response);
  }

  /**
   * The exception for a response that is not a usable answer.
   *
   * @param response the response
   * @param call the call
   * @return the exception
   */
  public ServiceException failure(DetachedResponse response, C call) {
    return failures.failure(response, call);
  }

  /**
   * The scrubber every message of this client goes through.
   *
   * @return the scrubber
   */
  public SecretScrubber scrubber() {
    return scrubber;
  }

  /**
   * Whether {@link #close()} was called.
   *
   * @return whether the transport is closed
   */
  public boolean isClosed() {
    return root.closed;
  }

  /** Stops the timer thread and closes what the transport owns; later calls fail. Idempotent. */
  @Override
  public void close() {
    if (root != this) {
      return;   // a view owns nothing; its root is closed by its owner
    }
    closed = true;
    watchdog.close();
    if (owned != null) {
      try {
        owned.close();
      } catch (Exception e) {
        throw new IllegalStateException("Closing the HTTP client failed.", e);
      }
    }
  }

  @Override
  public String toString() {
    return "HttpTransport{" + service + "}";
  }
}
