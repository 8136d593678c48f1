package io.github.devopsconnector.testing;

import static io.github.devopsconnector.testing.AdoSimulatorTestSupport.basic;
import static io.github.devopsconnector.testing.AdoSimulatorTestSupport.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsconnector.testing.AdoSimulatorTestSupport.Client;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Credentials: the PAT as Basic, bearer tokens, and the two ways a bad credential is refused. */
class AzureDevOpsSimulatorAuthTest {

  private static final String PROJECTS = "/contoso/_apis/projects?api-version=7.1";

  @Test
  void theConfiguredPatIsAcceptedWithAnyUserName() {
    try (AzureDevOpsSimulator simulator = AzureDevOpsSimulator.builder(AdoSimulatorTestSupport.standard())
        .personalAccessToken("s3cret-pat").build().start()) {
      Client client = new Client(simulator);

      assertThat(simulator.personalAccessToken()).isEqualTo("s3cret-pat");
      assertThat(send(client, PROJECTS, basic("", "s3cret-pat"), true).statusCode()).isEqualTo(200);
      assertThat(send(client, PROJECTS, basic("whoever", "s3cret-pat"), true).statusCode()).isEqualTo(200);
      assertThat(send(client, PROJECTS, basic("s3cret-pat", ""), true).statusCode()).isEqualTo(401);
    }
  }

  @Test
  void aWrongPatWithSuppressGets401Json() {
    try (AzureDevOpsSimulator simulator =
        AzureDevOpsSimulator.builder(AdoSimulatorTestSupport.standard()).build().start()) {
      HttpResponse<String> response = send(new Client(simulator), PROJECTS, basic("", "wrong"), true);

      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
      assertThat(parse(response.body()).get("message").asText()).startsWith("TF400813");
      assertThat(parse(response.body()).get("typeKey").asText()).isEqualTo("UnauthorizedRequestException");
      assertThat(response.body()).doesNotContain(simulator.personalAccessToken());
    }
  }

  @Test
  void aWrongOrMissingCredentialWithoutSuppressGetsTheSignInPage() {
    try (AzureDevOpsSimulator simulator =
        AzureDevOpsSimulator.builder(AdoSimulatorTestSupport.standard()).build().start()) {
      Client client = new Client(simulator);
      HttpResponse<String> wrong = send(client, PROJECTS, basic("", "wrong"), false);
      HttpResponse<String> missing = send(client, PROJECTS, null, false);
      HttpResponse<String> missingSuppressed = send(client, PROJECTS, null, true);

      for (HttpResponse<String> response : new HttpResponse[] {wrong, missing}) {
        assertThat(response.statusCode()).isEqualTo(203);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(response.body()).startsWith("<!DOCTYPE html>").contains("<html").contains("Sign in");
      }
      assertThat(missingSuppressed.statusCode()).isEqualTo(401);
    }
  }

  @Test
  void aConfiguredBearerTokenIsAccepted() {
    try (AzureDevOpsSimulator simulator = AzureDevOpsSimulator.builder(AdoSimulatorTestSupport.standard())
        .bearerToken("eyJ0eXAiOiJKV1QifQ.payload.signature").build().start()) {
      Client client = new Client(simulator);

      assertThat(send(client, PROJECTS, "Bearer eyJ0eXAiOiJKV1QifQ.payload.signature", true).statusCode())
          .isEqualTo(200);
      assertThat(send(client, PROJECTS, "Bearer another", true).statusCode()).isEqualTo(401);
      assertThat(send(client, PROJECTS, basic("", simulator.personalAccessToken()), true).statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void withoutABearerTokenConfiguredNoBearerIsAccepted() {
    try (AzureDevOpsSimulator simulator =
        AzureDevOpsSimulator.builder(AdoSimulatorTestSupport.standard()).build().start()) {
      assertThat(send(new Client(simulator), PROJECTS, "Bearer " + simulator.personalAccessToken(), true)
          .statusCode()).isEqualTo(401);
    }
  }

  @Test
  void aGeneratedPatIsRandomAndNeverShown() {
    try (AzureDevOpsSimulator one = AzureDevOpsSimulator.builder(AdoSimulatorTestSupport.standard()).build();
        AzureDevOpsSimulator two = AzureDevOpsSimulator.builder(AdoSimulatorTestSupport.standard()).build()) {
      assertThat(one.personalAccessToken()).hasSize(52).matches("[a-z2-7]+");
      assertThat(one.personalAccessToken()).isNotEqualTo(two.personalAccessToken());
      assertThat(one.toString()).doesNotContain(one.personalAccessToken());
      one.start();
      assertThat(one.toString()).contains(one.endpoint()).doesNotContain(one.personalAccessToken());
    }
  }

  @Test
  void aConfiguredSecretNeverAppearsInToString() {
    AzureDevOpsSimulator.Builder builder = AzureDevOpsSimulator.builder(AdoSimulatorTestSupport.standard())
        .personalAccessToken("pat-value-123").bearerToken("bearer-value-456");
    try (AzureDevOpsSimulator simulator = builder.build()) {
      assertThat(builder.toString()).doesNotContain("pat-value-123").doesNotContain("bearer-value-456");
      assertThat(simulator.toString()).doesNotContain("pat-value-123").doesNotContain("bearer-value-456");
    }
  }

  private static HttpResponse<String> send(Client client, String path, String authorization, boolean suppress) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseOf(client) + path))
        .timeout(Duration.ofSeconds(10)).header("Accept", "application/json");
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (suppress) {
      request.header("X-TFS-FedAuthRedirect", "Suppress");
    }
    return client.send(request.GET().build());
  }

  private static String baseOf(Client client) {
    String full = client.request("/").build().uri().toString();
    return full.substring(0, full.length() - 1);
  }
}
