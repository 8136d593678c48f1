package io.github.devopsconnector.arm;

import static io.github.devopsconnector.arm.ArmTestSupport.identity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devopsconnector.core.ServiceException;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.util.Context;
import io.github.devopsconnector.arm.implementation.ArmPipelines;
import io.github.devopsconnector.http.BearerTokenPolicy;
import io.github.devopsconnector.http.SecretScrubber;
import io.github.devopsconnector.http.Urls;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Credentials go only to the endpoint's origin, over HTTPS or loopback, and redirects are not followed. */
class TransportSafetyTest {

  @Test
  void theTokenIsSentOnlyToTheEndpointsOrigin() throws Exception {
    ScriptedHttpClient http = new ScriptedHttpClient().respond(200, Map.of(), "{}");
    HttpPipeline pipeline = ArmPipelines.build(new ArmPipelines.Settings(identity("alice"),
        new URL("https://management.azure.com"), http, new HttpLogOptions(), null,
        com.azure.core.util.Configuration.getGlobalConfiguration(),
        new io.github.devopsconnector.http.SdkProperties("connector-arm-client", "test"), List.of(),
        List.of()));
    pipeline.sendSync(new HttpRequest(HttpMethod.GET, "https://management.azure.com/subscriptions"), Context.NONE)
        .close();
    HttpRequest elsewhere = new HttpRequest(HttpMethod.GET, "https://other.example.com/steal");
    elsewhere.setHeader(com.azure.core.http.HttpHeaderName.AUTHORIZATION, "Bearer planted");
    assertThatThrownBy(() -> pipeline.sendSync(elsewhere, Context.NONE))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("other.example.com");
    assertThatThrownBy(() -> pipeline.sendSync(new HttpRequest(HttpMethod.GET, "https://management.azure.com:8443/x"),
        Context.NONE)).isInstanceOf(IllegalStateException.class);

    assertThat(http.sent).hasSize(1);
    assertThat(http.sent.get(0).headers()).containsEntry("authorization", "Bearer sim-alice");
  }

  @Test
  void theTokenPolicyRefusesPlainHttpToANonLoopbackHost() throws Exception {
    ScriptedHttpClient http = new ScriptedHttpClient().respond(200, Map.of(), "{}");
    HttpPipeline pipeline = new com.azure.core.http.HttpPipelineBuilder().httpClient(http)
        .policies(new BearerTokenPolicy(identity("alice"), ArmPipelines.ARM_SCOPE, SecretScrubber.create(),
            new com.azure.core.http.HttpHeaders()))
        .build();
    assertThatThrownBy(() -> pipeline.sendSync(new HttpRequest(HttpMethod.GET, "http://example.com/x"), Context.NONE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("loopback");
    assertThat(http.sent).isEmpty();
  }

  @Test
  void loopbackHostsAreRecognised() {
    assertThat(Urls.isLoopbackHost("127.0.0.1")).isTrue();
    assertThat(Urls.isLoopbackHost("127.12.0.254")).isTrue();
    assertThat(Urls.isLoopbackHost("localhost")).isTrue();
    assertThat(Urls.isLoopbackHost("[::1]")).isTrue();
    assertThat(Urls.isLoopbackHost("127.0.0.1.evil.com")).isFalse();
    assertThat(Urls.isLoopbackHost("128.0.0.1")).isFalse();
    assertThat(Urls.isLoopbackHost("localhost.example")).isFalse();
  }

  @Test
  void aRedirectIsNotFollowedSoCredentialsNeverReachAnotherHost() throws IOException {
    try (RawServer other = new RawServer("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        RawServer redirecting = new RawServer("HTTP/1.1 307 Temporary Redirect\r\nLocation: http://127.0.0.1:"
            + "PORT/stolen\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")) {
      redirecting.response = redirecting.response.replace("PORT", Integer.toString(other.port()));
      DefenderConnectorClient client = new DefenderConnectorClientBuilder()
          .credential(identity("alice"))
          .endpoint("http://127.0.0.1:" + redirecting.port())
          .buildClient();
      assertThatThrownBy(() -> client.getConnector(ArmTestSupport.id("redirected")))
          .isInstanceOf(ServiceException.class).hasCauseInstanceOf(HttpResponseException.class)
          .hasMessageContaining("HTTP 307")
          .hasMessageContaining("does not follow redirects");
      assertThat(redirecting.hits).hasValue(1);
      assertThat(other.hits).hasValue(0);
    }
  }

  /** A loopback server that answers every connection with one canned response. */
  private static final class RawServer implements AutoCloseable {
    final AtomicInteger hits = new AtomicInteger();
    final ServerSocket socket;
    volatile String response;
    private final Thread thread;

    RawServer(String response) throws IOException {
      this.response = response;
      this.socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
      this.thread = new Thread(this::serve, "raw-server");
      this.thread.setDaemon(true);
      this.thread.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    private void serve() {
      while (!socket.isClosed()) {
        try (Socket connection = socket.accept()) {
          hits.incrementAndGet();
          BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(),
              StandardCharsets.US_ASCII));
          String line;
          while ((line = in.readLine()) != null && !line.isEmpty()) {
            // Read the request head; the requests here have no body.
          }
          OutputStream out = connection.getOutputStream();
          out.write(response.getBytes(StandardCharsets.US_ASCII));
          out.flush();
        } catch (IOException closed) {
          return;
        }
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
