package io.github.devopsconnector.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.util.Context;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The guards every client puts in its pipeline, and the response copy its exceptions keep. */
class GuardPoliciesTest {
  private static final String ORIGIN = Urls.origin(URI.create("https://management.azure.com"));

  private final List<HttpRequest> sent = new ArrayList<>();
  private final HttpClient recording = request -> {
    sent.add(request);
    return Mono.just(DetachedResponse.of(request.getHttpMethod(), request.getUrl(), 200, new HttpHeaders(),
        new byte[0], SecretScrubber.create()));
  };

  private HttpPipeline pipeline(HttpPipelinePolicy... policies) {
    return new HttpPipelineBuilder().httpClient(recording).policies(policies).build();
  }

  @Test
  void credentialsGoOnlyToTheConfiguredOrigins() {
    HttpPipeline pipeline = pipeline(new OriginGuardPolicy(Set.of(ORIGIN), "Azure Resource Manager"));
    HttpRequest own = new HttpRequest(HttpMethod.GET, "https://management.azure.com/x")
        .setHeader(HttpHeaderName.AUTHORIZATION, "Bearer set-by-someone-else");

    pipeline.sendSync(own, Context.NONE).close();

    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).getHeaders().getValue(HttpHeaderName.AUTHORIZATION)).isNull();
    assertThatThrownBy(() -> pipeline.sendSync(new HttpRequest(HttpMethod.GET, "https://evil.example/x"),
        Context.NONE)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("https://evil.example:443").hasMessageContaining("Azure Resource Manager");
    assertThat(sent).hasSize(1);
  }

  @Test
  void aHeaderWithALineBreakIsRefusedWithoutShowingTheValue() {
    HttpPipeline pipeline = pipeline(new HeaderGuardPolicy());
    HttpRequest request = new HttpRequest(HttpMethod.GET, "https://management.azure.com/x")
        .setHeader(HttpHeaderName.AUTHORIZATION, "Bearer secret-token\r\nX-Injected: 1");

    assertThatThrownBy(() -> pipeline.sendSync(request, Context.NONE))
        .isInstanceOfSatisfying(HeaderGuardPolicy.InvalidHeaderException.class,
            e -> assertThat(e.isCredential()).isTrue())
        .hasMessageContaining("line break").hasMessageNotContaining("secret-token");
    assertThat(sent).isEmpty();
  }

  @Test
  void theSecretBodyReplacesTheRedactedOneOnlyForTheConfiguredOrigin() {
    HttpPipeline pipeline = pipeline(new SecretBodyPolicy(Set.of(ORIGIN)));
    byte[] secret = "{\"code\":\"one-time\"}".getBytes(StandardCharsets.UTF_8);

    pipeline.sendSync(new HttpRequest(HttpMethod.PUT, "https://management.azure.com/x").setBody("{\"code\":\"****\"}"),
        SecretBodyPolicy.withSecretBody(Context.NONE, secret)).close();

    assertThat(sent.get(0).getBodyAsBinaryData().toString()).isEqualTo("{\"code\":\"one-time\"}");
    assertThatThrownBy(() -> pipeline.sendSync(new HttpRequest(HttpMethod.PUT, "https://evil.example/x"),
        SecretBodyPolicy.withSecretBody(Context.NONE, secret))).isInstanceOf(IllegalStateException.class);
    assertThat(sent).hasSize(1);
  }

  @Test
  void aDetachedResponseKeepsNoCredentialOfItsRequest() throws Exception {
    HttpRequest original = new HttpRequest(HttpMethod.POST, "https://dev.azure.com/x?y=1")
        .setHeader(HttpHeaderName.AUTHORIZATION, "Basic c2VjcmV0")
        .setHeader(HttpHeaderName.fromString("Cookie"), "session=1")
        .setHeader(HttpHeaderName.ACCEPT, "application/json")
        .setBody("{\"code\":\"one-time\"}");

    DetachedResponse response = DetachedResponse.of(original, 500,
        new HttpHeaders().set(HttpHeaderName.CONTENT_TYPE, "text/html"), "<html>".getBytes(StandardCharsets.UTF_8),
        SecretScrubber.create());

    assertThat(response.getRequest().getHeaders().getSize()).isZero();
    assertThat(response.getRequest().getUrl()).hasToString("https://dev.azure.com/x?y=1");
    assertThat(response.getRequest().getBodyAsBinaryData()).isNull();
    assertThat(response.isHtml()).isTrue();
    assertThat(response.isSuccess()).isFalse();
    assertThat(response.header("content-type")).contains("text/html");
    assertThat(response).hasToString("HTTP 500 for POST https://dev.azure.com/x");
  }
}
