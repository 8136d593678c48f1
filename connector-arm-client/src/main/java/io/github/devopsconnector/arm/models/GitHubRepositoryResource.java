package io.github.devopsconnector.arm.models;

import java.util.Optional;
import org.immutables.value.Value;

/** A GitHub repository under a connector ({@code devops/default/gitHubOwners/{owner}/repos/{repo}}). */
@Value.Immutable
public abstract class GitHubRepositoryResource {

  GitHubRepositoryResource() {}

  /** The ARM resource id. */
  public abstract String id();

  /** The repository name. */
  public abstract String name();

  /** GitHub's numeric id of the repository, as text. */
  public abstract Optional<String> repoId();

  /** {@code owner/name}. */
  public abstract Optional<String> repoFullName();

  /** The repository's URL. */
  public abstract Optional<String> repoUrl();

  /** The owner it belongs to. */
  public abstract Optional<String> parentOwnerName();

  /** Whether it is onboarded. */
  public abstract Optional<OnboardingState> onboardingState();

  /** The state of its last write. */
  public abstract Optional<DevOpsProvisioningState> provisioningState();

  /**
   * A builder, for callers that construct the model themselves (fakes, tests).
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link GitHubRepositoryResource}. */
  public static final class Builder extends ImmutableGitHubRepositoryResource.Builder {
    Builder() {}
  }
}
