package io.github.devopsconnector.testing;

import io.github.devopsconnector.core.GitHubAppAccess;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.github.GitHubOwnerType;
import io.github.devopsconnector.core.github.GitHubRole;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A GitHub owner (organization or personal account) of a {@link GitHubEstate}. */
@Value.Immutable
public abstract class GitHubEstateOwner {

  GitHubEstateOwner() {}

  /** The login. */
  public abstract OrganizationName login();

  /** The numeric account id (derived from the position in the file when read). */
  public abstract long id();

  /** Organization or personal account. */
  public abstract GitHubOwnerType type();

  /** The signed-in user's role; empty when the user is not a member ({@code "none"}). */
  public abstract Optional<GitHubRole> role();

  /** The plan: {@code free}, {@code pro}, {@code team} or {@code enterprise}. */
  public abstract String plan();

  /** Whether and how the Defender app is installed. */
  public abstract GitHubAppAccess app();

  /** Whether the owner belongs to an Enterprise Managed Users enterprise. */
  @Value.Default
  public boolean enterpriseManagedUsers() {
    return false;
  }

  /** Whether the owner lives in GitHub Enterprise Cloud with data residency. */
  @Value.Default
  public boolean dataResidency() {
    return false;
  }

  /** Its repositories, listed ones first, then generated ones. */
  public abstract List<GitHubEstateRepository> repositories();

  /** The repositories the Defender app can access: all, those with {@code appAccess}, or none. */
  public final List<GitHubEstateRepository> appRepositories() {
    switch (app()) {
      case ALL_REPOSITORIES:
        return repositories();
      case SELECTED_REPOSITORIES:
        return repositories().stream().filter(GitHubEstateRepository::appAccess)
            .collect(java.util.stream.Collectors.toUnmodifiableList());
      case NOT_INSTALLED:
      default:
        return List.of();
    }
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link GitHubEstateOwner}. */
  public static final class Builder extends ImmutableGitHubEstateOwner.Builder {
    Builder() {}
  }
}
