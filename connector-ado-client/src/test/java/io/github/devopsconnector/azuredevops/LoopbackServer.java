package io.github.devopsconnector.azuredevops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A tiny Azure DevOps stand-in on 127.0.0.1: routes by method and decoded path, serves scripted replies, and
 * records every request it receives.
 */
final class LoopbackServer implements AutoCloseable {

  /** A request as the server saw it. */
  record Request(String method, String path, String rawPath, Map<String, String> query,
      Map<String, List<String>> headers) {

    /** The first value of a header, ignoring the name's case; null when absent. */
    String header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
          return e.getValue().get(0);
        }
      }
      return null;
    }
  }

  /** A scripted reply. */
  record Reply(int status, Map<String, String> headers, byte[] body) {

    static Reply json(int status, String json) {
      return new Reply(status, Map.of("Content-Type", "application/json; charset=utf-8; api-version=7.1"),
          json.getBytes(StandardCharsets.UTF_8));
    }

    static Reply html(int status, String html) {
      return new Reply(status, Map.of("Content-Type", "text/html; charset=utf-8"),
          html.getBytes(StandardCharsets.UTF_8));
    }

    static Reply empty(int status) {
      return new Reply(status, Map.of(), new byte[0]);
    }

    Reply header(String name, String value) {
      Map<String, String> copy = new LinkedHashMap<>(headers);
      copy.put(name, value);
      return new Reply(status, copy, body);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<String, Function<Request, Reply>> routes = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  private LoopbackServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  static LoopbackServer start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      ExecutorService executor = Executors.newFixedThreadPool(4);
      LoopbackServer loopback = new LoopbackServer(server, executor);
      server.createContext("/", loopback::handle);
      server.setExecutor(executor);
      server.start();
      return loopback;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code http://127.0.0.1:port}. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Serves the handler's reply for the method and decoded path. */
  LoopbackServer on(String method, String path, Function<Request, Reply> handler) {
    routes.put(method.toUpperCase(Locale.ROOT) + " " + path, handler);
    return this;
  }

  /** Serves the same reply every time. */
  LoopbackServer on(String method, String path, Reply reply) {
    return on(method, path, request -> reply);
  }

  /** Serves the replies in turn, then the last one again and again. */
  static Function<Request, Reply> sequence(Reply... replies) {
    List<Reply> list = Arrays.asList(replies);
    AtomicInteger next = new AtomicInteger();
    return request -> list.get(Math.min(next.getAndIncrement(), list.size() - 1));
  }

  /** Every request received so far, in order. */
  List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The requests for one decoded path. */
  List<Request> requests(String path) {
    List<Request> matching = new ArrayList<>();
    for (Request r : requests) {
      if (r.path().equals(path)) {
        matching.add(r);
      }
    }
    return matching;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      try (InputStream in = exchange.getRequestBody()) {
        in.readAllBytes();
      }
      String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
      String path = exchange.getRequestURI().getPath();
      Request request = new Request(method, path, exchange.getRequestURI().getRawPath(),
          query(exchange.getRequestURI().getRawQuery()), copy(exchange.getRequestHeaders()));
      requests.add(request);
      Function<Request, Reply> handler = routes.get(method + " " + path);
      Reply reply = handler == null
          ? Reply.json(404, "{\"$id\":\"1\",\"innerException\":null,\"message\":\"No route for " + method + " "
              + path.replace("\"", "") + " in the test server.\",\"typeKey\":\"NotFound\",\"errorCode\":0}")
          : handler.apply(request);
      reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      boolean noBody = method.equals("HEAD") || reply.body().length == 0;
      exchange.sendResponseHeaders(reply.status(), noBody ? -1 : reply.body().length);
      if (!noBody) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(reply.body());
        }
      }
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.put(name, value);
    }
    return out;
  }

  private static Map<String, List<String>> copy(Map<String, List<String>> headers) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    headers.forEach((k, v) -> out.put(k, Collections.unmodifiableList(new ArrayList<>(v))));
    return out;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
