package io.github.devopsconnector.azuredevops;

import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.policy.HttpLogDetailLevel;
import com.azure.core.http.policy.HttpLogOptions;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;

class AzureDevOpsRestClientBuilderTest {
  private static final TokenCredential CREDENTIAL =
      request -> Mono.just(new AccessToken("token", OffsetDateTime.now().plusHours(1)));

  @Test
  void aCredentialIsRequired() {
    assertThatThrownBy(() -> new AzureDevOpsRestClientBuilder().buildClient())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("No credential");
  }

  @Test
  void onlyOneCredentialIsAllowed() {
    assertThatThrownBy(() -> new AzureDevOpsRestClientBuilder()
        .personalAccessToken("abcdefghij0123456789")
        .credential(CREDENTIAL)
        .buildClient())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("exactly one")
        .hasMessageNotContaining("abcdefghij0123456789");
  }

  @Test
  void theCloudIsTheDefault() {
    AzureDevOpsRestClient client = new AzureDevOpsRestClientBuilder().credential(CREDENTIAL).buildClient();

    assertThat(client.toString())
        .contains("https://dev.azure.com")
        .contains("https://vssps.dev.azure.com")
        .contains("https://vsaex.dev.azure.com")
        .contains("https://app.vssps.visualstudio.com")
        .contains("Microsoft Entra token");
    assertThat(client.getServiceVersion()).isEqualTo(AzureDevOpsServiceVersion.V7_1);
  }

  @Test
  void oneEndpointServesEverythingAndSingleHostsCanBeOverridden() {
    AzureDevOpsRestClient single = new AzureDevOpsRestClientBuilder()
        .credential(CREDENTIAL).endpoint("https://tfs.contoso.com/tfs/").buildClient();
    AzureDevOpsRestClient mixed = new AzureDevOpsRestClientBuilder()
        .credential(CREDENTIAL).endpoint("https://tfs.contoso.com/tfs").profileEndpoint("https://profile.contoso.com")
        .buildClient();

    assertThat(single.toString()).contains("endpoints=https://tfs.contoso.com/tfs,");
    assertThat(mixed.toString()).contains("core=https://tfs.contoso.com/tfs").contains("profile=https://profile.contoso.com");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://dev.azure.com", "http://10.0.0.7:8080", "http://128.0.0.1", "http://127.example.com",
      "http://localhost.contoso.com"})
  void httpToAHostThatIsNotLoopbackIsRefused(String endpoint) {
    assertThatThrownBy(() -> new AzureDevOpsRestClientBuilder().personalAccessToken("abcdefghij0123456789")
        .endpoint(endpoint).buildClient())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("loopback");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:8080", "http://127.10.20.30", "http://localhost:1234", "http://[::1]:8080",
      "https://dev.azure.com"})
  void httpsAndLoopbackAreAccepted(String endpoint) {
    assertThat(new AzureDevOpsRestClientBuilder().personalAccessToken("abcdefghij0123456789")
        .endpoint(endpoint).buildClient()).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev.azure.com", "ftp://dev.azure.com", "https://user:secret@dev.azure.com",
      "https://dev.azure.com?x=1", "https://dev.azure.com/#top", "https://", "https://dev azure com"})
  void malformedEndpointsAreRefused(String endpoint) {
    assertThatThrownBy(() -> new AzureDevOpsRestClientBuilder().personalAccessToken("abcdefghij0123456789")
        .endpoint(endpoint).buildClient())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("endpoint")
        .hasMessageNotContaining("secret");
  }

  @Test
  void aSingleOverrideIsCheckedToo() {
    assertThatThrownBy(() -> new AzureDevOpsRestClientBuilder().personalAccessToken("abcdefghij0123456789")
        .graphEndpoint("http://vssps.contoso.com").buildClient())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("graph endpoint");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "abc def", "abc\ndef", "tokén"})
  void unusablePersonalAccessTokensAreRefusedWithoutEchoingThem(String pat) {
    assertThatThrownBy(() -> new AzureDevOpsRestClientBuilder().personalAccessToken(pat))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("personal access token")
        .satisfies(e -> {
          if (!pat.isBlank()) {
            assertThat(e.getMessage()).doesNotContain(pat);
          }
        });
  }

  @Test
  void nullsAreNamed() {
    assertThatThrownBy(() -> new AzureDevOpsRestClientBuilder().endpoint(null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("endpoint");
    assertThatThrownBy(() -> new AzureDevOpsRestClientBuilder().credential(null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("credential");
  }

  @Test
  void retryOptionsAreAzureCoresAndAreValidated() {
    AzureDevOpsRestClientBuilder builder = new AzureDevOpsRestClientBuilder();
    assertThat(builder.toString()).contains("maxRetries=4").contains("baseDelay=PT0.8S").contains("maxDelay=PT1M");
    assertThat(builder.retryOptions(new RetryOptions(new ExponentialBackoffOptions().setMaxRetries(2))).toString())
        .contains("maxRetries=2").contains("maxDelay=PT1M");
    assertThatThrownBy(() -> builder.retryOptions(
        new RetryOptions(new ExponentialBackoffOptions().setMaxRetries(21))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRetries");
    assertThatThrownBy(() -> builder.retryOptions(
        new RetryOptions(new ExponentialBackoffOptions().setBaseDelay(Duration.ofMinutes(5)))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseDelay");
    assertThatThrownBy(() -> builder.retryOptions(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void theLatestServiceVersionIsSevenOne() {
    assertThat(AzureDevOpsServiceVersion.getLatest()).isEqualTo(AzureDevOpsServiceVersion.V7_1);
    assertThat(AzureDevOpsServiceVersion.V7_1.getVersion()).isEqualTo("7.1");
  }

  @Test
  void logOptionsAllowTheRateLimitHeadersAndNeverAuthorization() {
    HttpLogOptions given = new HttpLogOptions().setLogLevel(HttpLogDetailLevel.HEADERS)
        .setAllowedHeaderNames(Set.of("Authorization", "x-custom"));

    HttpLogOptions used = AzureDevOpsRestClientBuilder.loggingOptions(given);

    assertThat(used.getLogLevel()).isEqualTo(HttpLogDetailLevel.HEADERS);
    assertThat(used.getAllowedHeaderNames()).map(String::toLowerCase)
        .contains("x-custom", "x-ratelimit-resource", "x-ratelimit-delay", "x-ratelimit-limit",
            "x-ratelimit-remaining", "x-ratelimit-reset", "retry-after", "x-ms-continuationtoken", "activityid",
            "x-tfs-session", "x-vss-e2eid")
        .doesNotContain("authorization");
    assertThat(given.getAllowedHeaderNames()).contains("Authorization");
  }

  @Test
  void theBuilderNeverShowsTheToken() {
    AzureDevOpsRestClientBuilder builder = new AzureDevOpsRestClientBuilder().personalAccessToken("abcdefghij0123456789");

    assertThat(builder.toString()).contains("personal access token").doesNotContain("abcdefghij0123456789");
    assertThat(builder.buildClient().toString()).doesNotContain("abcdefghij0123456789");
  }
}
