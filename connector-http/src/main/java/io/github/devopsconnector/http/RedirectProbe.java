package io.github.devopsconnector.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Finds out whether an HTTP client given by the caller follows redirects and carries the {@code Authorization}
 * header along to another origin, which would send a credential wherever a server points it. Two loopback sockets:
 * the first answers {@code 307} pointing at the second (another port, so another origin); the probe sends a
 * request with a throw-away {@code Authorization} value through the client and watches whether it arrives at the
 * second. Nothing leaves the machine; the sockets and their thread are closed before it returns.
 */
public final class RedirectProbe {

  /** What the probe saw. */
  public enum Verdict {
    /** The client followed the redirect with the {@code Authorization} header: it must not carry credentials. */
    LEAKS_CREDENTIALS,
    /** The client did not bring the header to the other origin. */
    SAFE,
    /** The client could not be probed (it failed or does not reach loopback). */
    UNKNOWN
  }

  /** Sends one GET through the client under test. */
  @FunctionalInterface
  public interface Sender {
    /**
     * Sends {@code GET url} with the header and waits for the answer (any status).
     *
     * @throws Exception anything; the verdict is then {@link Verdict#UNKNOWN}
     */
    void get(String url, String headerName, String headerValue) throws Exception;
  }

  private RedirectProbe() {}

  /**
   * Whether the client is one of azure-core's network clients (JDK, OkHttp, Netty, Vert.x), which may be set to
   * follow redirects: those are probed. A client of the caller's own making (a test double, a recording wrapper) is
   * not, so that it never sees a request it did not expect.
   */
  public static boolean isNetworkClient(Object client) {
    String name = client.getClass().getName();
    return name.startsWith("com.azure.core.http.jdk.") || name.startsWith("com.azure.core.http.okhttp.")
        || name.startsWith("com.azure.core.http.netty.") || name.startsWith("com.azure.core.http.vertx.");
  }

  /** Probes the client, for at most about {@code timeout}. */
  public static Verdict probe(Sender sender, Duration timeout) {
    String canary = "Basic " + UUID.randomUUID().toString().replace("-", "");
    AtomicBoolean leaked = new AtomicBoolean();
    AtomicBoolean followed = new AtomicBoolean();
    InetAddress loopback = InetAddress.getLoopbackAddress();
    try (ServerSocket first = new ServerSocket(0, 4, loopback);
        ServerSocket second = new ServerSocket(0, 4, loopback)) {
      int timeoutMillis = (int) Math.max(100, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
      first.setSoTimeout(timeoutMillis);
      second.setSoTimeout(timeoutMillis);
      String target = "http://" + loopback.getHostAddress() + ":" + second.getLocalPort() + "/followed";
      Thread server = new Thread(() -> serve(first, second, target, canary, followed, leaked),
          "redirect-probe");
      server.setDaemon(true);
      server.start();
      boolean answered;
      try {
        sender.get("http://" + loopback.getHostAddress() + ":" + first.getLocalPort() + "/probe", "Authorization",
            canary);
        answered = true;
      } catch (Exception e) {
        answered = false;
      }
      // A client that follows has done so before its answer came back; closing ends the waiting accept().
      first.close();
      second.close();
      try {
        server.join(timeoutMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (leaked.get()) {
        return Verdict.LEAKS_CREDENTIALS;
      }
      return answered || followed.get() ? Verdict.SAFE : Verdict.UNKNOWN;
    } catch (IOException e) {
      return Verdict.UNKNOWN;
    }
  }

  private static void serve(ServerSocket first, ServerSocket second, String target, String canary,
      AtomicBoolean followed, AtomicBoolean leaked) {
    try (Socket connection = first.accept()) {
      connection.setSoTimeout(first.getSoTimeout());
      readHead(connection.getInputStream());
      write(connection.getOutputStream(), "HTTP/1.1 307 Temporary Redirect\r\nLocation: " + target
          + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    } catch (IOException e) {
      return;
    }
    try (Socket connection = second.accept()) {
      connection.setSoTimeout(second.getSoTimeout());
      followed.set(true);
      String head = readHead(connection.getInputStream());
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("authorization")
            && line.substring(colon + 1).trim().equals(canary)) {
          leaked.set(true);
        }
      }
      write(connection.getOutputStream(), "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    } catch (IOException e) {
      // No second request within the timeout: the client does not follow redirects.
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (head.size() < 64 * 1024) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
      if (matched == 4) {
        break;
      }
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }
}
