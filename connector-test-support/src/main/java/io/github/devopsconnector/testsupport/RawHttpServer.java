package io.github.devopsconnector.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The clients' one HTTP test double, in the spirit of OkHttp's {@code MockWebServer}: a loopback HTTP/1.1 server on
 * raw sockets that answers with scripted responses and records every request (method, path, query, headers, body).
 *
 * <ul>
 *   <li>Script answers in order with {@link #enqueue(Responder)}, or by route with {@link #on(String, String,
 *       Responder)} (the same answer each time), {@link #on(String, String, Function)} (an answer computed from
 *       the request) and {@link #sequence(Responder...)}; {@link #otherwise(Responder)} answers the rest, and
 *       what is left gets the 404 given to {@link #start(Function)}. Queued answers come first.
 *   <li>Well-formed answers are {@link Reply}s (status, headers, body, a delay before the headers). Because it
 *       writes to the socket itself, it can also give what a real server cannot: lying {@code Content-Length}s
 *       ({@link #declared}), bodies without a length ({@link #chunked}), status lines that are not HTTP
 *       ({@link #raw(String)}), a trickle ({@link #drip}, {@link #dripBody}), silence ({@link #stall()}).
 *   <li>Read what the client sent with {@link #takeRequest()} (in order, waiting for it) or {@link #requests()}.
 * </ul>
 *
 * <p>One request per connection ({@code Connection: close}). Listens on 127.0.0.1 only.
 */
public final class RawHttpServer implements AutoCloseable {

  /**
   * A request as the server read it (and as {@link CannedHttpClient} records it).
   *
   * @param method the method, upper case
   * @param url the whole URL, scheme, host and query included
   * @param path the decoded path
   * @param rawPath the path as sent, percent-encoding and all
   * @param query the decoded query parameters (the last value of a repeated one)
   * @param headers the headers, names in lower case (the last value of a repeated one)
   * @param body the body (at most 1 MB of it)
   */
  public record Request(String method, String url, String path, String rawPath, Map<String, String> query,
      Map<String, String> headers, byte[] body) {

    /**
     * A request as it would reach a server at this URL.
     *
     * @param method the method, in any case
     * @param url the whole URL
     * @param headers the headers, in any case (the last value of a repeated one is kept)
     * @param body the body, or null for none
     * @return the request, names of headers in lower case
     */
    public static Request of(String method, URI url, Map<String, String> headers, byte[] body) {
      Map<String, String> lower = new LinkedHashMap<>();
      headers.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
      return new Request(method.toUpperCase(Locale.ROOT), url.toString(), url.getPath(), url.getRawPath(),
          RawHttpServer.query(url.getRawQuery()), lower, body == null ? new byte[0] : body.clone());
    }

    /**
     * A header's value, whatever the case of its name.
     *
     * @param name the header's name
     * @return the value, or null when absent
     */
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /**
     * The body as UTF-8 text.
     *
     * @return the text
     */
    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** Writes the whole answer, status line included, to the connection. */
  @FunctionalInterface
  public interface Responder {
    /** Writes the answer. */
    void respond(Request request, OutputStream out) throws IOException;
  }

  private final ServerSocket socket;
  private final ExecutorService workers;
  private final Map<String, Responder> routes = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final BlockingQueue<Request> untaken = new LinkedBlockingQueue<>();
  private final ConcurrentLinkedQueue<Responder> queue = new ConcurrentLinkedQueue<>();
  private final Function<Request, Responder> notFound;
  private volatile Responder fallback;

  private RawHttpServer(ServerSocket socket, Function<Request, Responder> notFound) {
    this.socket = socket;
    this.notFound = notFound;
    this.workers = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "raw-http-server");
      thread.setDaemon(true);
      return thread;
    });
    workers.execute(this::accept);
  }

  /**
   * Starts a server on 127.0.0.1 and a free port whose unscripted requests get a 404 with a JSON body whose
   * {@code message} names the request (the error shape of Azure DevOps).
   */
  public static RawHttpServer start() {
    return start(request -> json(404, "application/json; charset=utf-8", "{\"message\":\"No route for "
        + request.method() + " " + request.path().replace("\"", "").replace("\\", "") + " in the test server.\"}"));
  }

  /**
   * Starts a server on 127.0.0.1 and a free port.
   *
   * @param notFound the answer to a request that no route and no {@link #otherwise} matches, shaped like the
   *     service's own 404
   */
  public static RawHttpServer start(Function<Request, Responder> notFound) {
    try {
      return new RawHttpServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), notFound);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code http://127.0.0.1:port}. */
  public String url() {
    return "http://127.0.0.1:" + socket.getLocalPort();
  }

  /** Answers requests for this method and decoded path with the responder. */
  public RawHttpServer on(String method, String path, Responder responder) {
    routes.put(method.toUpperCase(Locale.ROOT) + " " + path, responder);
    return this;
  }

  /** Answers requests for this method and decoded path with what the handler makes of each. */
  public RawHttpServer on(String method, String path, Function<Request, ? extends Responder> handler) {
    return on(method, path, (request, out) -> handler.apply(request).respond(request, out));
  }

  /** Answers the next request, whatever it is, before any route; answers queue up in order. */
  public RawHttpServer enqueue(Responder responder) {
    queue.add(responder);
    return this;
  }

  /** The responders in turn, then the last one again and again. */
  public static Function<Request, Responder> sequence(Responder... responders) {
    List<Responder> list = Arrays.asList(responders.clone());
    AtomicInteger next = new AtomicInteger();
    return request -> list.get(Math.min(next.getAndIncrement(), list.size() - 1));
  }

  /** Answers every request no route matches (instead of a 404). */
  public RawHttpServer otherwise(Responder responder) {
    this.fallback = responder;
    return this;
  }

  /** Every request read so far, in order. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The requests read so far for one decoded path, in order. */
  public List<Request> requests(String path) {
    List<Request> matching = new ArrayList<>();
    for (Request request : requests) {
      if (request.path().equals(path)) {
        matching.add(request);
      }
    }
    return matching;
  }

  /**
   * The oldest request not taken yet, waiting up to 10 seconds for one.
   *
   * @throws IllegalStateException if none came
   */
  public Request takeRequest() {
    Request request = takeRequest(Duration.ofSeconds(10));
    if (request == null) {
      throw new IllegalStateException("No request reached the server within 10 s.");
    }
    return request;
  }

  /** The oldest request not taken yet, waiting up to {@code timeout} for one; null if none came. */
  public Request takeRequest(Duration timeout) {
    try {
      return untaken.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  // ----------------------------------------------------------------------------------------------- responders

  /** A complete answer with an exact {@code Content-Length}. */
  public static Responder reply(int status, Map<String, String> headers, byte[] body) {
    return (request, out) -> {
      StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(" Status\r\n");
      headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
      if (headers.keySet().stream().noneMatch("Content-Length"::equalsIgnoreCase)) {
        head.append("Content-Length: ").append(request.method().equals("HEAD") ? 0 : body.length).append("\r\n");
      }
      head.append("Connection: close\r\n\r\n");
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      if (!request.method().equals("HEAD")) {
        out.write(body);
      }
    };
  }

  /** A complete JSON answer with this content type. */
  public static Responder json(int status, String contentType, String json) {
    return reply(status, Map.of("Content-Type", contentType), json.getBytes(StandardCharsets.UTF_8));
  }

  /** A complete JSON answer with this content type. */
  public static Responder json(int status, String contentType, byte[] json) {
    return reply(status, Map.of("Content-Type", contentType), json);
  }

  /** A complete answer with these headers and a UTF-8 body. */
  public static Responder withHeaders(int status, Map<String, String> headers, String body) {
    return reply(status, headers, body.getBytes(StandardCharsets.UTF_8));
  }

  /** Bytes written as they are, status line and all. */
  public static Responder raw(byte[] bytes) {
    return (request, out) -> out.write(bytes);
  }

  /** Text written as ISO-8859-1 bytes, status line and all. */
  public static Responder raw(String text) {
    return raw(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  /**
   * A 200 JSON answer without a length, chunked: the prefix, then {@code fill} bytes repeated until
   * {@code total} bytes were sent (or the client hung up).
   */
  public static Responder chunked(String prefix, byte fill, long total) {
    return (request, out) -> {
      out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
          + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      byte[] start = prefix.getBytes(StandardCharsets.UTF_8);
      writeChunk(out, start, start.length);
      byte[] chunk = new byte[64 * 1024];
      java.util.Arrays.fill(chunk, fill);
      long sent = start.length;
      while (sent < total) {
        int length = (int) Math.min(chunk.length, total - sent);
        writeChunk(out, chunk, length);
        sent += length;
      }
      out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    };
  }

  /** A 200 JSON answer that declares this length and sends that many bytes of the prefix then {@code fill}. */
  public static Responder declared(String prefix, byte fill, long length) {
    return declared(200, prefix, fill, length);
  }

  /** A JSON answer that declares this length and sends that many bytes of the prefix then {@code fill}. */
  public static Responder declared(int status, String prefix, byte fill, long length) {
    return (request, out) -> {
      out.write(("HTTP/1.1 " + status + " Status\r\nContent-Type: application/json\r\nContent-Length: " + length
          + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      byte[] start = prefix.getBytes(StandardCharsets.UTF_8);
      out.write(start);
      byte[] chunk = new byte[64 * 1024];
      java.util.Arrays.fill(chunk, fill);
      long sent = start.length;
      while (sent < length) {
        int n = (int) Math.min(chunk.length, length - sent);
        out.write(chunk, 0, n);
        sent += n;
      }
    };
  }

  /**
   * Never answers: reads the request and holds the connection open until the server closes (a server that
   * stalls, or a black hole behind a proxy).
   */
  public static Responder stall() {
    return (request, out) -> {
      try {
        while (true) {
          Thread.sleep(60_000);
        }
      } catch (InterruptedException closing) {
        Thread.currentThread().interrupt();
      }
    };
  }

  /**
   * Slowloris: writes the answer (status line, headers and body, as given) one byte at a time, pausing
   * {@code interval} between bytes, until it is all sent, the client hangs up or the server closes.
   */
  public static Responder drip(String answer, java.time.Duration interval) {
    byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
    return (request, out) -> {
      try {
        for (byte b : bytes) {
          out.write(b);
          out.flush();
          Thread.sleep(interval.toMillis());
        }
      } catch (InterruptedException closing) {
        Thread.currentThread().interrupt();
      }
    };
  }

  /**
   * A complete header block, then the body one byte at a time every {@code interval} (the headers arrive at once,
   * so only a limit on the whole body catches it).
   */
  public static Responder dripBody(int status, String contentType, String body, java.time.Duration interval) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return (request, out) -> {
      out.write(("HTTP/1.1 " + status + " Status\r\nContent-Type: " + contentType + "\r\nContent-Length: "
          + bytes.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      try {
        for (byte b : bytes) {
          Thread.sleep(interval.toMillis());
          out.write(b);
          out.flush();
        }
      } catch (InterruptedException closing) {
        Thread.currentThread().interrupt();
      }
    };
  }

  private static void writeChunk(OutputStream out, byte[] bytes, int length) throws IOException {
    out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    out.write(bytes, 0, length);
    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
  }

  // ---------------------------------------------------------------------------------------------- the server

  private void accept() {
    while (!socket.isClosed()) {
      Socket connection;
      try {
        connection = socket.accept();
      } catch (IOException closed) {
        return;
      }
      workers.execute(() -> serve(connection));
    }
  }

  private void serve(Socket connection) {
    try (connection) {
      connection.setSoTimeout(10_000);
      InputStream in = connection.getInputStream();
      Request request = read(in);
      if (request == null) {
        return;
      }
      requests.add(request);
      untaken.add(request);
      Responder responder = queue.poll();
      if (responder == null) {
        responder = routes.getOrDefault(request.method() + " " + request.path(), fallback);
      }
      OutputStream out = connection.getOutputStream();
      (responder == null ? notFound.apply(request) : responder).respond(request, out);
      out.flush();
      connection.shutdownOutput();
    } catch (SocketException hungUp) {
      // The client closed the connection first, as it should for answers it refuses to read.
    } catch (IOException e) {
      // Nothing to report to: the test asserts what the client saw.
    }
  }

  private Request read(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int last4 = 0;
    int b;
    while (last4 != 0x0d0a0d0a && (b = in.read()) != -1) {
      head.write(b);
      last4 = (last4 << 8) | b;
      if (head.size() > 65_536) {
        return null;
      }
    }
    String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
    if (lines.length == 0 || lines[0].isBlank()) {
      return null;
    }
    String[] start = lines[0].split(" ");
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim());
      }
    }
    String length = headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("Content-Length"))
        .map(Map.Entry::getValue).reduce((first, last) -> last).orElse("0");
    byte[] body = in.readNBytes((int) Math.min(Long.parseLong(length), 1_000_000));
    URI target = URI.create(start[1]);
    return Request.of(start[0], target.isAbsolute() ? target : URI.create(url() + start[1]), headers, body);
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    workers.shutdownNow();
  }
}
