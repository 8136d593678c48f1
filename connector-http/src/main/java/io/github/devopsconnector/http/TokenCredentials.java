package io.github.devopsconnector.http;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.util.logging.ClientLogger;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The credential of a builder whose service takes one bearer token (GitHub, GitLab): a token given as text or a
 * {@link TokenCredential}, exactly one of them. Checks the token when it is set, refuses both or neither at build
 * time, makes the scrubber that knows the token and the policy that sends it, and names the kind of credential
 * (never the credential) for {@code toString()}. Not thread-safe, like the builders that hold it.
 */
public final class TokenCredentials {
  private final String tokenName;
  private TokenCredential credential;
  private String token;

  /**
   * No credential yet.
   *
   * @param tokenName what the token is, as in messages ({@code "GitLab token"})
   */
  public TokenCredentials(String tokenName) {
    this.tokenName = Objects.requireNonNull(tokenName, "tokenName");
  }

  /**
   * Sets the {@link TokenCredential}.
   *
   * @param credential the credential
   * @throws NullPointerException if it is null
   */
  public void credential(TokenCredential credential) {
    this.credential = Objects.requireNonNull(credential, "'credential' cannot be null.");
  }

  /**
   * Sets the token, checked by {@link AuthorizationHeaderPolicy#checkToken}.
   *
   * @param token the token
   * @throws NullPointerException if it is null
   * @throws IllegalArgumentException if it is blank or has whitespace, control or non-ASCII characters
   */
  public void token(String token) {
    Objects.requireNonNull(token, "'token' cannot be null.");
    this.token = AuthorizationHeaderPolicy.checkToken(token, tokenName);
  }

  /**
   * Whether a token was given as text (rather than by a credential).
   *
   * @return whether {@link #token(String)} was called
   */
  public boolean hasToken() {
    return token != null;
  }

  /**
   * Whether the token is given as text and starts with this prefix (a service's token format).
   *
   * @param prefix the prefix, such as {@code ghu_}
   * @return whether it does
   */
  public boolean tokenStartsWith(String prefix) {
    return token != null && token.startsWith(prefix);
  }

  /**
   * Checks the credentials and the endpoint ({@link ClientSettings#checkTokenClient}).
   *
   * @param settings the builder's settings
   * @param logger the builder's logger
   * @param service the service's name, as in messages
   * @param endpoint the endpoint
   * @return the endpoint, without a trailing slash
   * @throws IllegalStateException if both or (without a pipeline) neither credential is set, or the endpoint is
   *     refused
   */
  public String check(ClientSettings settings, ClientLogger logger, String service, String endpoint) {
    return settings.checkTokenClient(logger, service, credential != null, token != null, endpoint);
  }

  /**
   * A scrubber that knows the token given as text.
   *
   * @return the scrubber
   */
  public SecretScrubber scrubber() {
    return token == null ? SecretScrubber.create() : SecretScrubber.of(token);
  }

  /**
   * Whether the builder was given a credential of either kind.
   *
   * @return whether one is set
   */
  public boolean isSet() {
    return credential != null || token != null;
  }

  /**
   * Makes the policy that authenticates requests: the credential's tokens for the scope, or the token as
   * {@code Authorization: Bearer}.
   *
   * @param scope the scope a {@link TokenCredential} is asked for
   * @param scrubber the client's scrubber
   * @return the maker, asked only when the pipeline is built
   */
  public Supplier<HttpPipelinePolicy> authentication(String scope, SecretScrubber scrubber) {
    TokenCredential fromCredential = credential;
    String fromText = token;
    return () -> fromCredential != null
        ? new BearerTokenPolicy(fromCredential, scope, scrubber, new HttpHeaders())
        : new StaticBearerPolicy(fromText);
  }

  /**
   * The kind of credential a built client uses, for its {@code toString()}.
   *
   * @param settings the builder's settings
   * @return {@code from the custom pipeline}, {@code TokenCredential}, or the token's name
   */
  public String kind(ClientSettings settings) {
    if (settings.hasPipeline()) {
      return "from the custom pipeline";
    }
    return credential != null ? "TokenCredential" : tokenName;
  }

  /**
   * The kind of credential set, never the credential.
   *
   * @return {@code both (invalid)}, {@code TokenCredential}, the token's name, or {@code none}
   */
  @Override
  public String toString() {
    return credential != null && token != null ? "both (invalid)" : credential != null ? "TokenCredential"
        : token != null ? tokenName : "none";
  }

  /** Sends a token given as text as {@code Authorization: Bearer <token>}. */
  static final class StaticBearerPolicy extends AuthorizationHeaderPolicy {
    StaticBearerPolicy(String token) {
      super("Bearer " + Objects.requireNonNull(token, "token"));
    }
  }
}
