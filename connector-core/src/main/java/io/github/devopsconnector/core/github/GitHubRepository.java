package io.github.devopsconnector.core.github;

import io.github.devopsconnector.core.OrganizationName;
import org.immutables.value.Value;

/** A GitHub repository the Defender app can access. */
@Value.Immutable
public abstract class GitHubRepository {

  GitHubRepository() {}

  /** The numeric repository id. */
  public abstract long id();

  /** The owner's login. */
  public abstract OrganizationName owner();

  /** The repository name (without the owner). */
  public abstract String name();

  /** Whether it is private. */
  public abstract boolean isPrivate();

  /** Whether it is archived (read-only); the connector still sees it. */
  public abstract boolean archived();

  /** {@code owner/name}. */
  public final String fullName() {
    return owner().value() + "/" + name();
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link GitHubRepository}. */
  public static final class Builder extends ImmutableGitHubRepository.Builder {
    Builder() {}
  }

  @Override
  public String toString() {
    return fullName() + (isPrivate() ? " (private)" : "") + (archived() ? " (archived)" : "");
  }
}
