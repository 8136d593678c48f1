package io.github.devopsconnector.arm.models;

import java.util.Optional;
import org.immutables.value.Value;

/** A GitHub owner under a connector ({@code devops/default/gitHubOwners/{owner}}). */
@Value.Immutable
public abstract class GitHubOwnerResource {

  GitHubOwnerResource() {}

  /** The ARM resource id. */
  public abstract String id();

  /** The owner's login. */
  public abstract String name();

  /** The owner's URL, such as {@code https://github.com/contoso}. */
  public abstract Optional<String> ownerUrl();

  /** GitHub's id of the owner. */
  public abstract Optional<String> gitHubInternalId();

  /** Whether it is onboarded, here or by another connector. */
  public abstract Optional<OnboardingState> onboardingState();

  /** The state of its last write; absent for owners that were never onboarded. */
  public abstract Optional<DevOpsProvisioningState> provisioningState();

  /**
   * A builder, for callers that construct the model themselves (fakes, tests).
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link GitHubOwnerResource}. */
  public static final class Builder extends ImmutableGitHubOwnerResource.Builder {
    Builder() {}
  }
}
