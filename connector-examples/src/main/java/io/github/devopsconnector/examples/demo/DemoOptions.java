package io.github.devopsconnector.examples.demo;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * What a demo run needs from outside: the secrets it hands to the simulators and clients (random by default, so
 * tests can check that none of them is printed), and whether {@code err} is a terminal that can show a progress bar.
 */
final class DemoOptions {

  private static final SecureRandom RANDOM = new SecureRandom();

  final String personalAccessToken;
  final String ownerAuthorizationCode;
  final String takerAuthorizationCode;
  final boolean interactive;

  DemoOptions(String personalAccessToken, String ownerAuthorizationCode, String takerAuthorizationCode,
      boolean interactive) {
    this.personalAccessToken = personalAccessToken;
    this.ownerAuthorizationCode = ownerAuthorizationCode;
    this.takerAuthorizationCode = takerAuthorizationCode;
    this.interactive = interactive;
  }

  /** Fresh random secrets; a progress bar when the JVM has a console. */
  static DemoOptions standard() {
    return random(System.console() != null);
  }

  /** Fresh random secrets. */
  static DemoOptions random(boolean interactive) {
    return new DemoOptions(secret(39), secret(48), secret(48), interactive);
  }

  /** A random URL-safe secret of this many bytes (a PAT is 52 characters, an OAuth code longer). */
  private static String secret(int bytes) {
    byte[] value = new byte[bytes];
    RANDOM.nextBytes(value);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
  }

  /** Never shows a secret. */
  @Override
  public String toString() {
    return "DemoOptions[secrets ****, interactive " + interactive + "]";
  }
}
