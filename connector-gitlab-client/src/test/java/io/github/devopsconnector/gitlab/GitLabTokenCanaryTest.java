package io.github.devopsconnector.gitlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.policy.HttpLogDetailLevel;
import com.azure.core.http.policy.HttpLogOptions;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.gitlab.GitLabAccessLevel;
import io.github.devopsconnector.core.gitlab.GitLabGroup;
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
 * GitLab token shows up nowhere, not in logs, messages, stack traces or {@code toString()}, even when the server
 * echoes it in its error message.
 */
class GitLabTokenCanaryTest {
  private static final String CANARY = "glpat-canaryTokenDoNotLeak0123456789";

  private RawHttpServer server;
  private PrintStream originalErr;
  private ByteArrayOutputStream captured;

  @BeforeEach
  void start() {
    server = RawHttpServer.start();
    server.on("GET", "/api/v4/user", Reply.json(200, "{\"id\":7,\"username\":\"jane\"}"));
    server.on("GET", "/api/v4/groups", Reply.json(401, "{\"message\":\"401 Unauthorized: " + CANARY + "\"}"));
    server.on("GET", "/api/v4/groups/1/projects", Reply.json(403, "{\"error\":\"insufficient_scope\","
        + "\"error_description\":\"token " + CANARY + " may not\"}"));
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

  private List<Throwable> exercise(GitLabRestClient client) {
    List<Throwable> failures = new ArrayList<>();
    client.currentUser();
    failures.add(catchThrowable(client::groups));
    failures.add(catchThrowable(() -> client.projects(GitLabGroup.builder().id(1)
        .path(OrganizationName.parse("contoso")).name("Contoso").accessLevel(GitLabAccessLevel.OWNER).build())));
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
  void aGitLabTokenNeverLeaks() {
    GitLabRestClientBuilder builder = new GitLabRestClientBuilder().endpoint(server.url()).token(CANARY)
        .httpLogOptions(verbose());
    GitLabRestClient client = builder.buildClient();

    List<Throwable> failures = exercise(client);

    assertThat(server.requests()).allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + CANARY));
    assertThat(failures.get(1)).isInstanceOfSatisfying(io.github.devopsconnector.core.ServiceException.class,
        e -> assertThat(e.serviceErrorCode()).contains("insufficient_scope"));
    assertNoLeak(failures, builder.toString(), client.toString());
    client.close();
  }

  @Test
  void aTokenFromATokenCredentialNeverLeaksAndIsAskedForReadApi() {
    List<String> scopes = new CopyOnWriteArrayList<>();
    TokenCredential credential = request -> {
      scopes.addAll(request.getScopes());
      return Mono.just(new AccessToken(CANARY, OffsetDateTime.now().plusHours(1)));
    };
    GitLabRestClientBuilder builder = new GitLabRestClientBuilder().endpoint(server.url()).credential(credential)
        .httpLogOptions(verbose());
    GitLabRestClient client = builder.buildClient();

    List<Throwable> failures = exercise(client);

    assertThat(scopes).contains("read_api");
    assertNoLeak(failures, builder.toString(), client.toString());
    client.close();
  }
}
