package io.github.devopsconnector.testing;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The lifecycle both simulators share: built, then {@link #start} binds {@code 127.0.0.1} (loopback only) and
 * serves on daemon threads, then {@link #close} releases the port and threads. Start once; a closed server does
 * not start again.
 */
final class SimServer {

  private static final int BACKLOG = 256;

  private final String name;
  private final String threadPrefix;
  private final int port;
  private final int threads;
  private final Object lifecycle = new Object();
  private HttpServer server;
  private ExecutorService executor;
  private volatile String endpoint;
  private boolean started;
  private boolean closed;

  /**
   * @param name the simulator's name in messages, such as {@code "Azure DevOps simulator"}
   * @param threadPrefix the prefix of its threads' names, such as {@code "ado-simulator-"}
   * @param port the port, 0 for any free one
   */
  SimServer(String name, String threadPrefix, int port, int threads) {
    this.name = name;
    this.threadPrefix = threadPrefix;
    this.port = port;
    this.threads = threads;
  }

  /**
   * Binds and serves.
   *
   * @param handler makes the handler from the endpoint, {@code http://127.0.0.1:<port>}
   * @throws IllegalStateException if it was already started or is closed
   * @throws UncheckedIOException if the port cannot be bound
   */
  void start(Function<String, HttpHandler> handler) {
    synchronized (lifecycle) {
      if (closed) {
        throw new IllegalStateException("The simulator is closed; build a new one.");
      }
      if (started) {
        throw new IllegalStateException("The simulator is already started.");
      }
      HttpServer created;
      try {
        created = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port),
            BACKLOG);
      } catch (IOException e) {
        throw new UncheckedIOException("The " + name + " could not bind 127.0.0.1:" + port
            + "; choose another port or port 0 for any free one.", e);
      }
      String url = "http://127.0.0.1:" + created.getAddress().getPort();
      try {
        created.createContext("/", handler.apply(url));
      } catch (RuntimeException | Error e) {
        created.stop(0);
        throw e;
      }
      ExecutorService pool = newExecutor();
      created.setExecutor(pool);
      created.start();
      server = created;
      executor = pool;
      endpoint = url;
      started = true;
    }
  }

  /**
   * The base URL, {@code http://127.0.0.1:<port>}, without a trailing slash.
   *
   * @throws IllegalStateException if not started
   */
  String endpoint() {
    String url = endpoint;
    if (url == null) {
      throw new IllegalStateException("The simulator is not started; call start() first.");
    }
    return url;
  }

  /** The endpoint, or {@code null} before the start. */
  String endpointOrNull() {
    return endpoint;
  }

  /** Stops serving, cuts off requests in flight and releases the port and threads. Idempotent. */
  void close() {
    HttpServer toStop;
    ExecutorService toShutdown;
    synchronized (lifecycle) {
      if (closed) {
        return;
      }
      closed = true;
      toStop = server;
      toShutdown = executor;
      server = null;
      executor = null;
    }
    if (toStop != null) {
      toStop.stop(0);
    }
    if (toShutdown != null) {
      toShutdown.shutdownNow();
      try {
        toShutdown.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private ExecutorService newExecutor() {
    AtomicInteger number = new AtomicInteger();
    return new ThreadPoolExecutor(threads, threads, 0L, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
        runnable -> {
          Thread thread = new Thread(runnable, threadPrefix + number.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }
}
