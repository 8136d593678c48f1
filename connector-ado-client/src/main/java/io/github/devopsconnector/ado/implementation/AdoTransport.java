package io.github.devopsconnector.ado.implementation;

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
import io.github.devopsconnector.core.ado.AzureDevOpsException;
import io.github.devopsconnector.core.ado.RequestObserver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;

/**
 * Sends one request through the pipeline and reads the whole response. Every request asks for JSON and carries
 * {@code X-TFS-FedAuthRedirect: Suppress}, so a bad credential answers 401 instead of a sign-in page.
 */
public final class AdoTransport {
  static final HttpHeaderName FED_AUTH_REDIRECT = HttpHeaderName.fromString("X-TFS-FedAuthRedirect");
  /** The most of a response body the client reads; a larger body would only exhaust the heap. */
  static final int MAX_BODY_BYTES = 64 * 1024 * 1024;
  /** How many times a {@code GET} whose body broke off or did not parse is sent again. */
  static final int MAX_BODY_RETRIES = 2;
  private static final ClientLogger LOGGER = new ClientLogger(AdoTransport.class);

  private final HttpPipeline pipeline;
  private final Scrubber scrubber;
  private final Clock clock;
  private final Context context;

  /** A transport over the pipeline. */
  public AdoTransport(HttpPipeline pipeline, Scrubber scrubber, Clock clock) {
    this(pipeline, scrubber, clock, Context.NONE);
  }

  private AdoTransport(HttpPipeline pipeline, Scrubber scrubber, Clock clock, Context context) {
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.scrubber = Objects.requireNonNull(scrubber, "scrubber");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.context = context;
  }

  /** This transport, reporting every attempt of every request (to {@link RateLimitPolicy}) to the observer. */
  AdoTransport observedBy(RequestObserver observer) {
    Objects.requireNonNull(observer, "observer");
    return new AdoTransport(pipeline, scrubber, clock, new Context(RateLimitPolicy.OBSERVER, observer));
  }

  /**
   * Sends the request and returns the response whatever its status.
   *
   * @throws AzureDevOpsException when no response could be had (I/O, timeout, token, interruption)
   */
  AdoResponse exchange(HttpMethod method, String url, AdoCall call) {
    HttpRequest request = new HttpRequest(method, url);
    request.setHeader(HttpHeaderName.ACCEPT, "application/json");
    request.setHeader(FED_AUTH_REDIRECT, "Suppress");
    try (HttpResponse response = pipeline.sendSync(request, context)) {
      HttpHeaders headers = new HttpHeaders(response.getHeaders());
      byte[] body = method == HttpMethod.HEAD ? new byte[0] : boundedBody(response);
      if (body == null) {
        AdoResponse bodiless = new AdoResponse(method, request.getUrl(), response.getStatusCode(), headers,
            new byte[0]);
        if (bodiless.isSuccess()) {
          throw ErrorMapper.protocol(call, "the response body is larger than 64 MiB, the most the client reads",
              bodiless, null);
        }
        // A failure is still a failure; its status says enough without the body.
        return bodiless;
      }
      return new AdoResponse(method, request.getUrl(), response.getStatusCode(), headers, body);
    } catch (AzureDevOpsException e) {
      throw e;
    } catch (RuntimeException e) {
      throw ErrorMapper.fromFailure(e, call, method + " " + withoutQuery(url), scrubber);
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
    for (int attempt = 0; ; attempt++) {
      try {
        AdoResponse response = send(HttpMethod.GET, url, call);
        return new Decoded<>(response, decoder.apply(response));
      } catch (AzureDevOpsException e) {
        if (attempt >= MAX_BODY_RETRIES || !isBrokenBody(e)) {
          throw e;
        }
        LOGGER.atVerbose().addKeyValue("attempt", attempt + 1)
            .log("Sending an Azure DevOps GET again: the body of its answer broke off or was not JSON.");
      }
    }
  }

  /** Whether the failure is a body that broke off while being read, or a body that does not parse as JSON. */
  static boolean isBrokenBody(AzureDevOpsException e) {
    for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
      if (t instanceof BodyReadFailure || t instanceof JsonProcessingException) {
        return true;
      }
    }
    return false;
  }

  /** A response with its decoded body. */
  record Decoded<T>(AdoResponse response, T value) {}

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
   * @throws AzureDevOpsException otherwise
   */
  AdoResponse send(HttpMethod method, String url, AdoCall call) {
    AdoResponse response = exchange(method, url, call);
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
  AzureDevOpsException failure(AdoResponse response, AdoCall call) {
    return ErrorMapper.fromResponse(response, call, scrubber, clock.instant());
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
