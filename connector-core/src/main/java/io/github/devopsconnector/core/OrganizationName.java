package io.github.devopsconnector.core;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * An Azure DevOps organization name: 1 to 50 characters, ASCII letters, digits and hyphens, starting and ending with a letter or digit; whitespace around the name is refused, not trimmed. Organization names are case-insensitive in Azure DevOps; {@link #equals} compares them ignoring case.
 */
@Value.Immutable
public abstract class OrganizationName extends SingleValue {

  private static final Rule RULE = Rule.of(OrganizationName::problem);

  OrganizationName() {
    super(RULE);
  }

  /**
   * Parses an OrganizationName.
   *
   * @throws IllegalArgumentException with the reason, if the text breaks the rule above
   */
  public static OrganizationName parse(String text) {
    return ImmutableOrganizationName.of(RULE.canonical(text));
  }

  /** Whether the text is a valid OrganizationName. */
  public static boolean isValid(String text) {
    return RULE.isValid(text);
  }

  /** What is wrong with the text, if anything. */
  static Optional<String> problem(String text) {
    if (text == null) {
      return Optional.of("The organization name is missing.");
    }
    Optional<String> whitespace = Texts.whitespaceProblem("organization name", text);
    if (whitespace.isPresent()) {
      return whitespace;
    }
    if (text.isEmpty() || text.length() > 50) {
      return Optional.of("The organization name " + Texts.quote(text) + " must be 1 to 50 characters long; it has " + text.length() + ".");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
      if (!ok) {
        return Optional.of("The organization name " + Texts.quote(text) + " may only have ASCII letters, digits and hyphens; position " + (i + 1) + " (" + Texts.describeAt(text, i) + ") is not one.");
      }
    }
    if (text.startsWith("-") || text.endsWith("-")) {
      return Optional.of("The organization name " + Texts.quote(text) + " must start and end with a letter or digit.");
    }
    return Optional.empty();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof OrganizationName && ((OrganizationName) other).value().equalsIgnoreCase(value());
  }

  @Override
  public int hashCode() {
    return value().toLowerCase(java.util.Locale.ROOT).hashCode();
  }
}
