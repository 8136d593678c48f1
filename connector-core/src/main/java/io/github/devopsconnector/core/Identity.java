package io.github.devopsconnector.core;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * A person or service identity, such as a connector's owner or someone editing it. Two identities are the same
 * when their {@link #id()} is, whatever their display names.
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
  }

  @Override
  public String toString() {
    return displayName().map(name -> name + " (" + id() + ")").orElse(id());
  }
}
