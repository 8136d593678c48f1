package io.github.devopsconnector.core;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Microsoft Entra tenant id: a GUID, kept in lower case.
 */
@Value.Immutable
public abstract class TenantId {

  TenantId() {}

  /** The canonical text. */
  @Value.Parameter
  public abstract String value();

  /**
   * Parses a TenantId.
   *
   * @throws IllegalArgumentException with the reason, if the text breaks the rule above
   */
  public static TenantId parse(String text) {
    Optional<String> problem = problem(text);
    if (problem.isPresent()) {
      throw new IllegalArgumentException(problem.get());
    }
    return ImmutableTenantId.of(text.toLowerCase(java.util.Locale.ROOT));
  }

  /** Whether the text is a valid TenantId. */
  public static boolean isValid(String text) {
    return problem(text).isEmpty();
  }

  /** What is wrong with the text, if anything. */
  static Optional<String> problem(String text) {
    return Guids.problem("tenant id", text);
  }

  @Value.Check
  final void check() {
    problem(value()).ifPresent(p -> {
      throw new IllegalArgumentException(p);
    });
  }

  @Override
  public String toString() {
    return value();
  }
}
