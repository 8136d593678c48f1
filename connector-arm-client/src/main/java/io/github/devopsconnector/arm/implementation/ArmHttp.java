package io.github.devopsconnector.arm.implementation;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * Sends ARM requests through the pipeline and reads the responses: JSON in and out, failures as exceptions, and
 * every URL checked against the endpoint's origin before anything is sent to it.
 */
public final class ArmHttp {

  /** The most of a response body the client reads; a larger body would only exhaust the heap. */
  static final int MAX_BODY_BYTES = 64 * 1024 * 1024;

  private final HttpPipeline pipeline;
  private final URL endpoint;
  private final String base;

  /** Sends through this pipeline to this endpoint. */
  public ArmHttp(HttpPipeline pipeline, URL endpoint) {
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
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
   * Sends a request.
   *
   * @param body the JSON body, or {@code null}
   * @param headers extra headers
   * @return the response, when its status is below 300
   * @throws com.azure.core.exception.HttpResponseException (or a subclass) for any other status
   */
  public ArmResponse send(HttpMethod method, String url, JsonNode body, Map<String, String> headers) {
    return send(method, url, body, null, headers);
  }

  /**
   * Sends a request whose real body carries a secret: {@code redactedBody} is what the pipeline's logging sees,
   * {@code secretBody} (UTF-8 JSON) what goes on the wire. The secret buffer is wiped when this returns.
   */
  public ArmResponse sendSecret(HttpMethod method, String url, JsonNode redactedBody, byte[] secretBody,
      Map<String, String> headers) {
    Objects.requireNonNull(secretBody, "secretBody");
    try {
      return send(method, url, redactedBody, secretBody, headers);
    } finally {
      Arrays.fill(secretBody, (byte) 0);
    }
  }

  private ArmResponse send(HttpMethod method, String url, JsonNode body, byte[] secretBody,
      Map<String, String> headers) {
    checkSameOrigin(url, "a URL");
    HttpRequest request = new HttpRequest(method, url);
    request.setHeader(HttpHeaderName.ACCEPT, "application/json");
    headers.forEach(request::setHeader);
    if (body != null) {
      request.setHeader(HttpHeaderName.CONTENT_TYPE, "application/json");
      request.setBody(Json.bytes(body));
    }
    Context context = secretBody == null ? Context.NONE : new Context(SecretBodyPolicy.SECRET_BODY_KEY, secretBody);
    ArmResponse read;
    boolean tooLarge;
    try (HttpResponse response = pipeline.sendSync(request, context)) {
      byte[] bytes = boundedBody(response);
      tooLarge = bytes == null;
      bytes = tooLarge ? new byte[0] : bytes;
      com.azure.core.http.HttpHeaders copy = new com.azure.core.http.HttpHeaders();
      response.getHeaders().forEach(header -> copy.add(header.getName(), header.getValue()));
      read = new ArmResponse(new DetachedHttpResponse(response.getRequest(), response.getStatusCode(), copy, bytes),
          bytes);
    }
    if (tooLarge && read.status() < 300) {
      throw read.malformed("a body larger than 64 MiB, the most the client reads");
    }
    if (read.status() >= 300) {
      throw ArmErrors.toException(read);
    }
    return read;
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
    com.azure.core.util.BinaryData data = response.getBodyAsBinaryData();
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
}
