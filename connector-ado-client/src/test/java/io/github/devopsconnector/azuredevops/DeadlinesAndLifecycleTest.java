package io.github.devopsconnector.azuredevops;

import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import static io.github.devopsconnector.testsupport.RawHttpServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.ServiceException.Kind;
import io.github.devopsconnector.testsupport.RawHttpServer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The time limits, cancellation, closing and credential checks of the REST client, against servers that stall,
 * trickle or misbehave. Durations are shortened; every assertion bounds the time the call took.
 */
class DeadlinesAndLifecycleTest {
  private static final String PROFILE = "/_apis/profile/profiles/me";
  private static final String PROFILE_JSON = "{\"id\":\"" + Wire.VSID + "\",\"displayName\":\"Ada\"}";

  private static RawHttpServer server() {
    return RawHttpServer.start(request -> json(404, "application/json", "{\"message\":\"no route\"}"));
  }

  private static AzureDevOpsRestClientBuilder fast(RawHttpServer server) {
    return new AzureDevOpsRestClientBuilder().endpoint(server.url()).personalAccessToken(Wire.PAT)
        .retryOptions(new RetryOptions(new ExponentialBackoffOptions().setMaxRetries(1).setBaseDelay(Duration.ofMillis(50))));
  }

  private static ServiceException timed(Duration bound, Runnable call) {
    long start = System.nanoTime();
    Throwable thrown = null;
    try {
      call.run();
    } catch (Throwable t) {
      thrown = t;
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(took).as("the call took %s", took).isLessThan(bound);
    assertThat(thrown).isInstanceOf(ServiceException.class);
    assertThat(thrown.getMessage()).doesNotContain(Wire.PAT);
    return (ServiceException) thrown;
  }

  @Test
  void aBodyTrickledOneByteAtATimeEndsAtTheRequestTimeout() {
    try (RawHttpServer server = server()) {
      server.on("GET", PROFILE, RawHttpServer.dripBody(200, "application/json", PROFILE_JSON, Duration.ofMillis(200)));
      try (AzureDevOpsRestClient client = fast(server).requestTimeout(Duration.ofMillis(800))
          .readTimeout(Duration.ofSeconds(5)).buildClient()) {
        ServiceException e = timed(Duration.ofSeconds(4), client::signedInUser);
        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.getMessage()).contains("request timeout");
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
      }
    }
  }

  @Test
  void headersTrickledOneByteAtATimeEndAtTheResponseTimeoutAndTheCallTimeout() {
    try (RawHttpServer server = server()) {
      server.on("GET", PROFILE, RawHttpServer.drip("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
          + "Content-Length: 2\r\n\r\n{}", Duration.ofMillis(200)));
      try (AzureDevOpsRestClient client = fast(server).responseTimeout(Duration.ofMillis(500))
          .callTimeout(Duration.ofSeconds(2)).buildClient()) {
        ServiceException e = timed(Duration.ofSeconds(5), client::signedInUser);
        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
      }
    }
  }

  @Test
  void aServerThatNeverAnswersEndsAtTheCallTimeoutWithItsRetries() {
    try (RawHttpServer server = server()) {
      server.on("GET", PROFILE, RawHttpServer.stall());
      try (AzureDevOpsRestClient client = new AzureDevOpsRestClientBuilder().endpoint(server.url())
          .personalAccessToken(Wire.PAT).callTimeout(Duration.ofSeconds(1)).buildClient()) {
        ServiceException e = timed(Duration.ofSeconds(4), client::signedInUser);
        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.getMessage()).contains("call timeout");
      }
    }
  }

  @Test
  void aRetryAfterLongerThanTheCallTimeoutFailsAtOnceWithTheServersWait() {
    try (RawHttpServer server = server()) {
      server.on("GET", PROFILE, RawHttpServer.withHeaders(429, Map.of("Content-Type", "application/json",
          "Retry-After", "20"), "{\"message\":\"TF400733: throttled\"}"));
      try (AzureDevOpsRestClient client = new AzureDevOpsRestClientBuilder().endpoint(server.url())
          .personalAccessToken(Wire.PAT).callTimeout(Duration.ofSeconds(5)).buildClient()) {
        ServiceException e = timed(Duration.ofSeconds(3), client::signedInUser);
        assertThat(e.kind()).isEqualTo(Kind.THROTTLED);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(20));
        assertThat(server.requests()).hasSize(1);
      }
    }
  }

  @Test
  void anInterruptedCallEndsAtOnceAndKeepsTheInterrupt() throws Exception {
    try (RawHttpServer server = server()) {
      server.on("GET", PROFILE, RawHttpServer.stall());
      try (AzureDevOpsRestClient client = fast(server).buildClient()) {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flag = new AtomicReference<>();
        Thread caller = new Thread(() -> {
          try {
            client.signedInUser();
          } catch (Throwable t) {
            thrown.set(t);
          }
          flag.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        while (server.requests().isEmpty()) {
          Thread.sleep(10);
        }
        long start = System.nanoTime();
        caller.interrupt();
        caller.join(5_000);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(caller.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(ServiceException.class);
        assertThat(flag.get()).isTrue();
        assertThat(server.requests()).hasSize(1);
      }
    }
  }

  @Test
  void buildingClientsStartsNoThreadAndClosingEndsTheirThreads() throws Exception {
    baseline = java.util.Set.copyOf(Thread.getAllStackTraces().keySet());
    int before = 0;
    for (int i = 0; i < 100; i++) {
      new AzureDevOpsRestClientBuilder().personalAccessToken(Wire.PAT).buildClient();
    }
    assertThat(clientThreads()).isEqualTo(before);
    try (RawHttpServer server = server()) {
      server.on("GET", PROFILE, json(200, "application/json", PROFILE_JSON));
      AzureDevOpsRestClient client = fast(server).buildClient();
      for (int i = 0; i < 5; i++) {
        assertThat(client.signedInUser().id()).isEqualTo(Wire.VSID);
      }
      assertThat(clientThreads()).isGreaterThan(before);
      client.close();
      assertThatThrownBy(client::signedInUser).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("closed");
      client.close();
    }
    long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (clientThreads() > before && System.nanoTime() < until) {
      System.gc();
      Thread.sleep(200);
    }
    assertThat(clientThreads()).as("threads of the client after close: %s", threadNames()).isEqualTo(before);
  }

  @Test
  void aBearerTokenWithAControlCharacterIsRefusedBeforeSendingWithoutShowingIt() {
    String token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZGEifQ.c2lnbmF0dXJlc2VjcmV0\r\nX-Injected: yes";
    TokenCredential credential = request -> Mono.just(new AccessToken(token, OffsetDateTime.now().plusHours(1)));
    try (RawHttpServer server = server()) {
      server.on("GET", PROFILE, json(200, "application/json", PROFILE_JSON));
      try (AzureDevOpsRestClient client = new AzureDevOpsRestClientBuilder().endpoint(server.url())
          .credential(credential).buildClient()) {
        ServiceException e = timed(Duration.ofSeconds(5), client::signedInUser);
        assertThat(e.kind()).isEqualTo(Kind.NOT_AUTHORIZED);
        assertThat(e.getMessage()).contains("Authorization").contains("line break")
            .doesNotContain("c2lnbmF0dXJlc2VjcmV0").doesNotContain("eyJ");
        assertThat(server.requests()).isEmpty();
      }
    }
  }

  @Test
  void aBearerTokenEchoedByTheServerIsMasked() {
    String token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZGEifQ.c2lnbmF0dXJlc2VjcmV0";
    TokenCredential credential = request -> Mono.just(new AccessToken(token, OffsetDateTime.now().plusHours(1)));
    try (RawHttpServer server = server()) {
      server.on("GET", PROFILE, json(400, "application/json", "{\"message\":\"VS403403: bad token " + token
          + " sent as Bearer " + token + "\"}"));
      try (AzureDevOpsRestClient client = new AzureDevOpsRestClientBuilder().endpoint(server.url())
          .credential(credential).buildClient()) {
        ServiceException e = timed(Duration.ofSeconds(5), client::signedInUser);
        assertThat(e.getMessage()).contains("bad token").doesNotContain("c2lnbmF0dXJlc2VjcmV0");
        assertThat(String.valueOf(e.getCause())).doesNotContain("c2lnbmF0dXJlc2VjcmV0");
      }
    }
  }

  @Test
  void anHttpClientThatCarriesCredentialsAlongRedirectsIsRefusedAtBuildTime() {
    com.azure.core.http.HttpClient following = new JdkHttpClientBuilder(java.net.http.HttpClient.newBuilder()
        .followRedirects(java.net.http.HttpClient.Redirect.ALWAYS)).build();
    assertThatThrownBy(() -> new AzureDevOpsRestClientBuilder().personalAccessToken(Wire.PAT).httpClient(following)
        .buildClient())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("follows redirects")
        .hasMessageNotContaining(Wire.PAT);
    com.azure.core.http.HttpClient notFollowing = new JdkHttpClientBuilder(java.net.http.HttpClient.newBuilder()
        .followRedirects(java.net.http.HttpClient.Redirect.NEVER)).build();
    assertThat(new AzureDevOpsRestClientBuilder().personalAccessToken(Wire.PAT).httpClient(notFollowing)
        .buildClient()).isNotNull();
  }

  @Test
  void duplicateKeysInAResponseAreAProtocolError() {
    try (RawHttpServer server = server()) {
      server.on("GET", PROFILE, json(200, "application/json", "{\"id\":\"" + Wire.VSID
          + "\",\"displayName\":\"Ada\",\"id\":\"someone-else\"}"));
      try (AzureDevOpsRestClient client = fast(server).buildClient()) {
        ServiceException e = timed(Duration.ofSeconds(5), client::signedInUser);
        assertThat(e.kind()).isEqualTo(Kind.PROTOCOL);
        assertThat(e.getMessage()).containsIgnoringCase("duplicate");
      }
    }
  }

  @Test
  void dotSegmentsAsProjectNamesAreRefusedBeforeAnyRequest() {
    try (RawHttpServer server = server()) {
      try (AzureDevOpsRestClient client = fast(server).buildClient()) {
        OrganizationName org = OrganizationName.parse("fabrikam");
        for (String name : List.of(".", "..")) {
          assertThatThrownBy(() -> client.pipelines(org, name, Optional.empty()))
              .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("path");
          assertThatThrownBy(() -> client.repositories(org, name))
              .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(server.requests()).isEmpty();
      }
    }
  }

  @Test
  void aHugeProjectNameFromTheServerIsAShortProtocolFailure() {
    try (RawHttpServer server = server()) {
      server.enqueue(json(200, "application/json", "{\"count\":1,\"value\":[{\"id\":\"p1\",\"name\":\""
          + "n".repeat(300_000) + "\"}]}"));
      try (AzureDevOpsRestClient client = fast(server).buildClient()) {
        assertThatThrownBy(() -> client.projects(OrganizationName.parse("fabrikam"), Optional.empty()))
            .isInstanceOfSatisfying(ServiceException.class, e -> {
              assertThat(e.kind()).isEqualTo(ServiceException.Kind.PROTOCOL);
              assertThat(e.getMessage()).hasSizeLessThan(600).contains("300000 characters");
            });
      }
    }
  }

  @Test
  void aHugeNameFromTheCallerIsRefusedWithAShortMessage() {
    try (RawHttpServer server = server()) {
      try (AzureDevOpsRestClient client = fast(server).buildClient()) {
        String huge = "p".repeat(300_000);
        assertThatThrownBy(() -> client.pipelines(OrganizationName.parse("fabrikam"), huge, Optional.empty()))
            .isInstanceOf(IllegalArgumentException.class)
            .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300).contains("300000 characters"));
        assertThat(server.requests()).isEmpty();
      }
    }
  }

  @Test
  void aClientOptionsHeaderWithALineBreakIsRefusedAtBuildTime() {
    com.azure.core.util.ClientOptions options = new com.azure.core.util.ClientOptions()
        .setHeaders(List.of(new com.azure.core.util.Header("X-Trace", "a\r\nX-Injected: 1")));
    assertThatThrownBy(() -> new AzureDevOpsRestClientBuilder().personalAccessToken(Wire.PAT).clientOptions(options)
        .buildClient())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("X-Trace").hasMessageContaining("line break");
  }

  @Test
  void timeoutsAreChecked() {
    AzureDevOpsRestClientBuilder builder = new AzureDevOpsRestClientBuilder();
    assertThatThrownBy(() -> builder.callTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.requestTimeout(Duration.ofDays(2))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.connectTimeout(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> builder.maxGraphGroupPages(0)).isInstanceOf(IllegalArgumentException.class);
    assertThat(builder.readTimeout(Duration.ofSeconds(1)).responseTimeout(Duration.ofSeconds(1)).toString())
        .contains("callTimeout=PT5M");
  }

  /** Client threads started since the test began (earlier tests' clients may still be collected meanwhile). */
  private java.util.Set<Thread> baseline = java.util.Set.of();

  int clientThreads() {
    return threadNames().size();
  }

  List<String> threadNames() {
    return Thread.getAllStackTraces().keySet().stream().filter(t -> !baseline.contains(t)).map(Thread::getName)
        .filter(DeadlinesAndLifecycleTest::isClientThread).sorted().toList();
  }

  private static boolean isClientThread(String name) {
    return name.startsWith("azure-devops-") || name.startsWith("HttpClient-");
  }
}
