package io.github.devopsconnector.arm;

import java.util.Locale;
import java.util.Objects;

/**
 * A string value of an extensible ARM enumeration: known values are constants, unknown ones are kept as they came.
 * Values of the same type compare ignoring case, as ARM does.
 */
abstract class ExpandableValue {

  private final String value;

  ExpandableValue(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  /** The value as ARM spells it. */
  public final String value() {
    return value;
  }

  @Override
  public final boolean equals(Object other) {
    return other != null && other.getClass() == getClass() && ((ExpandableValue) other).value.equalsIgnoreCase(value);
  }

  @Override
  public final int hashCode() {
    return Objects.hash(getClass(), value.toLowerCase(Locale.ROOT));
  }

  @Override
  public final String toString() {
    return value;
  }
}
