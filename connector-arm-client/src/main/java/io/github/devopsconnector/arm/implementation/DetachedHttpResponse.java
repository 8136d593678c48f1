package io.github.devopsconnector.arm.implementation;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.BinaryData;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A fully read response that is safe to keep in exceptions and pages: its request is a copy with the method, URL
 * and headers but neither the {@code Authorization} header nor the body (which may carry the authorization code).
 */
public final class DetachedHttpResponse extends HttpResponse {

  private final int status;
  private final HttpHeaders headers;
  private final byte[] body;

  DetachedHttpResponse(HttpRequest original, int status, HttpHeaders headers, byte[] body) {
    super(sanitized(original));
    this.status = status;
    this.headers = headers;
    this.body = body;
  }

  private static HttpRequest sanitized(HttpRequest original) {
    HttpHeaders headers = new HttpHeaders();
    original.getHeaders().forEach(header -> {
      if (!header.getName().equalsIgnoreCase(HttpHeaderName.AUTHORIZATION.getCaseInsensitiveName())) {
        headers.set(header.getName(), header.getValue());
      }
    });
    return new HttpRequest(original.getHttpMethod(), original.getUrl(), headers);
  }

  @Override
  public int getStatusCode() {
    return status;
  }

  @Override
  public String getHeaderValue(String name) {
    return headers.getValue(name);
  }

  @Override
  public HttpHeaders getHeaders() {
    return headers;
  }

  @Override
  public Flux<ByteBuffer> getBody() {
    return Flux.just(ByteBuffer.wrap(body.clone()));
  }

  @Override
  public BinaryData getBodyAsBinaryData() {
    return BinaryData.fromBytes(body.clone());
  }

  @Override
  public Mono<byte[]> getBodyAsByteArray() {
    return Mono.just(body.clone());
  }

  @Override
  public Mono<String> getBodyAsString() {
    return getBodyAsString(StandardCharsets.UTF_8);
  }

  @Override
  public Mono<String> getBodyAsString(Charset charset) {
    return Mono.just(new String(body, charset));
  }

  @Override
  public String toString() {
    return "HTTP " + status + " for " + getRequest().getHttpMethod() + " "
        + Urls.withoutQuery(getRequest().getUrl().toString());
  }
}
