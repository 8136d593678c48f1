package io.github.devopsconnector.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A well-formed answer of {@link RawHttpServer}: status, headers, body and an optional delay before the headers
 * (like {@code MockResponse} of OkHttp's {@code MockWebServer}). Immutable: {@link #header} and {@link #delay}
 * return changed copies. A {@code HEAD} request gets the headers only.
 */
public final class Reply implements RawHttpServer.Responder {
  private final int status;
  private final Map<String, String> headers;
  private final byte[] body;
  private final Duration delay;

  private Reply(int status, Map<String, String> headers, byte[] body, Duration delay) {
    this.status = status;
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    this.body = body;
    this.delay = delay;
  }

  /** An answer with this status and neither headers nor body. */
  public static Reply empty(int status) {
    return new Reply(status, Map.of(), new byte[0], Duration.ZERO);
  }

  /** An answer with a body of this content type. */
  public static Reply body(int status, String contentType, byte[] body) {
    return new Reply(status, Map.of("Content-Type", contentType), body.clone(), Duration.ZERO);
  }

  /** A JSON answer ({@code application/json; charset=utf-8}). */
  public static Reply json(int status, String json) {
    return body(status, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8));
  }

  /** An HTML answer ({@code text/html; charset=utf-8}), such as a sign-in page. */
  public static Reply html(int status, String html) {
    return body(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
  }

  /** This answer with one more header (or the header's value replaced). */
  public Reply header(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new Reply(status, copy, body, delay);
  }

  /** This answer, sent only after the server waited this long with the connection open. */
  public Reply delay(Duration delay) {
    return new Reply(status, headers, body, delay);
  }

  /** The status. */
  public int status() {
    return status;
  }

  /** The headers, in order. */
  public Map<String, String> headers() {
    return headers;
  }

  /** A copy of the body. */
  public byte[] bodyBytes() {
    return body.clone();
  }

  @Override
  public void respond(RawHttpServer.Request request, OutputStream out) throws IOException {
    if (!delay.isZero()) {
      try {
        Thread.sleep(delay.toMillis());
      } catch (InterruptedException closing) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    RawHttpServer.reply(status, headers, body).respond(request, out);
  }

  @Override
  public String toString() {
    return "Reply{" + status + ", " + headers + ", " + body.length + " bytes}";
  }
}
