package io.github.devopsconnector.core;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * What is known about the authorizing user and the plan of one GitLab top-level group. Facts left empty are not
 * checked. Judged by {@link OrganizationChecks#check(OrganizationFacts, Optional)} once wrapped by
 * {@link OrganizationFacts#gitLab}.
 */
@Value.Immutable
public abstract class GitLabGroupFacts {

  GitLabGroupFacts() {}

  /** The top-level group's path (paths compare ignoring case). */
  public abstract OrganizationName group();

  /** Whether the user is an Owner of the group (access level 50, direct or inherited). */
  public abstract Optional<Boolean> groupOwner();

  /**
   * The group's GitLab.com plan as the namespaces API gives it ({@code free}, {@code premium}, {@code ultimate},
   * ...); {@link GitLabGroupChecks} checks only the plans it knows.
   */
  public abstract Optional<String> plan();

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link GitLabGroupFacts}. */
  public static final class Builder extends ImmutableGitLabGroupFacts.Builder {
    Builder() {}
  }
}
