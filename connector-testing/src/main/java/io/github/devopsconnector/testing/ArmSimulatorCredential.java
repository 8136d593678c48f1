package io.github.devopsconnector.testing;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import java.time.OffsetDateTime;
import reactor.core.publisher.Mono;

/**
 * The {@link TokenCredential} of {@link ArmSimulator#credential(String)}. A class of its own so that
 * {@link ArmSimulator} loads without azure-core when nobody asks for a credential.
 */
final class ArmSimulatorCredential implements TokenCredential {

  private final String token;

  private ArmSimulatorCredential(String token) {
    this.token = token;
  }

  static TokenCredential of(String token) {
    return new ArmSimulatorCredential(token);
  }

  @Override
  public Mono<AccessToken> getToken(TokenRequestContext request) {
    return Mono.fromSupplier(() -> getTokenSync(request));
  }

  @Override
  public AccessToken getTokenSync(TokenRequestContext request) {
    return new AccessToken(token, OffsetDateTime.now().plusHours(1));
  }

  /** Never the token. */
  @Override
  public String toString() {
    return "ArmSimulatorCredential[****]";
  }
}
