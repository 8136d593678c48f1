package io.github.devopsconnector.arm;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import io.github.devopsconnector.testsupport.CannedHttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Mono;

/**
 * The shared {@link CannedHttpClient} answering from a script, in order, and recording exactly what went on the
 * wire (the body as the last policy left it, so the one-time code shows here and nowhere else).
 */
final class ScriptedHttpClient implements HttpClient {

  /** A request as sent. */
  record Sent(String method, String url, Map<String, String> headers, byte[] body) {
    String bodyText() {
      return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }
  }

  final List<Sent> sent = new CopyOnWriteArrayList<>();
  private final Deque<CannedHttpClient.Answer> script = new ArrayDeque<>();
  private final CannedHttpClient canned = new CannedHttpClient(this::answer);

  ScriptedHttpClient respond(int status, Map<String, String> headers, String body) {
    script.add(new CannedHttpClient.Answer(status, headers,
        body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8)));
    return this;
  }

  @Override
  public Mono<HttpResponse> send(HttpRequest request) {
    return canned.send(request);
  }

  @Override
  public HttpResponse sendSync(HttpRequest request, Context context) {
    return canned.sendSync(request, context);
  }

  private synchronized CannedHttpClient.Answer answer(HttpRequest request) {
    BinaryData data = request.getBodyAsBinaryData();
    Map<String, String> headers = new LinkedHashMap<>();
    request.getHeaders().forEach(h -> headers.put(h.getName().toLowerCase(Locale.ROOT), h.getValue()));
    sent.add(new Sent(request.getHttpMethod().name(), request.getUrl().toString(), headers,
        data == null ? null : data.toBytes().clone()));
    CannedHttpClient.Answer next = script.poll();
    if (next == null) {
      throw new IllegalStateException("The script has no response for " + request.getUrl());
    }
    return next;
  }
}
