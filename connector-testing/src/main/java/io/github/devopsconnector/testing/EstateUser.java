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

  /**
   * Whether the signed-in identity is a Microsoft Entra service principal (or managed identity) rather than a user.
   * A service principal has no user entitlement: its access level is in the service principal entitlements
   * (learn.microsoft.com/azure/devops/integrate/get-started/authentication/service-principal-managed-identity).
   * Default: {@code false}.
   */
  @Value.Default
  public boolean servicePrincipal() {
    return false;
  }

  /** A user. */
  public static EstateUser of(String id, String displayName, String email) {
    return ImmutableEstateUser.builder().id(id).displayName(displayName).email(email).build();
  }
}
