package io.github.devopsconnector.testing;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Microsoft Entra principal the {@link ArmSimulator} knows: its object id (what its bearer token names), and the
 * name Azure Resource Manager reports in {@code systemData}: a user's user principal name, or an application's
 * (service principal's or managed identity's) application id. ARM never reports the object id there, so a client
 * that compares owners by object id alone would be caught.
 */
@Value.Immutable
public abstract class ArmSimulatorPrincipal {

  ArmSimulatorPrincipal() {}

  /** The object id: the identity id of its token ({@link ArmSimulator#bearerToken(String)}). */
  public abstract String objectId();

  /** The user principal name of a user. */
  public abstract Optional<String> userPrincipalName();

  /** The application id of a service principal or managed identity. */
  public abstract Optional<String> applicationId();

  /** A user: {@code systemData} names it by user principal name, {@code createdByType} {@code User}. */
  public static ArmSimulatorPrincipal user(String objectId, String userPrincipalName) {
    return ImmutableArmSimulatorPrincipal.builder().objectId(objectId).userPrincipalName(userPrincipalName).build();
  }

  /** An application: {@code systemData} names it by application id, {@code createdByType} {@code Application}. */
  public static ArmSimulatorPrincipal application(String objectId, String applicationId) {
    return ImmutableArmSimulatorPrincipal.builder().objectId(objectId).applicationId(applicationId).build();
  }

  /** What {@code systemData} names it by. */
  final String reportedName() {
    return userPrincipalName().or(this::applicationId).orElse(objectId());
  }

  /** What {@code systemData} says it is. */
  final String reportedType() {
    return userPrincipalName().isPresent() || applicationId().isEmpty() ? "User" : "Application";
  }

  @Value.Check
  final void check() {
    if (objectId().isBlank() || userPrincipalName().isPresent() == applicationId().isPresent()) {
      throw new IllegalArgumentException("A principal has an object id and either a user principal name or an "
          + "application id.");
    }
  }
}
