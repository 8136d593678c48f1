package io.github.devopsconnector.examples.demo;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import java.time.OffsetDateTime;
import reactor.core.publisher.Mono;

/**
 * A {@link TokenCredential} that always hands out the same bearer token, as the ARM simulator expects
 * ({@code sim-<identityId>}). In a real tool this is {@code DefaultAzureCredential} from azure-identity.
 */
final class StaticTokenCredential implements TokenCredential {

  private final String token;

  StaticTokenCredential(String token) {
    this.token = token;
  }

  @Override
  public Mono<AccessToken> getToken(TokenRequestContext request) {
    return Mono.fromSupplier(() -> getTokenSync(request));
  }

  @Override
  public AccessToken getTokenSync(TokenRequestContext request) {
    return new AccessToken(token, OffsetDateTime.now().plusHours(1));
  }

  /** Never shows the token. */
  @Override
  public String toString() {
    return "StaticTokenCredential[****]";
  }
}
