package io.github.devopsconnector.core.discovery;

/** What a task that ran on another thread failed with, made the waiting caller's own failure. */
final class Causes {
  private Causes() {}

  /**
   * The failure to throw for a task's cause: the cause itself when it is unchecked (an {@link Error} is thrown
   * right here), otherwise an {@link IllegalStateException} with this message and the cause.
   *
   * @param cause what the task failed with
   * @param failedMessage the message for a checked cause ({@code "The discovery failed."})
   * @return the exception to throw
   */
  static RuntimeException unchecked(Throwable cause, String failedMessage) {
    if (cause instanceof RuntimeException) {
      return (RuntimeException) cause;
    }
    if (cause instanceof Error) {
      throw (Error) cause;
    }
    return new IllegalStateException(failedMessage, cause);
  }
}
