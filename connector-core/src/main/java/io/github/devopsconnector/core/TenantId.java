package io.github.devopsconnector.core;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Microsoft Entra tenant id: a GUID, kept in lower case.
 */
@Value.Immutable
public abstract class TenantId extends SingleValue {

  private static final Rule RULE = Rule.guid("tenant id");

  TenantId() {
    super(RULE);
  }

  /**
   * Parses a TenantId.
   *
   * @throws IllegalArgumentException with the reason, if the text breaks the rule above
   */
  public static TenantId parse(String text) {
    return ImmutableTenantId.of(RULE.canonical(text));
  }

  /** Whether the text is a valid TenantId. */
  public static boolean isValid(String text) {
    return RULE.isValid(text);
  }

  /** What is wrong with the text, if anything. */
  static Optional<String> problem(String text) {
    return RULE.problem(text);
  }
}
