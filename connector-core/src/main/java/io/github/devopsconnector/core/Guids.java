package io.github.devopsconnector.core;

import java.util.Optional;

/** The GUID rule shared by subscription and tenant ids. */
final class Guids {
  private Guids() {}

  static Optional<String> problem(String what, String text) {
    if (text == null) {
      return Optional.of("The " + what + " is missing.");
    }
    Optional<String> whitespace = Texts.whitespaceProblem(what, text);
    if (whitespace.isPresent()) {
      return whitespace;
    }
    if (text.length() != 36) {
      return Optional.of("The " + what + " " + Texts.quote(text)
          + " is not a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx, 36 characters; it has " + text.length() + ").");
    }
    for (int i = 0; i < 36; i++) {
      char c = text.charAt(i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      boolean ok = dash ? c == '-' : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!ok) {
        return Optional.of("The " + what + " " + Texts.quote(text)
            + " is not a GUID: position " + (i + 1) + " (" + Texts.describeAt(text, i) + ") should be "
            + (dash ? "a hyphen." : "an ASCII hexadecimal digit."));
      }
    }
    return Optional.empty();
  }
}
