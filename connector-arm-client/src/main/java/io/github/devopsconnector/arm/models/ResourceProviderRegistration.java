package io.github.devopsconnector.arm.models;

import org.immutables.value.Value;

/** Whether a subscription registered a resource provider ({@code GET /subscriptions/{sub}/providers/{namespace}}). */
@Value.Immutable
public abstract class ResourceProviderRegistration {

  ResourceProviderRegistration() {}

  /** The provider namespace, such as {@code Microsoft.Security}. */
  @Value.Parameter
  public abstract String namespace();

  /** {@code Registered}, {@code NotRegistered}, {@code Registering}, {@code Unregistering}, … */
  @Value.Parameter
  public abstract String registrationState();

  /** Whether the state is {@code Registered}. */
  public final boolean isRegistered() {
    return registrationState().equalsIgnoreCase("Registered");
  }

  /** A registration. */
  public static ResourceProviderRegistration of(String namespace, String registrationState) {
    return ImmutableResourceProviderRegistration.of(namespace, registrationState);
  }
}
