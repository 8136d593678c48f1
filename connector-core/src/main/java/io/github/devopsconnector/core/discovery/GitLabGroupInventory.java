package io.github.devopsconnector.core.discovery;

import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.gitlab.GitLabProject;
import java.util.List;
import org.immutables.value.Value;

/**
 * One GitLab top-level group of a {@link GitLabInventory}: its outcome and every project of its tree, sorted by full
 * path ignoring case, then id. Each project holds one repository, so the outcome counts projects as repositories
 * (its project and pipeline counts are zero); archived projects are included and marked.
 */
@Value.Immutable
public abstract class GitLabGroupInventory {

  GitLabGroupInventory() {}

  /** How discovering the group ended, with counts and the onboarding check. */
  public abstract OrganizationOutcome outcome();

  /** Every project of the group's tree, subgroups at any depth included. */
  public abstract List<GitLabProject> projects();

  /** The group's path. */
  public final OrganizationName path() {
    return outcome().organization();
  }

  /** Discovered, skipped or failed. */
  public final OrganizationStatus status() {
    return outcome().status();
  }

  static ImmutableGitLabGroupInventory.Builder builder() {
    return ImmutableGitLabGroupInventory.builder();
  }

  @Value.Check
  final void check() {
    if (outcome().repositoryCount() != projects().size()) {
      throw new IllegalArgumentException("The outcome's repository count must match the group's projects.");
    }
  }

  @Override
  public String toString() {
    return outcome().toString();
  }
}
