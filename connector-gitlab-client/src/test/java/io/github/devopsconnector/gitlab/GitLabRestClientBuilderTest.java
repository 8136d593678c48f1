package io.github.devopsconnector.gitlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import io.github.devopsconnector.testsupport.RawHttpServer;
import io.github.devopsconnector.testsupport.Reply;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** What the builder accepts and refuses, and what the client it builds sends. */
class GitLabRestClientBuilderTest {
  private static final String TOKEN = GitLabWireTest.TOKEN;

  @Test
  void theDefaultEndpointIsGitLabDotComOverHttpsAndTheApiIsV4() {
    try (GitLabRestClient client = new GitLabRestClientBuilder().token(TOKEN).buildClient()) {
      assertThat(client.toString()).contains("https://gitlab.com").contains("serviceVersion=v4")
          .contains("GitLab token").doesNotContain(TOKEN);
      assertThat(client.getServiceVersion()).isEqualTo(GitLabServiceVersion.V4).isEqualTo(
          GitLabServiceVersion.getLatest());
    }
  }

  @Test
  void plainHttpIsRefusedExceptToLoopback() {
    assertThatThrownBy(() -> new GitLabRestClientBuilder().endpoint("http://gitlab.example.com").token(TOKEN)
        .buildClient()).isInstanceOf(IllegalStateException.class).hasMessageContaining("loopback")
        .hasMessageNotContaining(TOKEN);
    assertThatThrownBy(() -> new GitLabRestClientBuilder().endpoint("https://user:pw@gitlab.example.com")
        .token(TOKEN).buildClient()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("user information");
    new GitLabRestClientBuilder().endpoint("http://127.0.0.1:1").token(TOKEN).buildClient().close();
    new GitLabRestClientBuilder().endpoint("https://gitlab.example.com/").token(TOKEN).buildClient().close();
  }

  @Test
  void exactlyOneCredentialIsRequired() {
    assertThatThrownBy(() -> new GitLabRestClientBuilder().buildClient()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("No credential");
    GitLabRestClientBuilder both = new GitLabRestClientBuilder().token(TOKEN)
        .credential(request -> Mono.just(new AccessToken("x", OffsetDateTime.now().plusHours(1))));
    assertThatThrownBy(both::buildClient).isInstanceOf(IllegalStateException.class).hasMessageContaining("Both");
    assertThat(both.toString()).contains("both (invalid)").doesNotContain(TOKEN);
  }

  @Test
  void aTokenWithSpacesOrControlCharactersIsRefusedWithoutShowingIt() {
    assertThatThrownBy(() -> new GitLabRestClientBuilder().token("glpat-a b")).isInstanceOf(
        IllegalArgumentException.class).hasMessageNotContaining("glpat-a");
    assertThatThrownBy(() -> new GitLabRestClientBuilder().token(" ")).isInstanceOf(
        IllegalArgumentException.class).hasMessageContaining("blank");
    assertThatThrownBy(() -> new GitLabRestClientBuilder().maxPages(0)).isInstanceOf(
        IllegalArgumentException.class);
  }

  @Test
  void requestsGoToApiV4OfTheEndpointWithTheTokenAsBearerAndTheSdkUserAgent() {
    try (RawHttpServer server = RawHttpServer.start()) {
      server.on("GET", "/gitlab/api/v4/user", Reply.json(200, "{\"id\":7,\"username\":\"jane\"}"));
      try (GitLabRestClient client = new GitLabRestClientBuilder().endpoint(server.url() + "/gitlab/")
          .token(TOKEN).buildClient()) {
        assertThat(client.currentUser().username()).isEqualTo("jane");
      }
      RawHttpServer.Request request = server.requests("/gitlab/api/v4/user").get(0);
      assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
      assertThat(request.header("User-Agent")).contains("connector-gitlab-client");
      assertThat(request.header("Accept")).isEqualTo("application/json");
    }
  }
}
