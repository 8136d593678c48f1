package io.github.devopsconnector.core;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * An Azure subscription id: a GUID ({@code xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}, hexadecimal), kept in lower case.
 */
@Value.Immutable
public abstract class SubscriptionId extends SingleValue {

  private static final Rule RULE = Rule.guid("subscription id");

  SubscriptionId() {
    super(RULE);
  }

  /**
   * Parses a SubscriptionId.
   *
   * @throws IllegalArgumentException with the reason, if the text breaks the rule above
   */
  public static SubscriptionId parse(String text) {
    return ImmutableSubscriptionId.of(RULE.canonical(text));
  }

  /** Whether the text is a valid SubscriptionId. */
  public static boolean isValid(String text) {
    return RULE.isValid(text);
  }

  /** What is wrong with the text, if anything. */
  static Optional<String> problem(String text) {
    return RULE.problem(text);
  }
}
