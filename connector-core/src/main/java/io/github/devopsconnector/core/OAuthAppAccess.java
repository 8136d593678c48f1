package io.github.devopsconnector.core;

import java.util.Locale;
import java.util.Optional;

/**
 * The state of the Azure DevOps organization policy "Third-party application access via OAuth"
 * ({@code Policy.DisallowOAuthAuthentication}, shown inverted in the portal). Defender for Cloud needs it on.
 */
public enum OAuthAppAccess {
  /** Third-party applications may use OAuth: the connector can work. */
  ON,
  /** OAuth applications are blocked: every call the connector makes would answer {@code TF400813}. */
  OFF,
  /** The policy could not be read (there is no documented API for it). */
  UNKNOWN;

  /** Parses {@code on}, {@code off} or {@code unknown}, ignoring case. */
  public static Optional<OAuthAppAccess> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "on":
        return Optional.of(ON);
      case "off":
        return Optional.of(OFF);
      case "unknown":
        return Optional.of(UNKNOWN);
      default:
        return Optional.empty();
    }
  }
}
