package io.github.devopsconnector.arm.models;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * The error Azure Resource Manager answered ({@code error.code}, {@code error.message}, {@code error.target}), the
 * {@code getValue()} of the exceptions this client throws.
 */
@Value.Immutable
public abstract class ArmError {

  ArmError() {}

  /** The ARM error code, such as {@code AuthorizationFailed} or {@code TokenExchangeFailed}. */
  public abstract String code();

  /** The service's message. */
  public abstract String message();

  /** What the error is about, when the service says. */
  public abstract Optional<String> target();

  /** An error. */
  public static ArmError of(String code, String message) {
    return ImmutableArmError.builder().code(code).message(message).build();
  }

  /** An error about a target. */
  public static ArmError of(String code, String message, String target) {
    return ImmutableArmError.builder().code(code).message(message).target(target).build();
  }

  @Override
  public String toString() {
    return code() + ": " + message();
  }
}
