package io.github.devopsconnector.examples.console;

/**
 * Makes text safe to print on one terminal line: line breaks become spaces, other control, format and bidirectional
 * characters (and unpaired surrogates) become {@code \}{@code uXXXX} escapes, so that an argument or a server's
 * message cannot move the cursor, recolour the terminal or reorder what follows; very long text is cut.
 */
public final class Printable {

  /** The longest text printed as one message. */
  public static final int MAX_LENGTH = 2000;

  private Printable() {}

  /** The text as one safe line, at most about {@link #MAX_LENGTH} characters (plus an ellipsis). */
  public static String line(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder safe = new StringBuilder(Math.min(text.length(), MAX_LENGTH) + 16);
    boolean lastWasBreak = false;
    int i = 0;
    while (i < text.length()) {
      if (safe.length() >= MAX_LENGTH) {
        safe.append('…');
        break;
      }
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (c == '\n' || c == '\r') {
        if (!lastWasBreak) {
          safe.append(' ');
        }
        lastWasBreak = true;
        continue;
      }
      lastWasBreak = false;
      if (c == '\t') {
        safe.append(' ');
      } else if (isUnsafe(c)) {
        safe.append(String.format("\\u%04x", c));
      } else {
        safe.appendCodePoint(c);
      }
    }
    return safe.toString().strip();
  }

  private static boolean isUnsafe(int c) {
    if (Character.isISOControl(c)) {
      return true;
    }
    int type = Character.getType(c);
    return type == Character.FORMAT || type == Character.SURROGATE || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR || type == Character.UNASSIGNED || type == Character.PRIVATE_USE;
  }
}
