package io.github.devopsconnector.core.discovery;

/** How discovering one organization ended. */
public enum OrganizationStatus {
  /** Every project, repository and pipeline was listed. */
  DISCOVERED,
  /** Not attempted, for the reasons in the outcome's findings (for example, the user is not a member). */
  SKIPPED,
  /** A request failed; the outcome's error says which and why. */
  FAILED
}
