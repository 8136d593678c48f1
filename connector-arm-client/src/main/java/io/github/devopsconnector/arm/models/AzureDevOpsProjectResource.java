package io.github.devopsconnector.arm.models;

import java.util.Optional;
import org.immutables.value.Value;

/** An Azure DevOps project under a connector ({@code .../azureDevOpsOrgs/{org}/projects/{project}}). */
@Value.Immutable
public abstract class AzureDevOpsProjectResource {

  AzureDevOpsProjectResource() {}

  /** The ARM resource id. */
  public abstract String id();

  /** The project name. */
  public abstract String name();

  /** The organization it belongs to. */
  public abstract Optional<String> parentOrgName();

  /** The Azure DevOps project id. */
  public abstract Optional<String> projectId();

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

  /** Builds a {@link AzureDevOpsProjectResource}. */
  public static final class Builder extends ImmutableAzureDevOpsProjectResource.Builder {
    Builder() {}
  }
}
