package io.github.devopsconnector.core;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * The name of a {@code Microsoft.Security/securityConnectors} resource: 1 to 64 characters, ASCII letters, digits,
 * hyphens, underscores and periods, starting with a letter or digit and ending with neither a period nor a hyphen.
 * Whitespace around the name is refused, not trimmed.
 *
 * <p>This is a conservative subset of the ARM naming rules that every Defender for Cloud surface accepts. The
 * REST specification declares {@code securityConnectorName} as a plain string with no pattern and no length
 * (Azure/azure-rest-api-specs, {@code specification/security/resource-manager/Microsoft.Security}:
 * {@code preview/2024-08-01-preview/securityConnectors.json} and {@code stable/2025-03-01/securityConnectorsDevOps.json}),
 * and no published naming rule specific to {@code Microsoft.Security/securityConnectors} was found, so the
 * subset is kept: every name it accepts is a valid ARM resource name, and non-ASCII look-alikes are caught.
 */
@Value.Immutable
public abstract class ConnectorName extends SingleValue {

  private static final Rule RULE = Rule.of(ConnectorName::problem);

  ConnectorName() {
    super(RULE);
  }

  /**
   * Parses a ConnectorName.
   *
   * @throws IllegalArgumentException with the reason, if the text breaks the rule above
   */
  public static ConnectorName parse(String text) {
    return ImmutableConnectorName.of(RULE.canonical(text));
  }

  /** Whether the text is a valid ConnectorName. */
  public static boolean isValid(String text) {
    return RULE.isValid(text);
  }

  /** What is wrong with the text, if anything. */
  static Optional<String> problem(String text) {
    if (text == null) {
      return Optional.of("The connector name is missing.");
    }
    Optional<String> whitespace = Texts.whitespaceProblem("connector name", text);
    if (whitespace.isPresent()) {
      return whitespace;
    }
    if (text.isEmpty() || text.length() > 64) {
      return Optional.of("The connector name " + Texts.quote(text) + " must be 1 to 64 characters long; it has "
          + text.length() + ".");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!alnum && c != '-' && c != '_' && c != '.') {
        return Optional.of("The connector name " + Texts.quote(text)
            + " may only have ASCII letters, digits, hyphens, underscores and periods; position " + (i + 1)
            + " (" + Texts.describeAt(text, i) + ") is not one.");
      }
      if (i == 0 && !alnum) {
        return Optional.of("The connector name " + Texts.quote(text) + " must start with a letter or digit, not "
            + Texts.describeAt(text, 0) + ".");
      }
    }
    if (text.endsWith(".") || text.endsWith("-")) {
      return Optional.of("The connector name " + Texts.quote(text) + " must not end with a period or hyphen.");
    }
    return Optional.empty();
  }
}
