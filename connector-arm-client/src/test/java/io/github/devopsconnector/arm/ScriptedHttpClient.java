package io.github.devopsconnector.arm;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.BinaryData;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** An HttpClient that answers from a script and records exactly what went on the wire. */
final class ScriptedHttpClient implements HttpClient {

  /** A request as sent. */
  record Sent(String method, String url, Map<String, String> headers, byte[] body) {
    String bodyText() {
      return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }
  }

  final List<Sent> sent = new CopyOnWriteArrayList<>();
  private final Deque<Object[]> script = new ArrayDeque<>();

  ScriptedHttpClient respond(int status, Map<String, String> headers, String body) {
    script.add(new Object[] {status, headers, body});
    return this;
  }

  @Override
  public synchronized Mono<HttpResponse> send(HttpRequest request) {
    BinaryData data = request.getBodyAsBinaryData();
    Map<String, String> headers = new java.util.LinkedHashMap<>();
    request.getHeaders().forEach(h -> headers.put(h.getName().toLowerCase(java.util.Locale.ROOT), h.getValue()));
    sent.add(new Sent(request.getHttpMethod().name(), request.getUrl().toString(), headers,
        data == null ? null : data.toBytes().clone()));
    Object[] next = script.poll();
    if (next == null) {
      return Mono.error(new IllegalStateException("The script has no response for " + request.getUrl()));
    }
    @SuppressWarnings("unchecked")
    Map<String, String> responseHeaders = (Map<String, String>) next[1];
    return Mono.just(new Response(request, (Integer) next[0], responseHeaders, (String) next[2]));
  }

  private static final class Response extends HttpResponse {
    private final int status;
    private final HttpHeaders headers = new HttpHeaders();
    private final byte[] body;

    Response(HttpRequest request, int status, Map<String, String> headers, String body) {
      super(request);
      this.status = status;
      headers.forEach(this.headers::set);
      this.body = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
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
      return Flux.just(ByteBuffer.wrap(body));
    }

    @Override
    public Mono<byte[]> getBodyAsByteArray() {
      return Mono.just(body);
    }

    @Override
    public Mono<String> getBodyAsString() {
      return Mono.just(new String(body, StandardCharsets.UTF_8));
    }

    @Override
    public Mono<String> getBodyAsString(Charset charset) {
      return Mono.just(new String(body, charset));
    }

    @Override
    public BinaryData getBodyAsBinaryData() {
      return BinaryData.fromBytes(body);
    }
  }
}
