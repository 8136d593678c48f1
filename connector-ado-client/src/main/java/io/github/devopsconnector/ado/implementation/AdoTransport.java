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
import java.time.Clock;
import java.util.Objects;

/**
 * Sends one request through the pipeline and reads the whole response. Every request asks for JSON and carries
 * {@code X-TFS-FedAuthRedirect: Suppress}, so a bad credential answers 401 instead of a sign-in page.
 */
public final class AdoTransport {
  static final HttpHeaderName FED_AUTH_REDIRECT = HttpHeaderName.fromString("X-TFS-FedAuthRedirect");

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
      byte[] body;
      if (method == HttpMethod.HEAD) {
        body = new byte[0];
      } else {
        BinaryData data = response.getBodyAsBinaryData();
        body = data == null ? new byte[0] : data.toBytes();
      }
      return new AdoResponse(method, request.getUrl(), response.getStatusCode(),
          new HttpHeaders(response.getHeaders()), body);
    } catch (AzureDevOpsException e) {
      throw e;
    } catch (RuntimeException e) {
      throw ErrorMapper.fromFailure(e, call, method + " " + withoutQuery(url), scrubber);
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
