package io.github.devopsconnector.azuredevops.implementation;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.core.util.logging.ClientLogger;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.azuredevops.RequestObserver;
import io.github.devopsconnector.http.SecretScrubber;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * Sends one request through the pipeline and reads the whole response. Every request asks for JSON and carries
 * {@code X-TFS-FedAuthRedirect: Suppress}, so a bad credential answers 401 instead of a sign-in page.
 *
 * <p>Of the other headers Microsoft's clients send, only {@code X-VSS-ForceMsaPassThrough} changes what the service
 * does, and only for Microsoft Entra tokens ({@link EntraTokenPolicy} sends it). {@code X-TFS-Session} (the Python
 * and Go clients send a GUID) only correlates requests in the service's logs; it is not sent.
 * <p>Every call runs under two limits: the call timeout (all attempts, retries and waits together) and the request
 * timeout (the reading of one response's body, from its headers to its last byte). Both are enforced by a
 * {@link Watchdog} that interrupts the waiting thread, so a server that trickles its answer cannot hold a call
 * longer than its limits. A thread interrupted by someone else (a cancelled discovery) ends its call at once.
 */
public final class AdoTransport implements AutoCloseable {
  static final HttpHeaderName FED_AUTH_REDIRECT = HttpHeaderName.fromString("X-TFS-FedAuthRedirect");
  /** The most of a response body the client reads; a larger body would only exhaust the heap. */
  static final int MAX_BODY_BYTES = 64 * 1024 * 1024;
  /** How many times a {@code GET} whose body broke off or did not parse is sent again. */
  static final int MAX_BODY_RETRIES = 2;
  private static final ClientLogger LOGGER = new ClientLogger(AdoTransport.class);

  private final HttpPipeline pipeline;
  private final SecretScrubber scrubber;
  private final Clock clock;
  private final Duration requestTimeout;
  private final Duration callTimeout;
  private final Watchdog watchdog;
  private final AutoCloseable owned;
  /** The transport that owns the resources: this one, or the one this observed view was made from. */
  private final AdoTransport root;
  /** Told of every attempt of every request (by {@link RateLimitPolicy}); null for none. */
  private final RequestObserver observer;
  private volatile boolean closed;

  /** A transport over the pipeline with the default limits (60 s per response, 5 minutes per call). */
  public AdoTransport(HttpPipeline pipeline, SecretScrubber scrubber, Clock clock) {
    this(pipeline, scrubber, clock, Duration.ofSeconds(60), Duration.ofMinutes(5), null);
  }

  /**
   * A transport over the pipeline.
   *
   * @param owned what the transport owns and closes with itself (the HTTP client it made), or null
   */
  public AdoTransport(HttpPipeline pipeline, SecretScrubber scrubber, Clock clock, Duration requestTimeout,
      Duration callTimeout, AutoCloseable owned) {
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.scrubber = Objects.requireNonNull(scrubber, "scrubber");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    this.callTimeout = Objects.requireNonNull(callTimeout, "callTimeout");
    this.owned = owned;
    this.watchdog = new Watchdog();
    this.root = this;
    this.observer = null;
  }

  /** A view of the root transport whose requests report to the observer; it owns nothing. */
  private AdoTransport(AdoTransport root, RequestObserver observer) {
    this.pipeline = root.pipeline;
    this.scrubber = root.scrubber;
    this.clock = root.clock;
    this.requestTimeout = root.requestTimeout;
    this.callTimeout = root.callTimeout;
    this.owned = null;
    this.watchdog = root.watchdog;
    this.root = root;
    this.observer = observer;
  }

  /** This transport, reporting every attempt of every request (to {@link RateLimitPolicy}) to the observer. */
  AdoTransport observedBy(RequestObserver observer) {
    Objects.requireNonNull(observer, "observer");
    return new AdoTransport(root, observer);
  }

  /**
   * Sends the request and returns the response whatever its status.
   *
   * @throws ServiceException when no response could be had (I/O, timeout, token, interruption)
   * @throws IllegalStateException when the client is closed
   */
  AdoResponse exchange(HttpMethod method, String url, AdoCall call) {
    return exchange(method, url, call, System.nanoTime() + callTimeout.toNanos());
  }

  /** {@link #exchange(HttpMethod, String, AdoCall)} under a call deadline already running ({@code nanoTime}). */
  private AdoResponse exchange(HttpMethod method, String url, AdoCall call, long callDeadline) {
    if (root.closed) {
      throw new IllegalStateException("The Azure DevOps client is closed; build a new one.");
    }
    HttpRequest request = new HttpRequest(method, url);
    request.setHeader(HttpHeaderName.ACCEPT, "application/json");
    request.setHeader(FED_AUTH_REDIRECT, "Suppress");
    Context context = CallDeadline.context(callDeadline);
    if (observer != null) {
      context = context.addData(RateLimitPolicy.OBSERVER, observer);
    }
    Watchdog.Guard callGuard = watchdog.guard(callDeadline);
    Watchdog.Guard bodyGuard = null;
    try (callGuard; HttpResponse response = pipeline.sendSync(request, context)) {
      HttpHeaders headers = new HttpHeaders(response.getHeaders());
      byte[] body;
      if (method == HttpMethod.HEAD) {
        body = new byte[0];
      } else {
        long bodyDeadline = System.nanoTime() + requestTimeout.toNanos();
        bodyGuard = watchdog.guard(bodyDeadline - callDeadline < 0 ? bodyDeadline : callDeadline);
        try (Watchdog.Guard guard = bodyGuard) {
          body = boundedBody(response);
        }
      }
      if (body == null) {
        AdoResponse bodiless = new AdoResponse(method, request.getUrl(), response.getStatusCode(), headers,
            new byte[0], scrubber);
        if (bodiless.isSuccess()) {
          throw ErrorMapper.protocol(call, "the response body is larger than 64 MiB, the most the client reads",
              bodiless, null);
        }
        // A failure is still a failure; its status says enough without the body.
        return bodiless;
      }
      return new AdoResponse(method, request.getUrl(), response.getStatusCode(), headers, body, scrubber);
    } catch (ServiceException e) {
      throw e;
    } catch (RuntimeException e) {
      String shown = SecretScrubber.clip(method + " " + withoutQuery(url), 300);
      if (bodyGuard != null && bodyGuard.fired()) {
        throw ErrorMapper.timedOut(call, shown, "request timeout", requestTimeout, new TimeLimitReached(e));
      }
      if (callGuard.fired()) {
        throw ErrorMapper.timedOut(call, shown, "call timeout", callTimeout, new TimeLimitReached(e));
      }
      if (ErrorMapper.isInterruption(e)) {
        // Not ours: someone cancelled the work. Keep the flag so that the caller sees it too.
        Thread.currentThread().interrupt();
      }
      throw ErrorMapper.fromFailure(e, call, shown, scrubber);
    }
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
   * that truncated one answer says nothing about the next. Other failures are not retried here.
   */
  <T> Decoded<T> getJson(String url, AdoCall call, Function<AdoResponse, T> decoder) {
    // The sends again are part of the same call: one call timeout for all of them.
    long callDeadline = System.nanoTime() + callTimeout.toNanos();
    for (int attempt = 0; ; attempt++) {
      try {
        AdoResponse response = usable(exchange(HttpMethod.GET, url, call, callDeadline), call);
        return new Decoded<>(response, decoder.apply(response));
      } catch (ServiceException e) {
        if (attempt >= MAX_BODY_RETRIES || !isBrokenBody(e) || Thread.currentThread().isInterrupted()) {
          throw e;
        }
        LOGGER.atVerbose().addKeyValue("attempt", attempt + 1)
            .log("Sending an Azure DevOps GET again: the body of its answer broke off or was not JSON.");
      }
    }
  }

  /** Whether the failure is a body that broke off while being read, or a body that does not parse as JSON. */
  static boolean isBrokenBody(ServiceException e) {
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

  /** A response with its decoded body. */
  record Decoded<T>(AdoResponse response, T value) {}

  /** A time limit of the client ended the request; its cause is what the interrupted request threw. */
  static final class TimeLimitReached extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TimeLimitReached(RuntimeException cause) {
      super("A time limit of the client ended the request.", cause);
    }
  }

  /** The body of a response could not be read to its end (the connection broke off). */
  static final class BodyReadFailure extends UncheckedIOException {
    private static final long serialVersionUID = 1L;

    BodyReadFailure(IOException cause) {
      super("The response body broke off: " + cause.getMessage(), cause);
    }
  }

  /**
   * Sends the request and returns the response when it is a usable answer: 2xx, not 203, not an HTML page.
   *
   * @throws ServiceException otherwise
   */
  AdoResponse send(HttpMethod method, String url, AdoCall call) {
    return usable(exchange(method, url, call), call);
  }

  private AdoResponse usable(AdoResponse response, AdoCall call) {
    if (!isUsable(response)) {
      throw failure(response, call);
    }
    return response;
  }

  /** Whether the response is a usable answer: 2xx, not 203, not an HTML page. */
  static boolean isUsable(AdoResponse response) {
    return response.isSuccess() && response.getStatusCode() != 203 && !response.isHtml();
  }

  /** The exception for a response that is not a usable answer. */
  ServiceException failure(AdoResponse response, AdoCall call) {
    return ErrorMapper.fromResponse(response, call, scrubber, clock.instant());
  }

  /** The scrubber every message of this client goes through. */
  SecretScrubber scrubber() {
    return scrubber;
  }

  /** Whether {@link #close()} was called. */
  boolean isClosed() {
    return root.closed;
  }

  /** Stops the timer thread and closes what the transport owns; later calls fail. Idempotent. */
  @Override
  public void close() {
    if (root != this) {
      return;   // an observed view owns nothing; its root is closed by its owner
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

  private static String withoutQuery(String url) {
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q);
  }

  @Override
  public String toString() {
    return "AdoTransport";
  }
}
