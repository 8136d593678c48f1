package io.github.devopsconnector.arm.models;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * A GitLab group under a connector ({@code devops/default/gitLabGroups/{groupFQName}}), a top-level group or a
 * subgroup. Its name is its fully qualified name: the paths of the group and of every group above it, joined with
 * {@code $} ({@code contoso$platform$tools}), as GitLabGroupProperties of the specification defines it.
 */
@Value.Immutable
public abstract class GitLabGroupResource {

  GitLabGroupResource() {}

  /** The ARM resource id. */
  public abstract String id();

  /** The resource name: the group's fully qualified name, such as {@code contoso$platform}. */
  public abstract String name();

  /** The fully qualified name, namespaces separated by {@code $}. */
  public abstract Optional<String> fullyQualifiedName();

  /** The fully qualified name as GitLab shows it, namespaces separated by {@code /}. */
  public abstract Optional<String> fullyQualifiedFriendlyName();

  /** The group's URL, such as {@code https://gitlab.com/contoso/platform}. */
  public abstract Optional<String> url();

  /** Whether it is onboarded, here or by another connector. */
  public abstract Optional<OnboardingState> onboardingState();

  /** The state of its last write; absent for groups that were never onboarded. */
  public abstract Optional<DevOpsProvisioningState> provisioningState();

  /**
   * Whether this is a top-level group (its fully qualified name, or else its resource name, has no {@code $}): the
   * unit a connector selects and that only one connector of a tenant may onboard.
   *
   * @return whether it is a top-level group
   */
  public final boolean topLevel() {
    return fullyQualifiedName().orElse(name()).indexOf('$') < 0;
  }

  /**
   * A builder, for callers that construct the model themselves (fakes, tests).
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link GitLabGroupResource}. */
  public static final class Builder extends ImmutableGitLabGroupResource.Builder {
    Builder() {}
  }
}
