package io.github.devopsconnector.core;

import java.util.Arrays;
import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * The one-time OAuth authorization code that the Azure DevOps sign-in returns and the connector exchanges for
 * tokens. It is a secret: {@link #toString()} never shows it, it is never logged, and {@link #destroy()} wipes it
 * once it has been sent.
 */
public final class AuthorizationCode implements Destroyable {

  private final char[] value;
  private volatile boolean destroyed;

  private AuthorizationCode(char[] value) {
    this.value = value;
  }

  /**
   * An authorization code.
   *
   * @throws IllegalArgumentException if the code is null or blank (the message never contains the code)
   */
  public static AuthorizationCode of(String code) {
    if (code == null || code.isBlank()) {
      throw new IllegalArgumentException("The authorization code is missing.");
    }
    return new AuthorizationCode(code.toCharArray());
  }

  /**
   * The secret, for the one request that sends it.
   *
   * @throws IllegalStateException if the code was destroyed
   */
  public String reveal() {
    if (destroyed) {
      throw new IllegalStateException("The authorization code was already used and destroyed.");
    }
    return new String(value);
  }

  /** Overwrites the secret; {@link #reveal()} fails afterwards. */
  @Override
  public void destroy() {
    Arrays.fill(value, '\0');
    destroyed = true;
  }

  @Override
  public boolean isDestroyed() {
    return destroyed;
  }

  /** Codes are equal only when they are the same object: a secret is never compared by value in the open. */
  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(System.identityHashCode(this));
  }

  @Override
  public String toString() {
    return "AuthorizationCode[****]";
  }
}
