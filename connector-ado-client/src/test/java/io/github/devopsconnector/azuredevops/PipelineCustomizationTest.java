package io.github.devopsconnector.azuredevops;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelineSyncPolicy;
import com.azure.core.util.ClientOptions;
import com.azure.core.util.Header;
import io.github.devopsconnector.testsupport.RawHttpServer;
import io.github.devopsconnector.testsupport.Reply;
import io.github.devopsconnector.testsupport.RawHttpServer.Request;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class PipelineCustomizationTest {
  @AutoClose
  private final RawHttpServer server = RawHttpServer.start();

  @BeforeEach
  void start() {
    server.on("GET", "/_apis/profile/profiles/me",
        Reply.json(200, Payloads.exampleBody("GET__profile_profiles_me.json")));
  }

  @Test
  void addedPoliciesAndClientOptionHeadersGoOutButNeverAnotherAuthorization() {
    HttpPipelineSyncPolicy perCall = new HttpPipelineSyncPolicy() {
      @Override
      protected void beforeSendingRequest(HttpPipelineCallContext context) {
        context.getHttpRequest().setHeader(HttpHeaderName.fromString("X-Per-Call"), "1");
        context.getHttpRequest().setHeader(HttpHeaderName.AUTHORIZATION, "Basic c29tZW9uZS1lbHNl");
      }

      @Override
      public HttpPipelinePosition getPipelinePosition() {
        return HttpPipelinePosition.PER_CALL;
      }
    };
    AzureDevOpsRestClient client = new AzureDevOpsRestClientBuilder()
        .endpoint(server.url())
        .personalAccessToken(Wire.PAT)
        .addPolicy(perCall)
        .clientOptions(new ClientOptions().setApplicationId("onboarding-portal")
            .setHeaders(List.of(new Header("X-Client-Option", "yes"))))
        .buildClient();

    client.signedInUser();

    Request request = server.requests().get(0);
    assertThat(request.header("X-Per-Call")).isEqualTo("1");
    assertThat(request.header("X-Client-Option")).isEqualTo("yes");
    assertThat(request.header("User-Agent")).contains("onboarding-portal").contains("connector-ado-client");
    assertThat(request.header("Authorization")).isEqualTo("Basic "
        + Base64.getEncoder().encodeToString((":" + Wire.PAT).getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aCustomPipelineIsUsedAsItIsAndNeedsNoCredential() {
    List<HttpRequest> sent = new CopyOnWriteArrayList<>();
    HttpClient fake = request -> {
      sent.add(request);
      byte[] body = Payloads.exampleBody("GET__profile_profiles_me.json").getBytes(StandardCharsets.UTF_8);
      return Mono.just(new HttpResponse(request) {
        @Override
        public int getStatusCode() {
          return 200;
        }

        @Override
        @SuppressWarnings("deprecation")
        public String getHeaderValue(String name) {
          return null;
        }

        @Override
        public HttpHeaders getHeaders() {
          return new HttpHeaders().set(HttpHeaderName.CONTENT_TYPE, "application/json");
        }

        @Override
        public Flux<java.nio.ByteBuffer> getBody() {
          return Flux.just(java.nio.ByteBuffer.wrap(body));
        }

        @Override
        public Mono<byte[]> getBodyAsByteArray() {
          return Mono.just(body);
        }

        @Override
        public Mono<String> getBodyAsString() {
          return Mono.just(new String(body, StandardCharsets.UTF_8));
        }

        @Override
        public Mono<String> getBodyAsString(java.nio.charset.Charset charset) {
          return Mono.just(new String(body, charset));
        }
      });
    };
    AzureDevOpsRestClient client = new AzureDevOpsRestClientBuilder()
        .pipeline(new HttpPipelineBuilder().httpClient(fake).build())
        .buildClient();

    assertThat(client.signedInUser().displayName()).isEqualTo("Normal Paulk");
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).getUrl().toString())
        .isEqualTo("https://app.vssps.visualstudio.com/_apis/profile/profiles/me?api-version=7.1");
    assertThat(sent.get(0).getHeaders().getValue(HttpHeaderName.fromString("X-TFS-FedAuthRedirect")))
        .isEqualTo("Suppress");
    assertThat(client.toString()).contains("custom pipeline");
  }
}
