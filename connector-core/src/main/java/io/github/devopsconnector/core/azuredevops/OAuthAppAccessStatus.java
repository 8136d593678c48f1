package io.github.devopsconnector.core.azuredevops;

import io.github.devopsconnector.core.OAuthAppAccess;
import java.util.Optional;
import org.immutables.value.Value;

/** The state of an organization's OAuth third-party application policy, and how it was (or was not) read. */
@Value.Immutable
public abstract class OAuthAppAccessStatus {

  OAuthAppAccessStatus() {}

  /** The policy state. */
  public abstract OAuthAppAccess state();

  /** How the state was determined, or why it is unknown. */
  public abstract Optional<String> detail();

  /** A known state. */
  public static OAuthAppAccessStatus of(OAuthAppAccess state) {
    return ImmutableOAuthAppAccessStatus.builder().state(state).build();
  }

  /** A state with an explanation. */
  public static OAuthAppAccessStatus of(OAuthAppAccess state, String detail) {
    return ImmutableOAuthAppAccessStatus.builder().state(state).detail(detail).build();
  }
}
