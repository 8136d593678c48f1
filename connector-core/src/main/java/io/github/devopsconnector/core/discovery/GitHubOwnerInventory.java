package io.github.devopsconnector.core.discovery;

import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.github.GitHubInstallation;
import io.github.devopsconnector.core.github.GitHubRepository;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One GitHub owner of a {@link GitHubInventory}: its outcome (projects and pipelines are always zero: GitHub has
 * neither), the Defender app's installation, and the repositories the installation can access, sorted by name
 * ignoring case, then id. Archived repositories are included and marked.
 */
@Value.Immutable
public abstract class GitHubOwnerInventory {

  GitHubOwnerInventory() {}

  /** How discovering the owner ended, with counts and the onboarding check. */
  public abstract OrganizationOutcome outcome();

  /** The Defender app's installation on the owner; empty when it is not installed or could not be read. */
  public abstract Optional<GitHubInstallation> installation();

  /** The repositories the app can access; none where it is not installed. */
  public abstract List<GitHubRepository> repositories();

  /** The owner's login. */
  public final OrganizationName login() {
    return outcome().organization();
  }

  /** Discovered, skipped or failed. */
  public final OrganizationStatus status() {
    return outcome().status();
  }

  static ImmutableGitHubOwnerInventory.Builder builder() {
    return ImmutableGitHubOwnerInventory.builder();
  }

  @Value.Check
  final void check() {
    if (outcome().repositoryCount() != repositories().size()) {
      throw new IllegalArgumentException("The outcome's repository count must match the owner's list.");
    }
  }

  @Override
  public String toString() {
    return outcome().toString();
  }
}
