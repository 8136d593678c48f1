package io.github.devopsconnector.arm;

import io.github.devopsconnector.testsupport.CannedHttpClient;
import io.github.devopsconnector.testsupport.RawHttpServer;
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
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Credentials go only to the endpoint's origin, over HTTPS or loopback, and redirects are not followed. */
class TransportSafetyTest {

  @Test
  void theTokenIsSentOnlyToTheEndpointsOrigin() throws Exception {
    CannedHttpClient http = new CannedHttpClient().enqueue(200, Map.of(), "{}");
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

    assertThat(http.requests()).hasSize(1);
    assertThat(http.requests().get(0).headers()).containsEntry("authorization", "Bearer sim-alice");
  }

  @Test
  void theTokenPolicyRefusesPlainHttpToANonLoopbackHost() throws Exception {
    CannedHttpClient http = new CannedHttpClient().enqueue(200, Map.of(), "{}");
    HttpPipeline pipeline = new com.azure.core.http.HttpPipelineBuilder().httpClient(http)
        .policies(new BearerTokenPolicy(identity("alice"), ArmPipelines.ARM_SCOPE, SecretScrubber.create(),
            new com.azure.core.http.HttpHeaders()))
        .build();
    assertThatThrownBy(() -> pipeline.sendSync(new HttpRequest(HttpMethod.GET, "http://example.com/x"), Context.NONE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("loopback");
    assertThat(http.requests()).isEmpty();
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
  void aRedirectIsNotFollowedSoCredentialsNeverReachAnotherHost() {
    try (RawHttpServer other = RawHttpServer.start();
        RawHttpServer redirecting = RawHttpServer.start()) {
      other.otherwise(RawHttpServer.raw("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
      redirecting.otherwise(RawHttpServer.raw("HTTP/1.1 307 Temporary Redirect\r\nLocation: " + other.url()
          + "/stolen\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
      DefenderConnectorClient client = new DefenderConnectorClientBuilder()
          .credential(identity("alice"))
          .endpoint(redirecting.url())
          .buildClient();
      assertThatThrownBy(() -> client.getConnector(ArmTestSupport.id("redirected")))
          .isInstanceOf(ServiceException.class).hasCauseInstanceOf(HttpResponseException.class)
          .hasMessageContaining("HTTP 307")
          .hasMessageContaining("does not follow redirects");
      assertThat(redirecting.requests()).hasSize(1);
      assertThat(other.requests()).isEmpty();
    }
  }
}
