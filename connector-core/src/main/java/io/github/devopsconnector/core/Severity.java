package io.github.devopsconnector.core;

/** How much a {@link Finding} matters. */
public enum Severity {
  /** The rule is broken: the connector cannot be created, or the organization cannot be onboarded. */
  ERROR,
  /** Worth knowing, but does not block. */
  WARNING
}
