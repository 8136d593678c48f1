package io.github.devopsconnector.core.edit;

import org.immutables.value.Value;

/** One change an edit makes, old value to new, as a UI or a log shows it. Never contains a secret. */
@Value.Immutable
public abstract class Change {

  Change() {}

  /** What changes: {@code authorization}, {@code owner}, {@code autoDiscovery}, {@code organization:<name>}, … */
  public abstract String field();

  /** The value before, as text ({@code -} when there was none). */
  public abstract String oldValue();

  /** The value after, as text ({@code -} when there is none). */
  public abstract String newValue();

  /** A change. */
  public static Change of(String field, String oldValue, String newValue) {
    return ImmutableChange.builder().field(field).oldValue(oldValue).newValue(newValue).build();
  }

  @Override
  public String toString() {
    return field() + ": " + oldValue() + " -> " + newValue();
  }
}
