package io.github.devopsconnector.http;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Checks header values before a request is sent, so that a value with a line break or another control character
 * (which would split the header, or make the JDK HTTP client throw with the whole header in its message) is
 * refused with a message that names the header and the problem but never shows a credential.
 */
public final class HeaderValues {
  private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
      "x-tfs-fedauthredirect-token");
  /** The longest header value sent; longer ones are refused. */
  public static final int MAX_LENGTH = 16 * 1024;

  private HeaderValues() {}

  /** Whether the header carries a credential. */
  public static boolean isSecret(String name) {
    return name != null && SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT));
  }

  /**
   * What is wrong with the value, without showing it; empty when it may be sent: no control characters other
   * than tab, nothing beyond Latin-1, at most {@value #MAX_LENGTH} characters.
   */
  public static Optional<String> problem(String name, String value) {
    if (value == null) {
      return Optional.empty();
    }
    if (value.length() > MAX_LENGTH) {
      return Optional.of("The " + safeName(name) + " header value is " + value.length()
          + " characters long; at most " + MAX_LENGTH + " are sent.");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean control = (c < 0x20 && c != '\t') || c == 0x7f;
      if (control || c > 0xff) {
        String what = c == '\r' || c == '\n' ? "a line break" : control ? "a control character" : "a character "
            + "outside ISO-8859-1";
        return Optional.of("The " + safeName(name) + " header value has " + what + " at position " + (i + 1)
            + (isSecret(name) ? "; the credential is malformed (copy it again, without surrounding text)."
                : "; header values must be a single line of printable text."));
      }
    }
    return Optional.empty();
  }

  /**
   * Refuses a value that may not be sent.
   *
   * @throws IllegalArgumentException naming the header and the problem, never the value
   */
  public static void require(String name, String value) {
    Optional<String> problem = problem(name, value);
    if (problem.isPresent()) {
      throw new IllegalArgumentException(problem.get());
    }
  }

  private static String safeName(String name) {
    return name == null ? "" : SecretScrubber.clip(name, 60);
  }
}
