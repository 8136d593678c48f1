package io.github.devopsconnector.core;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * A person or service identity, such as a connector's owner or someone editing it. Two identities are equal when
 * their {@link #id()} is, whatever their display names.
 *
 * <p>Services name the same identity differently: Microsoft Entra by object id, Azure Resource Manager's
 * {@code systemData} by user principal name (a user) or application id (a service principal). An identity can
 * carry all three ({@link #builder()}), and {@link #matches(Identity)} says whether two identities name the same
 * principal by any of them.
 */
@Value.Immutable
public abstract class Identity {

  Identity() {}

  /** The stable id (a Microsoft Entra object id, or another unique identifier). */
  @Value.Parameter
  public abstract String id();

  /** A name to show, when known. */
  @Value.Auxiliary
  public abstract Optional<String> displayName();

  /** The user principal name (e.g. {@code alice@contoso.com}), when known; ARM names users by it. */
  @Value.Auxiliary
  public abstract Optional<String> userPrincipalName();

  /** The application (client) id of a service principal, when known; ARM names applications by it. */
  @Value.Auxiliary
  public abstract Optional<String> applicationId();

  /**
   * Whether the two identities name the same principal: some name of one (its id, user principal name or
   * application id) equals some name of the other, ignoring case. Names are compared across kinds on purpose: ARM
   * reports an owner by user principal name or application id in the place of an id.
   */
  public final boolean matches(Identity other) {
    if (other == null) {
      return false;
    }
    java.util.Set<String> mine = names();
    return other.names().stream().anyMatch(mine::contains);
  }

  private java.util.Set<String> names() {
    java.util.Set<String> names = new java.util.HashSet<>();
    names.add(id().toLowerCase(java.util.Locale.ROOT));
    userPrincipalName().ifPresent(upn -> names.add(upn.toLowerCase(java.util.Locale.ROOT)));
    applicationId().ifPresent(app -> names.add(app.toLowerCase(java.util.Locale.ROOT)));
    return names;
  }

  /** A builder: {@code id} is required, the other names optional. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Identity}. */
  public static final class Builder extends ImmutableIdentity.Builder {
    Builder() {}
  }

  /** An identity with this id. */
  public static Identity of(String id) {
    return ImmutableIdentity.builder().id(id).build();
  }

  /** An identity with this id and display name. */
  public static Identity of(String id, String displayName) {
    return ImmutableIdentity.builder().id(id).displayName(displayName).build();
  }

  @Value.Check
  final void check() {
    if (id().isBlank()) {
      throw new IllegalArgumentException("An identity id must not be blank.");
    }
    if (userPrincipalName().filter(String::isBlank).isPresent() || applicationId().filter(String::isBlank).isPresent()) {
      throw new IllegalArgumentException("A user principal name or application id must not be blank.");
    }
  }

  @Override
  public String toString() {
    return displayName().map(name -> name + " (" + id() + ")").orElse(id());
  }
}
