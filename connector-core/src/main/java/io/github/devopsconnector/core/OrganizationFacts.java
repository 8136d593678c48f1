package io.github.devopsconnector.core;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * What is known about the onboarding user in one organization. Facts left empty are not checked. For Azure DevOps
 * (the default {@link #platform()}) the fields below say it; for a GitHub owner, {@link #gitHub(GitHubOwnerFacts)}
 * wraps the {@link GitHubOwnerFacts}, and for a GitLab top-level group {@link #gitLab(GitLabGroupFacts)} wraps the
 * {@link GitLabGroupFacts}, so that edit sessions, creation and the builder treat every platform alike.
 */
@Value.Immutable
public abstract class OrganizationFacts {

  OrganizationFacts() {}

  /** The organization. */
  public abstract OrganizationName organization();

  /** Whether the user is a Project Collection Administrator (directly or through nested groups). */
  public abstract Optional<Boolean> projectCollectionAdministrator();

  /** The user's access level. */
  public abstract Optional<AccessLevel> accessLevel();

  /** The "Third-party application access via OAuth" policy. */
  @Value.Default
  public OAuthAppAccess oauthAppAccess() {
    return OAuthAppAccess.UNKNOWN;
  }

  /** Why the OAuth policy is {@link OAuthAppAccess#UNKNOWN}, when it is. */
  public abstract Optional<String> oauthAppAccessDetail();

  /** The organization's Microsoft Entra tenant; empty when not known or when it has none (see {@link #tenantless()}). */
  public abstract Optional<TenantId> tenant();

  /**
   * Whether the organization is known to be connected to no Microsoft Entra tenant (backed by Microsoft accounts
   * alone). Such an organization can never be the connector's tenant's ({@code ADO_TENANT_MISMATCH}). Default:
   * false, so that facts without a {@link #tenant()} mean "tenant not known" and leave the tenant check out.
   */
  @Value.Default
  public boolean tenantless() {
    return false;
  }

  /**
   * The platform the organization is on; {@link DevOpsPlatform#AZURE_DEVOPS} unless made by {@link #gitHub} or
   * {@link #gitLab}.
   */
  @Value.Default
  public DevOpsPlatform platform() {
    return DevOpsPlatform.AZURE_DEVOPS;
  }

  /** The GitHub facts, for a GitHub owner; empty for an Azure DevOps organization. */
  public abstract Optional<GitHubOwnerFacts> gitHubFacts();

  /** The facts about a GitHub owner, in the shape edit sessions and the builder take. */
  public static OrganizationFacts gitHub(GitHubOwnerFacts facts) {
    java.util.Objects.requireNonNull(facts, "facts");
    return builder().organization(facts.owner()).platform(DevOpsPlatform.GITHUB).gitHubFacts(facts)
        .oauthAppAccess(OAuthAppAccess.ON).build();
  }

  /** The GitLab facts, for a GitLab top-level group; empty on the other platforms. */
  public abstract Optional<GitLabGroupFacts> gitLabFacts();

  /** The facts about a GitLab top-level group, in the shape edit sessions and the builder take. */
  public static OrganizationFacts gitLab(GitLabGroupFacts facts) {
    java.util.Objects.requireNonNull(facts, "facts");
    return builder().organization(facts.group()).platform(DevOpsPlatform.GITLAB).gitLabFacts(facts)
        .oauthAppAccess(OAuthAppAccess.ON).build();
  }

  @Value.Check
  final void checkPlatform() {
    if ((platform() == DevOpsPlatform.GITLAB) != gitLabFacts().isPresent()) {
      throw new IllegalArgumentException("GitLab group facts go with the GitLab platform, and only there: use "
          + "OrganizationFacts.gitLab(GitLabGroupFacts).");
    }
    if (gitLabFacts().isPresent() && !gitLabFacts().get().group().equals(organization())) {
      throw new IllegalArgumentException("The organization must be the GitLab group the facts are about.");
    }
    if ((platform() == DevOpsPlatform.GITHUB) != gitHubFacts().isPresent()) {
      throw new IllegalArgumentException("GitHub owner facts go with the GitHub platform, and only there: use "
          + "OrganizationFacts.gitHub(GitHubOwnerFacts).");
    }
    if (gitHubFacts().isPresent() && !gitHubFacts().get().owner().equals(organization())) {
      throw new IllegalArgumentException("The organization must be the GitHub owner the facts are about.");
    }
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link OrganizationFacts}. */
  public static final class Builder extends ImmutableOrganizationFacts.Builder {
    Builder() {}
  }
}
