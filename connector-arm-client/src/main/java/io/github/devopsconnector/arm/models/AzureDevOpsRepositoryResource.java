package io.github.devopsconnector.arm.models;

import java.util.Optional;
import org.immutables.value.Value;

/** An Azure DevOps repository under a connector ({@code .../projects/{project}/repos/{repo}}). */
@Value.Immutable
public abstract class AzureDevOpsRepositoryResource {

  AzureDevOpsRepositoryResource() {}

  /** The ARM resource id. */
  public abstract String id();

  /** The repository name. */
  public abstract String name();

  /** The organization it belongs to. */
  public abstract Optional<String> parentOrgName();

  /** The project it belongs to. */
  public abstract Optional<String> parentProjectName();

  /** The Azure DevOps repository id. */
  public abstract Optional<String> repoId();

  /** The repository URL. */
  public abstract Optional<String> repoUrl();

  /** Its visibility, e.g. {@code private}. */
  public abstract Optional<String> visibility();

  /** Whether it is onboarded. */
  public abstract Optional<OnboardingState> onboardingState();

  /** The state of its last write. */
  public abstract Optional<DevOpsProvisioningState> provisioningState();

  /** Whether pull request annotations are on ({@code actionableRemediation.state}). */
  public abstract Optional<String> actionableRemediationState();

  /**
   * A builder, for callers that construct the model themselves (fakes, tests).
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link AzureDevOpsRepositoryResource}. */
  public static final class Builder extends ImmutableAzureDevOpsRepositoryResource.Builder {
    Builder() {}
  }
}
