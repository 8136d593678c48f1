package io.github.devopsconnector.core.gitlab;

/**
 * A GitLab member's access level, which the REST API gives as a number ("Access levels", GitLab's members API
 * documentation). Onboarding a group in a Defender for Cloud connector needs {@link #OWNER}.
 */
public enum GitLabAccessLevel {
  /** Not a member ({@code 0}). */
  NO_ACCESS(0),
  /** Minimal access ({@code 5}). */
  MINIMAL_ACCESS(5),
  /** Guest ({@code 10}). */
  GUEST(10),
  /** Planner ({@code 15}). */
  PLANNER(15),
  /** Reporter ({@code 20}). */
  REPORTER(20),
  /** Developer ({@code 30}). */
  DEVELOPER(30),
  /** Maintainer ({@code 40}). */
  MAINTAINER(40),
  /** Owner ({@code 50}). */
  OWNER(50);

  private final int value;

  GitLabAccessLevel(int value) {
    this.value = value;
  }

  /** The number the REST API uses. */
  public int value() {
    return value;
  }

  /**
   * The level of a number the REST API sent: the highest documented level not above it, so a level GitLab adds
   * later never reads as more than it is; {@link #NO_ACCESS} for 0 and below.
   */
  public static GitLabAccessLevel forValue(int value) {
    GitLabAccessLevel result = NO_ACCESS;
    for (GitLabAccessLevel level : values()) {
      if (level.value <= value) {
        result = level;
      }
    }
    return result;
  }
}
