package io.github.devopsconnector.arm.implementation;

/**
 * A write that is never retried failed after it may have reached the service: a timeout, a broken connection, or a
 * 408/5xx answer. Whether it took effect is for the caller to find out by reading back.
 */
public final class AmbiguousWriteException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  AmbiguousWriteException(String message, RuntimeException cause) {
    super(message, cause, false, false);
  }

  /** The failure as the client would otherwise have thrown it (typed). */
  public RuntimeException failure() {
    return (RuntimeException) getCause();
  }
}
