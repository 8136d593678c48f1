package io.github.devopsconnector.core.edit;

import io.github.devopsconnector.core.Finding;
import io.github.devopsconnector.core.OrganizationName;
import org.immutables.value.Value;

/** One change an edit makes, old value to new, as a UI or a log shows it. Never contains a secret. */
@Value.Immutable
public abstract class Change {

  /** The value shown for "none". */
  public static final String NONE = "-";

  Change() {}

  /** What changes: {@code authorization}, {@code owner}, {@code selection}, {@code autoDiscovery}, {@code organization:<name>}. */
  @Value.Parameter
  public abstract String field();

  /** The value before, as text ({@value #NONE} when there was none). */
  @Value.Parameter
  public abstract String oldValue();

  /** The value after, as text ({@value #NONE} when there is none). */
  @Value.Parameter
  public abstract String newValue();

  /** A change. */
  public static Change of(String field, String oldValue, String newValue) {
    return ImmutableChange.of(field, oldValue, newValue);
  }

  /** The field name of the change about an organization ({@code organization:<name>}). */
  public static String organizationField(OrganizationName organization) {
    return Finding.organizationSubject(organization.value());
  }

  @Override
  public String toString() {
    return field() + ": " + oldValue() + " -> " + newValue();
  }
}
