package io.github.devopsconnector.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.policy.HttpLogDetailLevel;
import com.azure.core.http.policy.HttpLogOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Mono;

/**
 * The pieces of the credential canary tests: HTTP logging at its most verbose, a token credential that hands out the
 * canary and records the scopes it was asked for, and the check that a secret shows up nowhere.
 */
public final class SecretCanary {
  private SecretCanary() {
  }

  /**
   * HTTP logging at its most verbose, with the Authorization header allowed in the log: the client must redact it
   * anyway.
   *
   * @return the log options
   */
  public static HttpLogOptions verboseHttpLogging() {
    return new HttpLogOptions().setLogLevel(HttpLogDetailLevel.BODY_AND_HEADERS)
        .addAllowedHttpHeaderName(HttpHeaderName.AUTHORIZATION);
  }

  /**
   * A credential that answers every request with this token, valid for an hour, and adds the requested scopes to
   * {@code scopes}.
   *
   * @param token the token
   * @param scopes where the requested scopes go
   * @return the credential
   */
  public static TokenCredential credential(String token, List<String> scopes) {
    return request -> {
      scopes.addAll(request.getScopes());
      return Mono.just(new AccessToken(token, OffsetDateTime.now().plusHours(1)));
    };
  }

  /**
   * A list for the scopes a {@link #credential} records, safe to fill from the client's threads.
   *
   * @return an empty list
   */
  public static List<String> scopes() {
    return new CopyOnWriteArrayList<>();
  }

  /**
   * Asserts that the secret is in none of the failures' stack traces and none of the texts.
   *
   * @param secret the secret
   * @param failures the failures the calls threw
   * @param texts other texts ({@code toString()} of builders and clients...)
   */
  public static void assertNotIn(String secret, List<Throwable> failures, String... texts) {
    for (Throwable failure : failures) {
      StringWriter trace = new StringWriter();
      failure.printStackTrace(new PrintWriter(trace));
      assertThat(trace.toString()).doesNotContain(secret);
    }
    for (String text : texts) {
      assertThat(text).doesNotContain(secret);
    }
  }

  /**
   * Asserts {@link #assertNotIn} and that the log was written, so that its silence means something, without the
   * secret.
   *
   * @param secret the secret
   * @param failures the failures the calls threw
   * @param log what the logging wrote
   * @param texts other texts ({@code toString()} of builders and clients...)
   */
  public static void assertNowhere(String secret, List<Throwable> failures, String log, String... texts) {
    assertNotIn(secret, failures, texts);
    assertThat(log).as("the log is written").isNotEmpty();
    assertThat(log).doesNotContain(secret);
  }
}
