package io.github.devopsconnector.ado.implementation;

import java.util.List;
import java.util.Objects;

/**
 * Removes known secrets from text before it goes into a message. The client never puts a credential into a
 * message itself; this guards text that comes from elsewhere (the service's error messages, exception messages
 * of the HTTP stack).
 */
public final class Scrubber {
  private static final String MASK = "****";

  private final List<String> secrets;

  private Scrubber(List<String> secrets) {
    this.secrets = secrets;
  }

  /** A scrubber for these secrets; blank ones are ignored. */
  public static Scrubber of(String... secrets) {
    return new Scrubber(java.util.Arrays.stream(secrets)
        .filter(Objects::nonNull)
        .filter(s -> s.length() >= 4)
        .toList());
  }

  /** A scrubber that knows no secrets. */
  public static Scrubber none() {
    return new Scrubber(List.of());
  }

  /** The text without any of the secrets. */
  public String scrub(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String secret : secrets) {
      out = out.replace(secret, MASK);
    }
    return out;
  }

  @Override
  public String toString() {
    return "Scrubber[" + secrets.size() + " secrets]";
  }
}
