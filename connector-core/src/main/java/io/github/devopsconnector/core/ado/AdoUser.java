package io.github.devopsconnector.core.ado;

import java.util.Optional;
import org.immutables.value.Value;

/** The signed-in Azure DevOps user ({@code profiles/me}). */
@Value.Immutable
public abstract class AdoUser {

  AdoUser() {}

  /** The profile id (also the {@code memberId} of the accounts API). */
  public abstract String id();

  /** The display name. */
  public abstract String displayName();

  /** The e-mail address, when the profile has one. */
  public abstract Optional<String> emailAddress();

  /** A user. */
  public static AdoUser of(String id, String displayName, Optional<String> emailAddress) {
    return ImmutableAdoUser.builder().id(id).displayName(displayName).emailAddress(emailAddress).build();
  }
}
