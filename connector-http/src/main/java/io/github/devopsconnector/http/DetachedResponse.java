package io.github.devopsconnector.http;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.BinaryData;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A response read to the end and detached from the connection, safe to keep in exceptions and pages: its
 * {@link #getRequest() request} is a copy with the method and URL only, never the headers (which carry the
 * credential) nor the body (which may carry a one-time code).
 */
public final class DetachedResponse extends HttpResponse {
  private final int status;
  private final HttpHeaders headers;
  private final byte[] body;
  private final SecretScrubber scrubber;

  private DetachedResponse(HttpRequest request, int status, HttpHeaders headers, byte[] body,
      SecretScrubber scrubber) {
    super(request);
    this.status = status;
    this.headers = headers == null ? new HttpHeaders() : headers;
    this.body = body == null ? new byte[0] : body;
    this.scrubber = Objects.requireNonNull(scrubber, "scrubber");
  }

  /**
   * A response to a request of which only the method and URL are kept.
   *
   * @param method the request's method
   * @param url the request's URL
   * @param status the status
   * @param headers the response's headers
   * @param body the whole body (kept, not copied)
   * @param scrubber the scrubber of the client that received it, for messages made from it
   * @return the response
   */
  public static DetachedResponse of(HttpMethod method, URL url, int status, HttpHeaders headers, byte[] body,
      SecretScrubber scrubber) {
    return new DetachedResponse(new HttpRequest(method, url, new HttpHeaders()), status, headers, body, scrubber);
  }

  /**
   * A response to a request of which only the method and URL are kept: neither its headers (credentials, and
   * whatever a caller's policies added) nor its body (which may carry a one-time code).
   *
   * @param original the request as sent
   * @param status the status
   * @param headers the response's headers
   * @param body the whole body (kept, not copied)
   * @param scrubber the scrubber of the client that received it, for messages made from it
   * @return the response
   */
  public static DetachedResponse of(HttpRequest original, int status, HttpHeaders headers, byte[] body,
      SecretScrubber scrubber) {
    return of(original.getHttpMethod(), original.getUrl(), status, headers, body, scrubber);
  }

  /**
   * The scrubber of the client that received the response.
   *
   * @return the scrubber
   */
  public SecretScrubber scrubber() {
    return scrubber;
  }

  @Override
  public int getStatusCode() {
    return status;
  }

  @Override
  public String getHeaderValue(String name) {
    return headers.getValue(HttpHeaderName.fromString(name));
  }

  @Override
  public HttpHeaders getHeaders() {
    return headers;
  }

  /**
   * A header's value.
   *
   * @param name the header's name, in any case
   * @return the value; empty when absent or blank
   */
  public Optional<String> header(String name) {
    String value = headers.getValue(HttpHeaderName.fromString(name));
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  @Override
  public Flux<ByteBuffer> getBody() {
    return Flux.defer(() -> Flux.just(ByteBuffer.wrap(body.clone())));
  }

  @Override
  public Mono<byte[]> getBodyAsByteArray() {
    return Mono.fromSupplier(body::clone);
  }

  @Override
  public Mono<String> getBodyAsString() {
    return Mono.fromSupplier(this::bodyText);
  }

  @Override
  public Mono<String> getBodyAsString(Charset charset) {
    return Mono.fromSupplier(() -> new String(body, charset));
  }

  @Override
  public BinaryData getBodyAsBinaryData() {
    return BinaryData.fromBytes(body.clone());
  }

  /**
   * The body bytes (not a copy; do not modify).
   *
   * @return the body
   */
  public byte[] bodyBytes() {
    return body;
  }

  /**
   * The body as UTF-8 text.
   *
   * @return the text
   */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * Whether the status is 2xx.
   *
   * @return whether it is a success
   */
  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  /**
   * Whether the body is an HTML page (by content type, or because it starts with {@code <}): a sign-in page or a
   * proxy's error page, never the JSON an API promises.
   *
   * @return whether it is HTML
   */
  public boolean isHtml() {
    String type = headers.getValue(HttpHeaderName.CONTENT_TYPE);
    if (type != null && type.toLowerCase(Locale.ROOT).contains("html")) {
      return true;
    }
    for (byte b : body) {
      if (b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == (byte) 0xEF || b == (byte) 0xBB
          || b == (byte) 0xBF) {
        continue;
      }
      return b == '<';
    }
    return false;
  }

  @Override
  public String toString() {
    return "HTTP " + status + " for " + getRequest().getHttpMethod() + " "
        + Urls.withoutQuery(getRequest().getUrl().toString());
  }
}
