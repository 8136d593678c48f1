package io.github.devopsconnector.azuredevops;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.TokenCredential;
import com.azure.core.exception.HttpResponseException;
import io.github.devopsconnector.testsupport.CapturedStandardError;
import io.github.devopsconnector.testsupport.RawHttpServer;
import io.github.devopsconnector.testsupport.Reply;
import io.github.devopsconnector.testsupport.SecretCanary;
import io.github.devopsconnector.core.ServiceException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs real calls, successful and failing, with HTTP logging at its most verbose, and proves that neither a
 * personal access token nor a bearer token shows up in the logs, exception messages, stack traces or
 * {@code toString()}.
 */
class CredentialCanaryTest {
  private static final String PAT_CANARY = "canary-pat-DO-NOT-LEAK-1234567890";
  private static final String BEARER_CANARY = "canary-bearer-DO-NOT-LEAK-0987654321";

  @AutoClose
  private final RawHttpServer server = RawHttpServer.start();
  private final FakeTime time = new FakeTime();
  @AutoClose
  private CapturedStandardError log;

  @BeforeEach
  void start() {
    server.on("GET", "/_apis/profile/profiles/me",
        Reply.json(200, Payloads.exampleBody("GET__profile_profiles_me.json")));
    server.on("GET", Wire.PROJECTS, RawHttpServer.sequence(
        Reply.json(429, Payloads.text("error-TF400733.json")).header("Retry-After", "1")
            .header("X-RateLimit-Remaining", "0").header("X-RateLimit-Resource", "ATCPU"),
        Reply.json(200, Payloads.exampleBody("GET__projects.json")).header("X-MS-ContinuationToken", "3"),
        Reply.json(401, Payloads.text("error-TF400813.json"))));
    server.on("GET", "/fabrikam/_apis/git/repositories", Reply.html(203, Payloads.text("signin-page.html")));
    server.on("GET", "/fabrikam/Fabrikam-Fiber-Git/_apis/pipelines",
        Reply.empty(302).header("Location", "https://login.example.com/signin?reply_to=x"));
    server.on("GET", Wire.POLICY, Reply.json(405, Payloads.text("error-405.json")));
    log = CapturedStandardError.start();
  }

  @Test
  void aPersonalAccessTokenNeverLeaks() {
    AzureDevOpsRestClientBuilder builder = new AzureDevOpsRestClientBuilder()
        .endpoint(server.url())
        .personalAccessToken(PAT_CANARY)
        .httpLogOptions(SecretCanary.verboseHttpLogging())
        .clock(time).sleeper(time);
    AzureDevOpsRestClient client = builder.buildClient();

    List<Throwable> failures = exercise(client);

    String onTheWire = "Basic " + Base64.getEncoder().encodeToString((":" + PAT_CANARY).getBytes(StandardCharsets.UTF_8));
    assertThat(server.requests()).allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo(onTheWire));
    assertNoLeak(PAT_CANARY, failures, builder.toString(), client.toString());
    assertNoLeak(onTheWire.substring("Basic ".length()), failures, builder.toString(), client.toString());
  }

  @Test
  void aBearerTokenNeverLeaks() {
    List<String> scopes = SecretCanary.scopes();
    TokenCredential credential = SecretCanary.credential(BEARER_CANARY, scopes);
    AzureDevOpsRestClientBuilder builder = new AzureDevOpsRestClientBuilder()
        .endpoint(server.url())
        .credential(credential)
        .httpLogOptions(SecretCanary.verboseHttpLogging())
        .clock(time).sleeper(time);
    AzureDevOpsRestClient client = builder.buildClient();

    List<Throwable> failures = exercise(client);

    assertThat(scopes).contains("499b84ac-1321-427f-aa17-267ca6975798/.default");
    assertThat(server.requests()).allSatisfy(r -> assertThat(r.header("Authorization"))
        .isEqualTo("Bearer " + BEARER_CANARY));
    assertNoLeak(BEARER_CANARY, failures, builder.toString(), client.toString());
  }

  /** Successful calls, a retried 429, a 401, a 203 sign-in page, a redirect and an unreadable policy. */
  private static List<Throwable> exercise(AzureDevOpsRestClient client) {
    List<Throwable> failures = new ArrayList<>();
    client.signedInUser();
    client.projects(Wire.ORG, Optional.empty());
    client.oauthAppAccess(Wire.ORG);
    for (Runnable failing : List.<Runnable>of(
        () -> client.projects(Wire.ORG, Optional.of("3")),
        () -> client.repositories(Wire.ORG),
        () -> client.pipelines(Wire.ORG, "Fabrikam-Fiber-Git", Optional.empty()))) {
      try {
        failing.run();
      } catch (ServiceException e) {
        failures.add(e);
      }
    }
    assertThat(failures).hasSize(3);
    return failures;
  }

  private void assertNoLeak(String secret, List<Throwable> failures, String... descriptions) {
    String written = log.text();
    // The log is real: requests, responses and the rate-limit headers are in it.
    assertThat(written).contains("/fabrikam/_apis/projects").containsIgnoringCase("X-RateLimit-Remaining")
        .contains("TF400813").contains("redactedHeaders");
    assertThat(written).doesNotContain(secret);
    SecretCanary.assertNotIn(secret, failures, descriptions);
    for (Throwable failure : failures) {
      for (Throwable t = failure; t != null; t = t.getCause()) {
        assertThat(String.valueOf(t.getMessage())).doesNotContain(secret);
        assertThat(t.toString()).doesNotContain(secret);
        if (t instanceof HttpResponseException) {
          HttpResponseException http = (HttpResponseException) t;
          assertThat(http.getResponse().getRequest().getHeaders().toString()).doesNotContain(secret);
          assertThat(http.getResponse().getRequest().getHeaders().getValue(
              com.azure.core.http.HttpHeaderName.AUTHORIZATION)).isNull();
        }
      }
    }
  }
}
