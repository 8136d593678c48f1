package io.github.devopsconnector.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.policy.HttpLogDetailLevel;
import com.azure.core.http.policy.HttpLogOptions;
import io.github.devopsconnector.testsupport.RawHttpServer;
import io.github.devopsconnector.testsupport.Reply;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Real calls, answered and refused, with HTTP logging at its most verbose (Authorization allowed in the log): the
 * GitHub token shows up nowhere, not in logs, messages, stack traces or {@code toString()}, even when the server
 * echoes it in its error message.
 */
class GitHubTokenCanaryTest {
  private static final String CANARY = "ghp_canaryTokenDoNotLeak0123456789abcdef";

  private RawHttpServer server;
  private PrintStream originalErr;
  private ByteArrayOutputStream captured;

  @BeforeEach
  void start() {
    server = RawHttpServer.start();
    server.on("GET", "/user", Reply.json(200, "{\"login\":\"octocat\",\"id\":1}"));
    server.on("GET", "/user/memberships/orgs", Reply.json(401, "{\"message\":\"Bad credentials: " + CANARY
        + "\",\"documentation_url\":\"https://docs.github.com/rest\"}"));
    server.on("GET", "/orgs/contoso/installations", Reply.json(403, "{\"message\":\"token " + CANARY
        + " may not\"}"));
    originalErr = System.err;
    captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void stop() {
    System.setErr(originalErr);
    server.close();
  }

  private static HttpLogOptions verbose() {
    return new HttpLogOptions().setLogLevel(HttpLogDetailLevel.BODY_AND_HEADERS)
        .addAllowedHttpHeaderName(HttpHeaderName.AUTHORIZATION);
  }

  private List<Throwable> exercise(GitHubRestClient client) {
    List<Throwable> failures = new ArrayList<>();
    client.currentUser();
    failures.add(catchThrowable(client::owners));
    failures.add(catchThrowable(() -> client.appInstallation(io.github.devopsconnector.core.github.GitHubOwner
        .builder().login(io.github.devopsconnector.core.OrganizationName.parse("contoso"))
        .type(io.github.devopsconnector.core.github.GitHubOwnerType.ORGANIZATION)
        .role(io.github.devopsconnector.core.github.GitHubRole.ADMIN).build())));
    assertThat(failures).doesNotContainNull();
    return failures;
  }

  private void assertNoLeak(List<Throwable> failures, String... texts) {
    for (Throwable failure : failures) {
      StringWriter trace = new StringWriter();
      failure.printStackTrace(new PrintWriter(trace));
      assertThat(trace.toString()).doesNotContain(CANARY);
    }
    for (String text : texts) {
      assertThat(text).doesNotContain(CANARY);
    }
    String log = captured.toString(StandardCharsets.UTF_8);
    assertThat(log).as("the log is written").isNotEmpty();
    assertThat(log).doesNotContain(CANARY);
  }

  @Test
  void aGitHubTokenNeverLeaks() {
    GitHubRestClientBuilder builder = new GitHubRestClientBuilder().endpoint(server.url()).token(CANARY)
        .httpLogOptions(verbose());
    GitHubRestClient client = builder.buildClient();

    List<Throwable> failures = exercise(client);

    assertThat(server.requests()).allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + CANARY));
    assertNoLeak(failures, builder.toString(), client.toString());
    client.close();
  }

  @Test
  void aTokenFromATokenCredentialNeverLeaks() {
    List<String> scopes = new CopyOnWriteArrayList<>();
    TokenCredential credential = request -> {
      scopes.addAll(request.getScopes());
      return Mono.just(new AccessToken(CANARY, OffsetDateTime.now().plusHours(1)));
    };
    GitHubRestClientBuilder builder = new GitHubRestClientBuilder().endpoint(server.url()).credential(credential)
        .httpLogOptions(verbose());
    GitHubRestClient client = builder.buildClient();

    List<Throwable> failures = exercise(client);

    assertThat(scopes).contains("https://api.github.com");
    assertNoLeak(failures, builder.toString(), client.toString());
    client.close();
  }
}
