package io.github.devopsconnector.core;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * The name of a top-level account a connector onboards, on any platform: an Azure DevOps organization, a GitHub
 * owner's login, a GitLab top-level group's path. It is 1 to 255 ASCII letters, digits, underscores, hyphens and
 * periods, not starting with a hyphen; whitespace around the name is refused, not trimmed. Names compare
 * ignoring case ({@link #equals}), as all three platforms compare them.
 *
 * <p>Each platform is stricter: {@link #problem(DevOpsPlatform, String)} and
 * {@link #isValidFor(DevOpsPlatform, String)} apply its own rule (Azure DevOps: 1 to 50 letters, digits and hyphens,
 * starting and ending with a letter or digit; GitHub: 1 to 39 letters, digits and single hyphens; GitLab: 1 to 255
 * letters, digits, {@code _ - .}, not starting with {@code -} and not ending in {@code .git} or {@code .atom}).
 * {@link ConnectorBuilder} checks the names it is given by the rule of its platform.
 */
@Value.Immutable
public abstract class OrganizationName extends SingleValue {

  private static final Rule RULE = Rule.of(OrganizationName::problem);
  private static final int MAX_LENGTH = 255;

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

  /** Whether the text is a valid OrganizationName (on some platform; see {@link #isValidFor}). */
  public static boolean isValid(String text) {
    return RULE.isValid(text);
  }

  /**
   * Whether the text is the name of a top-level account on this platform, by the platform's own rule.
   *
   * @throws NullPointerException if the platform is null
   */
  public static boolean isValidFor(DevOpsPlatform platform, String text) {
    return problem(platform, text).isEmpty();
  }

  /**
   * What is wrong with the text as the name of a top-level account on this platform, if anything: an Azure DevOps
   * organization name, a GitHub login, a GitLab top-level group path. Every name valid on a platform is a valid
   * OrganizationName.
   *
   * @throws NullPointerException if the platform is null
   */
  public static Optional<String> problem(DevOpsPlatform platform, String text) {
    switch (java.util.Objects.requireNonNull(platform, "platform")) {
      case GITHUB:
        return GitHubOwnerChecks.loginProblem(text);
      case GITLAB:
        return GitLabGroupChecks.pathProblem(text);
      case AZURE_DEVOPS:
      default:
        return azureDevOpsProblem(text);
    }
  }

  /** What is wrong with the text as an OrganizationName, if anything. */
  static Optional<String> problem(String text) {
    if (text == null) {
      return Optional.of("The organization name is missing.");
    }
    Optional<String> whitespace = Texts.whitespaceProblem("organization name", text);
    if (whitespace.isPresent()) {
      return whitespace;
    }
    if (text.isEmpty() || text.length() > MAX_LENGTH) {
      return Optional.of("The organization name " + Texts.quote(text) + " must be 1 to " + MAX_LENGTH
          + " characters long; it has " + text.length() + ".");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isNameCharacter(c)) {
        return Optional.of("The organization name " + Texts.quote(text) + " may only have ASCII letters, digits, "
            + "underscores, hyphens and periods; position " + (i + 1) + " (" + Texts.describeAt(text, i)
            + ") is not one.");
      }
    }
    if (text.startsWith("-")) {
      return Optional.of("The organization name " + Texts.quote(text) + " must not start with a hyphen.");
    }
    return Optional.empty();
  }

  static boolean isNameCharacter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
        || c == '.';
  }

  /** Azure DevOps' rule: 1 to 50 ASCII letters, digits and hyphens, starting and ending with a letter or digit. */
  static Optional<String> azureDevOpsProblem(String text) {
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
