package io.github.devopsconnector.testing;

import org.immutables.value.Value;

/** The signed-in user of an {@link Estate}. */
@Value.Immutable
public abstract class EstateUser {

  EstateUser() {}

  /** The profile id (a GUID). */
  public abstract String id();

  /** The display name. */
  public abstract String displayName();

  /** The e-mail address. */
  public abstract String email();

  /** A user. */
  public static EstateUser of(String id, String displayName, String email) {
    return ImmutableEstateUser.builder().id(id).displayName(displayName).email(email).build();
  }
}
