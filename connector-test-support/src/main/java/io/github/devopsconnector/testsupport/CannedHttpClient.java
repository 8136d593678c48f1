package io.github.devopsconnector.testsupport;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An in-memory HTTP client: every request is answered by a function, or from a script in order, without any
 * network; every request is recorded as it went on the wire (the body as the last policy left it) in the same
 * {@link RawHttpServer.Request} that {@link RawHttpServer} records.
 */
public final class CannedHttpClient implements HttpClient {

  /** An answer: status, headers, body. */
  public record Answer(int status, Map<String, String> headers, byte[] body) {}

  private final Function<HttpRequest, Answer> answers;
  private final Deque<Answer> script = new ArrayDeque<>();
  private final List<RawHttpServer.Request> requests = new CopyOnWriteArrayList<>();

  /** A client that answers every request with the function's answer. */
  public CannedHttpClient(Function<HttpRequest, Answer> answers) {
    this.answers = answers;
  }

  /**
   * A client that answers from its script, in order ({@link #enqueue}); a request beyond the script fails with an
   * {@link IllegalStateException}.
   */
  public CannedHttpClient() {
    this.answers = this::next;
  }

  /** Adds an answer to the script: the status, the headers and a UTF-8 body (null for none). */
  public CannedHttpClient enqueue(int status, Map<String, String> headers, String body) {
    synchronized (script) {
      script.add(new Answer(status, headers, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8)));
    }
    return this;
  }

  /** Every request sent so far, in order. */
  public List<RawHttpServer.Request> requests() {
    return List.copyOf(requests);
  }

  @Override
  public Mono<HttpResponse> send(HttpRequest request) {
    return Mono.fromCallable(() -> sendSync(request, Context.NONE));
  }

  @Override
  public HttpResponse sendSync(HttpRequest request, Context context) {
    record(request);
    Answer answer = answers.apply(request);
    return new Canned(request, answer.status(), answer.headers(), answer.body());
  }

  private void record(HttpRequest request) {
    BinaryData data = request.getBodyAsBinaryData();
    Map<String, String> headers = new LinkedHashMap<>();
    request.getHeaders().forEach(h -> headers.put(h.getName(), h.getValue()));
    requests.add(RawHttpServer.Request.of(request.getHttpMethod().name(), uri(request.getUrl()), headers,
        data == null ? null : data.toBytes()));
  }

  /** The URL as a URI; characters a URI does not allow (a fuzzed link may have them) are quoted. */
  private static URI uri(URL url) {
    try {
      return url.toURI();
    } catch (URISyntaxException notStrict) {
      try {
        return new URI(url.getProtocol(), url.getUserInfo(), url.getHost(), url.getPort(), url.getPath(),
            url.getQuery(), url.getRef());
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("Not a URI: " + url, e);
      }
    }
  }

  private Answer next(HttpRequest request) {
    synchronized (script) {
      Answer next = script.poll();
      if (next == null) {
        throw new IllegalStateException("The script has no response for " + request.getUrl());
      }
      return next;
    }
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
