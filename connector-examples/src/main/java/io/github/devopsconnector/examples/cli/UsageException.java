package io.github.devopsconnector.examples.cli;

/** A command line that cannot be run as given: exit code 2, with a message that says what to change. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }

  UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
