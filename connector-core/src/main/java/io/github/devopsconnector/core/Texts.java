package io.github.devopsconnector.core;

/** Renders user input safely inside messages: bounded, and with control characters made visible. */
final class Texts {
  private static final int MAX_SHOWN = 80;

  private Texts() {}

  /** The input in quotes, or {@code null}; long inputs are cut, control and invisible characters escaped. */
  static String quote(String raw) {
    if (raw == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder("\"");
    int shown = Math.min(raw.length(), MAX_SHOWN);
    for (int i = 0; i < shown; i++) {
      char c = raw.charAt(i);
      if (c < 0x20 || c == 0x7f || (c >= 0x80 && !Character.isLetterOrDigit(c)) || Character.isSurrogate(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    if (raw.length() > MAX_SHOWN) {
      out.append("…(").append(raw.length()).append(" characters)");
    }
    return out.append('"').toString();
  }

  /** Whether every character is printable ASCII (no control characters, no look-alikes from other scripts). */
  static boolean isPrintableAscii(String raw) {
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }
}
