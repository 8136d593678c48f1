package io.github.devopsconnector.core;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * What is known about the authorizing user and the Defender for Cloud GitHub app in one GitHub owner (an
 * organization or the user's own account). Facts left empty are not checked. Judged by
 * {@link OrganizationChecks#check(OrganizationFacts, Optional)} once wrapped by {@link OrganizationFacts#gitHub}.
 */
@Value.Immutable
public abstract class GitHubOwnerFacts {

  GitHubOwnerFacts() {}

  /** The owner's login (GitHub logins are a subset of {@link OrganizationName}'s rule and compare ignoring case). */
  public abstract OrganizationName owner();

  /**
   * Whether the user is an Owner of the organization (membership role {@code admin}); a personal account is owned
   * by its user.
   */
  public abstract Optional<Boolean> organizationOwner();

  /** What the Defender for Cloud GitHub app can see of the owner. */
  public abstract Optional<GitHubAppAccess> app();

  /** Whether the owner belongs to an enterprise with Enterprise Managed Users (not supported). */
  public abstract Optional<Boolean> enterpriseManagedUsers();

  /** Whether the owner lives in GitHub Enterprise Cloud with data residency, on a GHE.com host (not supported). */
  public abstract Optional<Boolean> dataResidency();

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link GitHubOwnerFacts}. */
  public static final class Builder extends ImmutableGitHubOwnerFacts.Builder {
    Builder() {}
  }
}
