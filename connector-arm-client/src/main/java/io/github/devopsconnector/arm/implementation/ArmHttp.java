package io.github.devopsconnector.arm.implementation;

import io.github.devopsconnector.http.DetachedResponse;
import io.github.devopsconnector.http.SecretBodyPolicy;
import io.github.devopsconnector.http.RetryAfter;
import io.github.devopsconnector.http.SecretScrubber;
import io.github.devopsconnector.http.Urls;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import com.azure.core.util.logging.ClientLogger;
import io.github.devopsconnector.arm.models.ArmError;
import io.github.devopsconnector.core.ServiceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Sends ARM requests through the pipeline and reads the responses: JSON in and out, failures as exceptions, and
 * every URL checked against the endpoint's origin before anything is sent to it.
 */
public final class ArmHttp implements AutoCloseable {

  /** The most of a response body the client reads; a larger body would only exhaust the heap. */
  static final int MAX_BODY_BYTES = 64 * 1024 * 1024;

  /** The context key azure-core's JDK client reads a per-request response timeout from. */
  static final String RESPONSE_TIMEOUT_KEY = "azure-response-timeout";
  private static final ClientLogger LOGGER = new ClientLogger(ArmHttp.class);

  private final HttpPipeline pipeline;
  private final URL endpoint;
  private final String base;
  private final ArmHttpSettings settings;
  private final SecretScrubber scrubber = SecretScrubber.create();
  private final Runnable onClose;
  private final ThreadLocal<Long> deadline = new ThreadLocal<>();
  private final AtomicLong remainingReads = new AtomicLong(-1);
  private final AtomicLong remainingWrites = new AtomicLong(-1);
  private final AtomicLong remainingDeletes = new AtomicLong(-1);
  private volatile boolean closed;

  /** Sends through this pipeline to this endpoint, within these limits; {@code onClose} frees what it owns. */
  public ArmHttp(HttpPipeline pipeline, URL endpoint, ArmHttpSettings settings, Runnable onClose) {
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.onClose = Objects.requireNonNull(onClose, "onClose");
    String text = endpoint.toString();
    this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
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
   * Runs one public call of the client under its overall deadline ({@link ArmHttpSettings#operationTimeout()}):
   * every request, retry and wait inside it shares that deadline. A call inside a call keeps the outer deadline.
   * When the outermost call fails, its failure is reported as a {@link ServiceException}
   * ({@link ArmErrors#toServiceException}).
   */
  public <T> T call(Supplier<T> body) {
    if (closed) {
      throw new IllegalStateException("The client is closed.");
    }
    Long outer = deadline.get();
    if (outer != null) {
      return body.get();
    }
    deadline.set(System.nanoTime() + nanos(settings.operationTimeout()));
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
      long inner = System.nanoTime() + Math.max(0, nanos(limit));
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
    long end = at == null ? System.nanoTime() + nanos(settings.operationTimeout()) : at;
    return Duration.ofNanos(Math.max(0, end - System.nanoTime()));
  }

  /** A duration in nanoseconds, at most about 73 years (so that adding it to a nanoTime cannot overflow). */
  private static long nanos(Duration duration) {
    Duration cap = Duration.ofNanos(Long.MAX_VALUE / 4);
    return duration.compareTo(cap) > 0 ? cap.toNanos() : duration.toNanos();
  }

  /**
   * Sends an idempotent request, retrying 408, 429, 500, 502, 503, 504 and transport failures up to
   * {@link ArmHttpSettings#maxRetries()} times, honouring the service's wait up to
   * {@link ArmHttpSettings#maxRetryWait()} and the call's deadline.
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
      for (int attempt = 0; ; attempt++) {
        boolean last = attempt >= settings.maxRetries();
        ArmResponse response;
        try {
          response = attempt(method, url, body, null, headers);
        } catch (TransportFailure failure) {
          if (last || failure.kind() == TransportFailure.Kind.INTERRUPTED
              || failure.kind() == TransportFailure.Kind.DEADLINE_EXCEEDED) {
            throw failure;
          }
          Duration wait = backoff(attempt);
          if (wait.compareTo(remaining()) >= 0) {
            throw failure;
          }
          sleep(wait, method, url);
          continue;
        }
        if (response.status() < 300) {
          return response;
        }
        if (!RETRIED_STATUSES.contains(response.status())) {
          throw ArmErrors.toException(response);
        }
        Optional<Duration> asked = RetryAfter.of(response::header, settings.clock().instant());
        if (asked.isPresent() && asked.get().compareTo(settings.maxRetryWait()) > 0) {
          throw throttled(response, asked.get(), "longer than the most the client waits ("
              + RetryAfter.describe(settings.maxRetryWait()) + ")");
        }
        if (last) {
          if (response.status() == 429) {
            throw throttled(response, asked.orElse(null), "and the client's " + settings.maxRetries()
                + " retries are used up");
          }
          throw ArmErrors.toException(response);
        }
        Duration wait = asked.isPresent() ? asked.get() : backoff(attempt);
        if (wait.compareTo(remaining()) >= 0) {
          throw throttled(response, asked.orElse(wait), "longer than the time left before the call's deadline ("
              + RetryAfter.describe(remaining()) + ")");
        }
        sleep(wait, method, url);
        if (asked.isPresent()) {
          // The service named its wait; the budget it reported before the wait says nothing about after it.
          budget(method).set(-1);
        }
      }
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
        ArmResponse response;
        try {
          response = attempt(method, url, redactedBody, secretBody, headers);
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
          Optional<Duration> asked = RetryAfter.of(response::header, settings.clock().instant());
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
    if (!closed) {
      closed = true;
      onClose.run();
    }
  }

  private static final Set<Integer> RETRIED_STATUSES = Set.of(408, 429, 500, 502, 503, 504);

  private Duration backoff(int attempt) {
    if (!settings.exponential()) {
      return settings.baseDelay();
    }
    long factor = 1L << Math.min(attempt, 20);
    Duration delay = settings.baseDelay().multipliedBy(factor);
    return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
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

  private void sleep(Duration wait, HttpMethod method, String url) {
    if (wait.isZero() || wait.isNegative()) {
      return;
    }
    try {
      settings.sleeper().sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportFailure("Interrupted while waiting to retry " + method + " " + Urls.shorten(url)
          + ".", new HttpRequest(method, Urls.withoutQuery(url)), TransportFailure.Kind.INTERRUPTED,
          "The call was abandoned because its thread was interrupted.", e);
    }
  }

  private AtomicLong budget(HttpMethod method) {
    if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
      return remainingReads;
    }
    return method == HttpMethod.DELETE ? remainingDeletes : remainingWrites;
  }

  /** Pauses before a request when ARM said the subscription's budget for its kind is nearly used up. */
  private void pace(HttpMethod method, String url) {
    long left = budget(method).get();
    if (left < 0 || left > settings.rateLimitReserve()) {
      return;
    }
    Duration pause = settings.paceDelay();
    if (pause.compareTo(remaining()) >= 0) {
      return;
    }
    LOGGER.atVerbose().addKeyValue("remaining", left).log("Pacing: the subscription's ARM budget is low.");
    sleep(pause, method, url);
  }

  private void recordBudget(HttpMethod method, ArmResponse response) {
    String name = method == HttpMethod.GET || method == HttpMethod.HEAD ? "x-ms-ratelimit-remaining-subscription-reads"
        : method == HttpMethod.DELETE ? "x-ms-ratelimit-remaining-subscription-deletes"
        : "x-ms-ratelimit-remaining-subscription-writes";
    Optional<String> value = response.header(name);
    if (value.isEmpty() && method == HttpMethod.DELETE) {
      value = response.header("x-ms-ratelimit-remaining-subscription-writes");
    }
    value.ifPresent(text -> {
      try {
        budget(method).set(Math.max(0, Long.parseLong(text.trim())));
      } catch (NumberFormatException ignored) {
        // A budget that is not a number says nothing.
      }
    });
  }

  /** One attempt: sends, reads the whole answer within the time limits, and returns it whatever its status. */
  private ArmResponse attempt(HttpMethod method, String url, Object body, byte[] secretBody,
      Map<String, String> headers) {
    checkSameOrigin(url, "a URL");
    pace(method, url);
    HttpRequest request = new HttpRequest(method, url);
    request.setHeader(HttpHeaderName.ACCEPT, "application/json");
    headers.forEach(request::setHeader);
    if (body != null) {
      request.setHeader(HttpHeaderName.CONTENT_TYPE, "application/json");
      request.setBody(io.github.devopsconnector.http.Json.bytes(body));
    }
    HttpRequest shown = new HttpRequest(method, Urls.withoutQuery(url));
    Duration left = remaining();
    if (left.isZero()) {
      throw new TransportFailure("The deadline passed before " + method + " " + Urls.shorten(url)
          + " could be sent (the call timeout is " + RetryAfter.describe(settings.operationTimeout()) + ").", shown,
          TransportFailure.Kind.DEADLINE_EXCEEDED, DEADLINE_REMEDIATION, null);
    }
    Duration attemptLimit = min(settings.requestTimeout(), left);
    long attemptEnd = System.nanoTime() + nanos(attemptLimit);
    Context context = new Context(RESPONSE_TIMEOUT_KEY, min(settings.responseTimeout(), attemptLimit));
    if (secretBody != null) {
      context = SecretBodyPolicy.withSecretBody(context, secretBody);
    }
    ArmResponse read;
    boolean tooLarge;
    try (HttpResponse response = pipeline.sendSync(request, context)) {
      byte[] bytes = boundedBody(response, attemptEnd, method, url, shown, attemptLimit);
      tooLarge = bytes == null;
      bytes = tooLarge ? new byte[0] : bytes;
      com.azure.core.http.HttpHeaders copy = new com.azure.core.http.HttpHeaders();
      response.getHeaders().forEach(header -> copy.add(header.getName(), header.getValue()));
      read = new ArmResponse(DetachedResponse.of(response.getRequest(), response.getStatusCode(), copy, bytes, scrubber),
          bytes);
    } catch (TransportFailure e) {
      throw e;
    } catch (RuntimeException e) {
      throw transportFailure(e, method, url, shown, attemptLimit);
    }
    recordBudget(method, read);
    if (tooLarge && read.status() < 300) {
      throw read.malformed("a body larger than 64 MiB, the most the client reads");
    }
    return read;
  }

  private static final String DEADLINE_REMEDIATION = "Retry later, or give the client a longer call timeout "
      + "(DefenderConnectorClientBuilder.callTimeout).";
  private static final String TIMEOUT_REMEDIATION = "Azure Resource Manager did not answer in time; retry later, or "
      + "raise the time limits on the client builder (responseTimeout, requestTimeout, callTimeout).";
  private static final String CONNECT_REMEDIATION = "Check the endpoint, the network and any proxy between the "
      + "client and Azure Resource Manager, then retry.";

  /** Maps what the HTTP stack threw to a typed failure; our own checks (IllegalStateException...) pass through. */
  private RuntimeException transportFailure(RuntimeException e, HttpMethod method, String url, HttpRequest shown,
      Duration limit) {
    Throwable cause = e;
    boolean interrupted = false;
    IOException io = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InterruptedException || t instanceof java.io.InterruptedIOException
          && !(t instanceof java.net.SocketTimeoutException)) {
        interrupted = true;
      }
      if (io == null && t instanceof IOException) {
        io = (IOException) t;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    String target = method + " " + Urls.shorten(url);
    if (interrupted || Thread.currentThread().isInterrupted()) {
      return new TransportFailure("Interrupted during " + target + "; the request was abandoned.", shown,
          TransportFailure.Kind.INTERRUPTED, "The call was abandoned because its thread was interrupted.", cause);
    }
    if (io == null) {
      return e;
    }
    if (io instanceof java.net.http.HttpConnectTimeoutException || io instanceof java.net.ConnectException
        || io instanceof java.net.UnknownHostException) {
      return new TransportFailure("Could not connect for " + target + " (" + io.getClass().getSimpleName()
          + "); nothing was sent.", shown, TransportFailure.Kind.CONNECT_FAILED, CONNECT_REMEDIATION, cause);
    }
    if (io instanceof java.net.http.HttpTimeoutException || io instanceof java.net.SocketTimeoutException) {
      return new TransportFailure("Azure Resource Manager gave no complete answer to " + target + " within "
          + RetryAfter.describe(limit) + ".", shown, TransportFailure.Kind.TIMEOUT, TIMEOUT_REMEDIATION, cause);
    }
    return new TransportFailure("The connection broke during " + target + " (" + io.getClass().getSimpleName()
        + ").", shown, TransportFailure.Kind.CONNECTION_LOST, CONNECT_REMEDIATION, cause);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /**
   * The body, or null when it is larger than {@link #MAX_BODY_BYTES} (then it is not read to the end). Reading stops
   * with a timeout when the attempt's time is up, however slowly the bytes arrive.
   */
  private static byte[] boundedBody(HttpResponse response, long attemptEnd, HttpMethod method, String url,
      HttpRequest shown, Duration limit) {
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
    com.azure.core.util.BinaryData data = response.getBodyAsBinaryData();
    if (data == null) {
      return new byte[0];
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    byte[] chunk = new byte[64 * 1024];
    try (InputStream in = data.toStream()) {
      while (true) {
        if (System.nanoTime() - attemptEnd > 0) {
          throw new TransportFailure("The answer to " + method + " " + Urls.shorten(url) + " did not arrive "
              + "within " + RetryAfter.describe(limit) + " (the per-request time limit).", shown,
              TransportFailure.Kind.TIMEOUT, TIMEOUT_REMEDIATION, null);
        }
        int n = in.read(chunk);
        if (n < 0) {
          return out.toByteArray();
        }
        out.write(chunk, 0, n);
        if (out.size() > MAX_BODY_BYTES) {
          return null;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
