package io.github.devopsconnector.examples.demo;

/** A step of the demo did not behave as expected; the message says what was expected and what happened. */
final class DemoFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  DemoFailure(String message) {
    super(message);
  }

  /** Throws a failure with this message unless the condition holds. */
  static void expect(boolean condition, String message) {
    if (!condition) {
      throw new DemoFailure(message);
    }
  }
}
