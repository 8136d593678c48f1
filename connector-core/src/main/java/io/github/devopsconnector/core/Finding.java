package io.github.devopsconnector.core;

import org.immutables.value.Value;

/**
 * One broken rule: what is wrong ({@link #message()}), with what ({@link #subject()}), and what to do about it
 * ({@link #remediation()}). Findings never contain secrets.
 */
@Value.Immutable
public abstract class Finding {

  Finding() {}

  /** The stable code of the rule. */
  public abstract FindingCode code();

  /** Whether the finding blocks. */
  public abstract Severity severity();

  /**
   * What the finding is about: a connector field ({@code name}, {@code subscription}, {@code region}, …) or
   * {@code organization:<name>} for a per-organization finding.
   */
  public abstract String subject();

  /** What is wrong, in a sentence a person can read. */
  public abstract String message();

  /** What to do about it. */
  public abstract String remediation();

  /** Whether this finding blocks ({@link Severity#ERROR}). */
  public final boolean isError() {
    return severity() == Severity.ERROR;
  }

  /** A finding with the code's default severity. */
  public static Finding of(FindingCode code, String subject, String message, String remediation) {
    return ImmutableFinding.builder()
        .code(code)
        .severity(code.defaultSeverity())
        .subject(subject)
        .message(message)
        .remediation(remediation)
        .build();
  }

  /** The subject used for findings about one Azure DevOps organization. */
  public static String organizationSubject(String organization) {
    return "organization:" + organization;
  }

  @Override
  public String toString() {
    return severity() + " " + code() + " [" + subject() + "]: " + message() + " Remediation: " + remediation();
  }
}
