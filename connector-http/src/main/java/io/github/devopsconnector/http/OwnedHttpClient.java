package io.github.devopsconnector.http;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.util.Context;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;

/**
 * The client's own JDK HTTP client: redirects off, connect, response and read timeouts, and daemon threads that end
 * when idle. Made on the first request (building a client costs no thread) and let go by {@link #close()}: its
 * executor stops at once, and the JDK client's selector thread ends once nothing references the client any more.
 */
public final class OwnedHttpClient implements HttpClient, AutoCloseable {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final String threadPrefix;
  private final String closedMessage;
  private final Duration connectTimeout;
  private final Duration responseTimeout;
  private final Duration readTimeout;
  private HttpClient delegate;
  private ThreadPoolExecutor executor;
  private boolean closed;

  /**
   * A client with these timeouts, made on first use.
   *
   * @param threadPrefix the name prefix of its threads ({@code "ado-client-http-"})
   * @param closedMessage the message requests get after {@link #close()}
   * @param connectTimeout the time to open a connection
   * @param responseTimeout the time from sending a request to its response headers
   * @param readTimeout the longest pause between two reads of a body
   */
  public OwnedHttpClient(String threadPrefix, String closedMessage, Duration connectTimeout,
      Duration responseTimeout, Duration readTimeout) {
    this.threadPrefix = Objects.requireNonNull(threadPrefix, "threadPrefix");
    this.closedMessage = Objects.requireNonNull(closedMessage, "closedMessage");
    this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
    this.responseTimeout = Objects.requireNonNull(responseTimeout, "responseTimeout");
    this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
  }

  private synchronized HttpClient delegate() {
    if (closed) {
      throw new IllegalStateException(closedMessage);
    }
    if (delegate == null) {
      executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 3, TimeUnit.SECONDS, new SynchronousQueue<>(),
          runnable -> {
            Thread thread = new Thread(runnable, threadPrefix + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
          });
      // Redirects stay off: a redirect is reported, never followed, so credentials never reach another host.
      delegate = new JdkHttpClientBuilder(java.net.http.HttpClient.newBuilder()
          .followRedirects(java.net.http.HttpClient.Redirect.NEVER))
          .executor(executor)
          .connectionTimeout(connectTimeout)
          .responseTimeout(responseTimeout)
          .readTimeout(readTimeout)
          .build();
    }
    return delegate;
  }

  @Override
  public Mono<HttpResponse> send(HttpRequest request) {
    return Mono.defer(() -> delegate().send(request));
  }

  @Override
  public Mono<HttpResponse> send(HttpRequest request, Context context) {
    return Mono.defer(() -> delegate().send(request, context));
  }

  @Override
  public HttpResponse sendSync(HttpRequest request, Context context) {
    return delegate().sendSync(request, context);
  }

  /**
   * Whether the JDK client was made (a request was sent).
   *
   * @return whether it was made
   */
  public synchronized boolean isStarted() {
    return delegate != null;
  }

  /** Stops the threads and lets the JDK client go; requests afterwards fail. */
  @Override
  public synchronized void close() {
    closed = true;
    if (executor != null) {
      executor.shutdownNow();
    }
    executor = null;
    delegate = null;
  }

  @Override
  public String toString() {
    return "OwnedHttpClient{connect " + connectTimeout + ", response " + responseTimeout + ", read " + readTimeout
        + "}";
  }
}
