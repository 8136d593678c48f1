package io.github.devopsconnector.arm.models;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * A GitLab project under a connector ({@code devops/default/gitLabGroups/{groupFQName}/projects/{projectName}}), as
 * GitLabProjectProperties of the specification describes it.
 */
@Value.Immutable
public abstract class GitLabProjectResource {

  GitLabProjectResource() {}

  /** The ARM resource id. */
  public abstract String id();

  /** The project's name (its path within its group). */
  public abstract String name();

  /** The fully qualified name, such as {@code contoso$platform$api}, entities separated by {@code $}. */
  public abstract Optional<String> fullyQualifiedName();

  /** The fully qualified name as GitLab shows it, separated by {@code /}. */
  public abstract Optional<String> fullyQualifiedFriendlyName();

  /** The fully qualified name of the group the project is directly in, such as {@code contoso$platform}. */
  public abstract Optional<String> fullyQualifiedParentGroupName();

  /** The project's URL. */
  public abstract Optional<String> url();

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

  /** Builds a {@link GitLabProjectResource}. */
  public static final class Builder extends ImmutableGitLabProjectResource.Builder {
    Builder() {}
  }
}
