package io.github.devopsconnector.arm.models;

import java.util.Optional;
import org.immutables.value.Value;

/** An Azure DevOps organization under a connector ({@code devops/default/azureDevOpsOrgs/{org}}). */
@Value.Immutable
public abstract class AzureDevOpsOrganizationResource {

  AzureDevOpsOrganizationResource() {}

  /** The ARM resource id. */
  public abstract String id();

  /** The organization name. */
  public abstract String name();

  /** Whether it is onboarded, here or by another connector. */
  public abstract Optional<OnboardingState> onboardingState();

  /** The state of its last write; absent for organizations that were never onboarded. */
  public abstract Optional<DevOpsProvisioningState> provisioningState();

  /** Whether pull request annotations are on ({@code actionableRemediation.state}: None, Disabled, Enabled). */
  public abstract Optional<String> actionableRemediationState();

  /**
   * A builder, for callers that construct the model themselves (fakes, tests).
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link AzureDevOpsOrganizationResource}. */
  public static final class Builder extends ImmutableAzureDevOpsOrganizationResource.Builder {
    Builder() {}
  }
}
