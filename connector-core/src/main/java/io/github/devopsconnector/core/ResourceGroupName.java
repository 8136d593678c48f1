package io.github.devopsconnector.core;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * An Azure resource group name: 1 to 90 characters, ASCII letters, digits, underscores, parentheses, hyphens and periods, not ending in a period. (ARM also accepts non-ASCII letters; this library refuses them so that look-alike characters from other scripts are caught.) Whitespace around the name is refused, not trimmed.
 */
@Value.Immutable
public abstract class ResourceGroupName extends SingleValue {

  private static final Rule RULE = Rule.of(ResourceGroupName::problem);

  ResourceGroupName() {
    super(RULE);
  }

  /**
   * Parses a ResourceGroupName.
   *
   * @throws IllegalArgumentException with the reason, if the text breaks the rule above
   */
  public static ResourceGroupName parse(String text) {
    return ImmutableResourceGroupName.of(RULE.canonical(text));
  }

  /** Whether the text is a valid ResourceGroupName. */
  public static boolean isValid(String text) {
    return RULE.isValid(text);
  }

  /** What is wrong with the text, if anything. */
  static Optional<String> problem(String text) {
    if (text == null) {
      return Optional.of("The resource group name is missing.");
    }
    Optional<String> whitespace = Texts.whitespaceProblem("resource group name", text);
    if (whitespace.isPresent()) {
      return whitespace;
    }
    if (text.isEmpty() || text.length() > 90) {
      return Optional.of("The resource group name " + Texts.quote(text) + " must be 1 to 90 characters long; it has " + text.length() + ".");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '_' || c == '(' || c == ')' || c == '-' || c == '.';
      if (!ok) {
        return Optional.of("The resource group name " + Texts.quote(text) + " may only have ASCII letters, digits, underscores, parentheses, hyphens and periods; position " + (i + 1) + " (" + Texts.describeAt(text, i) + ") is not one.");
      }
    }
    if (text.endsWith(".")) {
      return Optional.of("The resource group name " + Texts.quote(text) + " must not end with a period.");
    }
    return Optional.empty();
  }
}
