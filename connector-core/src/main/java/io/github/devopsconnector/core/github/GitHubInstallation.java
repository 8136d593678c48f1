package io.github.devopsconnector.core.github;

import io.github.devopsconnector.core.OrganizationName;
import org.immutables.value.Value;

/** An installation of the Defender for Cloud GitHub app on one owner. */
@Value.Immutable
public abstract class GitHubInstallation {

  GitHubInstallation() {}

  /** The installation id. */
  public abstract long id();

  /** The app's slug, such as {@code microsoft-defender-for-devops}. */
  public abstract String appSlug();

  /** The owner it is installed on. */
  public abstract OrganizationName account();

  /** Which repositories it can access. */
  public abstract GitHubRepositorySelection repositorySelection();

  /** An installation. */
  public static GitHubInstallation of(long id, String appSlug, OrganizationName account,
      GitHubRepositorySelection repositorySelection) {
    return ImmutableGitHubInstallation.builder().id(id).appSlug(appSlug).account(account)
        .repositorySelection(repositorySelection).build();
  }
}
