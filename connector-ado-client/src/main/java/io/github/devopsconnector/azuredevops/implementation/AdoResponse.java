package io.github.devopsconnector.azuredevops.implementation;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.BinaryData;
import io.github.devopsconnector.http.SecretScrubber;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A response read to the end and detached from the connection. Its {@link #getRequest() request} is a copy
 * without the {@code Authorization} header, so that exceptions carrying this response never carry the
 * credential.
 */
public final class AdoResponse extends HttpResponse {
  private static final HttpHeaderName CONTINUATION = HttpHeaderName.fromString("X-MS-ContinuationToken");

  private final int status;
  private final HttpHeaders headers;
  private final byte[] body;
  private final SecretScrubber scrubber;

  AdoResponse(HttpMethod method, URL url, int status, HttpHeaders headers, byte[] body) {
    this(method, url, status, headers, body, SecretScrubber.create());
  }

  AdoResponse(HttpMethod method, URL url, int status, HttpHeaders headers, byte[] body, SecretScrubber scrubber) {
    super(new HttpRequest(method, url, new HttpHeaders()));
    this.status = status;
    this.headers = headers == null ? new HttpHeaders() : headers;
    this.body = body == null ? new byte[0] : body;
    this.scrubber = scrubber;
  }

  /** The scrubber of the client that received the response, for messages made from it. */
  SecretScrubber scrubber() {
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

  /** The body bytes (not a copy; do not modify). */
  byte[] bodyBytes() {
    return body;
  }

  /** The body as UTF-8 text. */
  String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The next page's token, from {@code X-MS-ContinuationToken}; empty when absent or blank. */
  Optional<String> continuationToken() {
    String value = headers.getValue(CONTINUATION);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  /** Whether the body is an HTML page (by content type, or because it starts with {@code <}). */
  boolean isHtml() {
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

  /** Whether the status is 2xx. */
  boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  @Override
  public String toString() {
    return "AdoResponse{" + getRequest().getHttpMethod() + " " + getRequest().getUrl() + " -> " + status + "}";
  }
}
