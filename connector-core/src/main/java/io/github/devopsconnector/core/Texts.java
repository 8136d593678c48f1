package io.github.devopsconnector.core;

import io.github.devopsconnector.core.internal.MessageText;
import java.util.Locale;
import java.util.Optional;

/** Renders user input safely inside messages: bounded, and with control characters made visible. */
final class Texts {

  private Texts() {}

  /** The input in quotes, or {@code null}; see {@link MessageText#quote(String)}. */
  static String quote(String raw) {
    return MessageText.quote(raw);
  }

  /**
   * Names the character at an index so that a reader can tell it from a look-alike: {@code 'x'} for printable
   * ASCII other than the space, otherwise its code point and Unicode name, such as
   * {@code U+0430 CYRILLIC SMALL LETTER A} or {@code U+200B ZERO WIDTH SPACE}.
   */
  static String describeAt(String raw, int index) {
    return describe(raw.codePointAt(index));
  }

  /** See {@link #describeAt(String, int)}. */
  static String describe(int codePoint) {
    if (codePoint > 0x20 && codePoint < 0x7f) {
      return "'" + (char) codePoint + "'";
    }
    String name = Character.getName(codePoint);
    String hex = String.format(Locale.ROOT, "U+%04X", codePoint);
    return name == null ? hex : hex + " " + name;
  }

  /** Whether the character counts as whitespace here: Java whitespace and Unicode space separators alike. */
  static boolean isWhitespace(int codePoint) {
    return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
  }

  /**
   * What is wrong if the input is blank or starts or ends with whitespace. Such input is refused rather than
   * trimmed: what gets created must be exactly what was checked, and padding is usually a copy-and-paste
   * accident worth seeing. Empty and {@code null} input are left to the caller's own rules.
   *
   * @param what what the input is, such as {@code "connector name"}
   */
  static Optional<String> whitespaceProblem(String what, String raw) {
    if (raw == null || raw.isEmpty()) {
      return Optional.empty();
    }
    if (raw.codePoints().allMatch(Texts::isWhitespace)) {
      return Optional.of("The " + what + " " + quote(raw) + " is blank: it has only whitespace.");
    }
    int first = raw.codePointAt(0);
    int last = raw.codePointBefore(raw.length());
    if (isWhitespace(first) || isWhitespace(last)) {
      String where = isWhitespace(first)
          ? (isWhitespace(last) ? "starts with " + describe(first) + " and ends with " + describe(last)
              : "starts with " + describe(first))
          : "ends with " + describe(last);
      return Optional.of("The " + what + " " + quote(raw) + " " + where
          + "; whitespace around a value is refused, not trimmed, so that what is created is exactly what was "
          + "checked.");
    }
    return Optional.empty();
  }

  /** Whether {@link #whitespaceProblem(String, String)} is about padding (not about a blank value). */
  static boolean isPadded(String raw) {
    return raw != null && !raw.isEmpty() && !raw.codePoints().allMatch(Texts::isWhitespace)
        && (isWhitespace(raw.codePointAt(0)) || isWhitespace(raw.codePointBefore(raw.length())));
  }
}
