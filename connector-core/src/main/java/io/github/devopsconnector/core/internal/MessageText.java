package io.github.devopsconnector.core.internal;

/**
 * Renders input inside the SDK's messages: in quotes, bounded, with control and invisible characters made visible
 * and quotes escaped, so that a message shows exactly what was given without letting it forge the message around
 * it. Shared by connector-core's rules and connector-testing's estate files.
 */
public final class MessageText {
  /** How many characters of an input a message shows at most. */
  public static final int MAX_SHOWN = 80;

  private MessageText() {}

  /**
   * The input in quotes; long inputs are cut, control and invisible characters escaped as {@code \\uXXXX}, and
   * quotes and backslashes escaped.
   *
   * @param raw the input, or {@code null}
   * @return the quoted input, or {@code null} (unquoted) for a null input
   */
  public static String quote(String raw) {
    if (raw == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder("\"");
    int shown = Math.min(raw.length(), MAX_SHOWN);
    for (int i = 0; i < shown; i++) {
      char c = raw.charAt(i);
      if (c < 0x20 || c == 0x7f || (c >= 0x80 && !Character.isLetterOrDigit(c)) || Character.isSurrogate(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else {
        out.append(c);
      }
    }
    if (raw.length() > MAX_SHOWN) {
      out.append("…(").append(raw.length()).append(" characters)");
    }
    return out.append('"').toString();
  }
}
