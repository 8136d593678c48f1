package io.github.devopsconnector.core.github;

import io.github.devopsconnector.core.OrganizationName;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A GitHub account the signed-in user can onboard or belongs to: one of their organizations, or their own
 * personal account. Logins compare ignoring case.
 */
@Value.Immutable
public abstract class GitHubOwner {

  GitHubOwner() {}

  /** The login. */
  public abstract OrganizationName login();

  /** Organization or personal account. */
  public abstract GitHubOwnerType type();

  /** The user's role; a personal account is {@link GitHubRole#ADMIN} for its own user. */
  public abstract GitHubRole role();

  /** The plan ({@code free}, {@code pro}, {@code team}, {@code enterprise}), where GitHub shows it (to Owners). */
  public abstract Optional<String> plan();

  /** Whether the owner belongs to an enterprise with Enterprise Managed Users. */
  @Value.Default
  public boolean enterpriseManagedUsers() {
    return false;
  }

  /** Whether the owner lives in GitHub Enterprise Cloud with data residency (a GHE.com host). */
  @Value.Default
  public boolean dataResidency() {
    return false;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link GitHubOwner}. */
  public static final class Builder extends ImmutableGitHubOwner.Builder {
    Builder() {}
  }
}
