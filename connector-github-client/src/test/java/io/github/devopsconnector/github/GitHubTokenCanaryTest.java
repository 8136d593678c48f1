package io.github.devopsconnector.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.azure.core.credential.TokenCredential;
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
 * GitHub token shows up nowhere, not in logs, messages, stack traces or {@code toString()}, even when the server
 * echoes it in its error message.
 */
class GitHubTokenCanaryTest {
  private static final String CANARY = "ghp_canaryTokenDoNotLeak0123456789abcdef";

  @AutoClose
  private final RawHttpServer server = RawHttpServer.start();
  @AutoClose
  private CapturedStandardError log;

  @BeforeEach
  void start() {
    server.on("GET", "/user", Reply.json(200, "{\"login\":\"octocat\",\"id\":1}"));
    server.on("GET", "/user/memberships/orgs", Reply.json(401, "{\"message\":\"Bad credentials: " + CANARY
        + "\",\"documentation_url\":\"https://docs.github.com/rest\"}"));
    server.on("GET", "/orgs/contoso/installations", Reply.json(403, "{\"message\":\"token " + CANARY
        + " may not\"}"));
    log = CapturedStandardError.start();
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

  @Test
  void aGitHubTokenNeverLeaks() {
    GitHubRestClientBuilder builder = new GitHubRestClientBuilder().endpoint(server.url()).token(CANARY)
        .httpLogOptions(SecretCanary.verboseHttpLogging());
    GitHubRestClient client = builder.buildClient();

    List<Throwable> failures = exercise(client);

    assertThat(server.requests()).allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + CANARY));
    SecretCanary.assertNowhere(CANARY, failures, log.text(), builder.toString(), client.toString());
    client.close();
  }

  @Test
  void aTokenFromATokenCredentialNeverLeaks() {
    List<String> scopes = SecretCanary.scopes();
    TokenCredential credential = SecretCanary.credential(CANARY, scopes);
    GitHubRestClientBuilder builder = new GitHubRestClientBuilder().endpoint(server.url()).credential(credential)
        .httpLogOptions(SecretCanary.verboseHttpLogging());
    GitHubRestClient client = builder.buildClient();

    List<Throwable> failures = exercise(client);

    assertThat(scopes).contains("https://api.github.com");
    SecretCanary.assertNowhere(CANARY, failures, log.text(), builder.toString(), client.toString());
    client.close();
  }
}
