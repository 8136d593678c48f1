package io.github.devopsconnector.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * The one scrubber for every kind of credential the SDK handles: personal access tokens and their HTTP Basic form,
 * bearer tokens (Microsoft Entra JWTs, or any token after {@code Bearer}), and one-time authorization codes. Every
 * message, log line and piece of echoed server text that the clients produce goes through {@link #scrub(String)}
 * and, when it is server text, {@link #clip(String, int)}.
 *
 * <p>It masks the secrets it was told about (exactly, and in their Basic form) and, by shape, what any credential
 * looks like: the value after {@code Bearer}/{@code Basic} in an {@code Authorization} header or a header-validation
 * message, JWTs ({@code eyJ…}), and {@code code=}/{@code "code":} values. Thread-safe; remembers at most
 * {@value #MAX_KNOWN} secrets (older ones are forgotten first, and still caught by shape).
 */
public final class SecretScrubber {
  /** What a secret becomes. */
  public static final String MASK = "****";
  /** The most secrets remembered. */
  static final int MAX_KNOWN = 32;

  private static final Pattern SCHEME_VALUE = Pattern.compile(
      "(?i)\\b(bearer|basic|negotiate|pop)(\\s+|%20|\\+)[A-Za-z0-9\\-._~+/=%]{4,}");
  private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_\\-]{4,}\\.[A-Za-z0-9_\\-]{4,}(\\.[A-Za-z0-9_\\-]*)?");
  private static final Pattern CODE_PARAMETER = Pattern.compile(
      "(?i)\\b((?:authorization_?code|code|access_?token|refresh_?token|client_?secret|password|pat)"
          + "(?:\"\\s*:\\s*\"|=|'\\s*:\\s*'))[^\"'&\\s,}]{4,}");

  private final List<String> known = new CopyOnWriteArrayList<>();

  private SecretScrubber() {}

  /** A scrubber that knows no secret yet (it still masks credentials by shape). */
  public static SecretScrubber create() {
    return new SecretScrubber();
  }

  /** A scrubber that knows these secrets; null and short ones (under 4 characters) are ignored. */
  public static SecretScrubber of(String... secrets) {
    SecretScrubber scrubber = new SecretScrubber();
    for (String secret : secrets) {
      scrubber.add(secret);
    }
    return scrubber;
  }

  /**
   * Remembers a secret, and its HTTP Basic forms ({@code base64(":" + secret)}, {@code base64(secret)}) so that
   * they are masked too.
   *
   * @return this scrubber
   */
  public SecretScrubber add(String secret) {
    if (secret == null || secret.length() < 4) {
      return this;
    }
    List<String> forms = new ArrayList<>(3);
    forms.add(secret);
    forms.add(Base64.getEncoder().encodeToString((":" + secret).getBytes(StandardCharsets.UTF_8)));
    forms.add(Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
    for (String form : forms) {
      if (!known.contains(form)) {
        known.add(form);
      }
    }
    while (known.size() > MAX_KNOWN) {
      known.remove(0);
    }
    return this;
  }

  /** The text with every known secret, and everything shaped like a credential, masked; null stays null. */
  public String scrub(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    for (String secret : known) {
      out = out.replace(secret, MASK);
    }
    return scrubShapes(out);
  }

  /** The text with everything shaped like a credential masked (no known secrets needed); null stays null. */
  public static String scrubShapes(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = SCHEME_VALUE.matcher(text).replaceAll("$1 " + MASK);
    out = JWT.matcher(out).replaceAll(MASK);
    return CODE_PARAMETER.matcher(out).replaceAll("$1" + MASK);
  }

  /**
   * Server or stack text made fit for a message: control characters turned into spaces, runs of whitespace
   * squeezed, at most {@code max} characters (then an ellipsis). Does not scrub; scrub first.
   */
  public static String clip(String text, int max) {
    if (text == null) {
      return "";
    }
    // Clip first so that a hostile megabyte is not worked over by the regular expressions.
    String head = text.length() > max * 2 + 16 ? text.substring(0, max * 2 + 16) : text;
    StringBuilder out = new StringBuilder(Math.min(head.length(), max + 1));
    boolean space = false;
    for (int i = 0; i < head.length(); i++) {
      char c = head.charAt(i);
      if (Character.isISOControl(c) || Character.isWhitespace(c)) {
        space = out.length() > 0;
        continue;
      }
      if (space) {
        out.append(' ');
        space = false;
      }
      out.append(c);
    }
    return out.length() > max || head.length() < text.length() && out.length() >= max
        ? out.substring(0, Math.min(max, out.length())) + "…"
        : out.toString();
  }

  /** Scrubs, then clips. */
  public String scrubAndClip(String text, int max) {
    return clip(scrub(clipRaw(text, max)), max);
  }

  private static String clipRaw(String text, int max) {
    // Keep room for a secret that straddles the cut: it is masked by shape or by value before the final clip.
    int keep = max * 2 + 512;
    return text == null || text.length() <= keep ? text : text.substring(0, keep);
  }

  @Override
  public String toString() {
    return "SecretScrubber[" + known.size() + " secret forms]";
  }

  /** For tests and assertions: whether a secret (or its Basic form) is known. */
  boolean knows(String secret) {
    return known.contains(Objects.requireNonNull(secret));
  }
}
