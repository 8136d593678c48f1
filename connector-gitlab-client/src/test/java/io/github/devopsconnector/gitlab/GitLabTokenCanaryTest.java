package io.github.devopsconnector.gitlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.azure.core.credential.TokenCredential;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.gitlab.GitLabAccessLevel;
import io.github.devopsconnector.core.gitlab.GitLabGroup;
import io.github.devopsconnector.testsupport.CapturedStandardError;
import io.github.devopsconnector.testsupport.RawHttpServer;
import io.github.devopsconnector.testsupport.Reply;
import io.github.devopsconnector.testsupport.SecretCanary;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real calls, answered and refused, with HTTP logging at its most verbose (Authorization allowed in the log): the
 * GitLab token shows up nowhere, not in logs, messages, stack traces or {@code toString()}, even when the server
 * echoes it in its error message.
 */
class GitLabTokenCanaryTest {
  private static final String CANARY = "glpat-canaryTokenDoNotLeak0123456789";

  @AutoClose
  private final RawHttpServer server = RawHttpServer.start();
  @AutoClose
  private CapturedStandardError log;

  @BeforeEach
  void start() {
    server.on("GET", "/api/v4/user", Reply.json(200, "{\"id\":7,\"username\":\"jane\"}"));
    server.on("GET", "/api/v4/groups", Reply.json(401, "{\"message\":\"401 Unauthorized: " + CANARY + "\"}"));
    server.on("GET", "/api/v4/groups/1/projects", Reply.json(403, "{\"error\":\"insufficient_scope\","
        + "\"error_description\":\"token " + CANARY + " may not\"}"));
    log = CapturedStandardError.start();
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

  @Test
  void aGitLabTokenNeverLeaks() {
    GitLabRestClientBuilder builder = new GitLabRestClientBuilder().endpoint(server.url()).token(CANARY)
        .httpLogOptions(SecretCanary.verboseHttpLogging());
    GitLabRestClient client = builder.buildClient();

    List<Throwable> failures = exercise(client);

    assertThat(server.requests()).allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + CANARY));
    assertThat(failures.get(1)).isInstanceOfSatisfying(io.github.devopsconnector.core.ServiceException.class,
        e -> assertThat(e.serviceErrorCode()).contains("insufficient_scope"));
    SecretCanary.assertNowhere(CANARY, failures, log.text(), builder.toString(), client.toString());
    client.close();
  }

  @Test
  void aTokenFromATokenCredentialNeverLeaksAndIsAskedForReadApi() {
    List<String> scopes = SecretCanary.scopes();
    TokenCredential credential = SecretCanary.credential(CANARY, scopes);
    GitLabRestClientBuilder builder = new GitLabRestClientBuilder().endpoint(server.url()).credential(credential)
        .httpLogOptions(SecretCanary.verboseHttpLogging());
    GitLabRestClient client = builder.buildClient();

    List<Throwable> failures = exercise(client);

    assertThat(scopes).contains("read_api");
    SecretCanary.assertNowhere(CANARY, failures, log.text(), builder.toString(), client.toString());
    client.close();
  }
}
