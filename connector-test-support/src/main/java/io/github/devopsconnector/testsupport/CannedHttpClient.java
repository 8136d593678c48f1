package io.github.devopsconnector.testsupport;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** An in-memory HTTP client: every request is answered by a function, without any network. */
public final class CannedHttpClient implements HttpClient {

  /** An answer: status, headers, body. */
  public record Answer(int status, Map<String, String> headers, byte[] body) {}

  private final Function<HttpRequest, Answer> answers;

  /** A client that answers every request with the function's answer. */
  public CannedHttpClient(Function<HttpRequest, Answer> answers) {
    this.answers = answers;
  }

  @Override
  public Mono<HttpResponse> send(HttpRequest request) {
    return Mono.fromCallable(() -> sendSync(request, Context.NONE));
  }

  @Override
  public HttpResponse sendSync(HttpRequest request, Context context) {
    Answer answer = answers.apply(request);
    return new Canned(request, answer.status(), answer.headers(), answer.body());
  }

  private static final class Canned extends HttpResponse {
    private final int status;
    private final HttpHeaders headers = new HttpHeaders();
    private final byte[] body;

    Canned(HttpRequest request, int status, Map<String, String> headers, byte[] body) {
      super(request);
      this.status = status;
      headers.forEach((name, value) -> this.headers.set(HttpHeaderName.fromString(name), value));
      this.body = body;
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
      return Flux.just(ByteBuffer.wrap(body.clone()));
    }

    @Override
    public Mono<byte[]> getBodyAsByteArray() {
      return Mono.just(body.clone());
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
      return BinaryData.fromBytes(body.clone());
    }
  }
}
