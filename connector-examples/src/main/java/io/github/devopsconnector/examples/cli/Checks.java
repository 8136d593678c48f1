package io.github.devopsconnector.examples.cli;

/** Range checks of option values, failing with a {@link UsageException} that names the option. */
final class Checks {

  private Checks() {}

  static int range(String option, int value, int min, int max) {
    if (value < min || value > max) {
      throw new UsageException(option + " must be from " + min + " to " + max + "; it is " + value + ".");
    }
    return value;
  }

  static long range(String option, long value, long min, long max) {
    if (value < min || value > max) {
      throw new UsageException(option + " must be from " + min + " to " + max + "; it is " + value + ".");
    }
    return value;
  }

  static double fraction(String option, double value) {
    if (Double.isNaN(value) || value < 0 || value > 1) {
      throw new UsageException(option + " must be a number from 0 to 1, such as 0.05; it is " + value + ".");
    }
    return value;
  }
}
