package io.github.devopsconnector.ado.implementation;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import io.github.devopsconnector.core.ado.AzureDevOpsException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Objects;

/**
 * Sends one request through the pipeline and reads the whole response. Every request asks for JSON and carries
 * {@code X-TFS-FedAuthRedirect: Suppress}, so a bad credential answers 401 instead of a sign-in page.
 *
 * <p>Of the other headers Microsoft's clients send, only {@code X-VSS-ForceMsaPassThrough} changes what the service
 * does, and only for Microsoft Entra tokens ({@link EntraTokenPolicy} sends it). {@code X-TFS-Session} (the Python
 * and Go clients send a GUID) only correlates requests in the service's logs; it is not sent.
 */
public final class AdoTransport {
  static final HttpHeaderName FED_AUTH_REDIRECT = HttpHeaderName.fromString("X-TFS-FedAuthRedirect");
  /** The most of a response body the client reads; a larger body would only exhaust the heap. */
  static final int MAX_BODY_BYTES = 64 * 1024 * 1024;

  private final HttpPipeline pipeline;
  private final Scrubber scrubber;
  private final Clock clock;

  /** A transport over the pipeline. */
  public AdoTransport(HttpPipeline pipeline, Scrubber scrubber, Clock clock) {
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.scrubber = Objects.requireNonNull(scrubber, "scrubber");
    this.clock = Objects.requireNonNull(clock, "clock");
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
    try (HttpResponse response = pipeline.sendSync(request, Context.NONE)) {
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
      throw new UncheckedIOException(e);
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
