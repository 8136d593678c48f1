package io.github.devopsconnector.testing;

import org.immutables.value.Value;

/** A repository of a {@link GitHubEstateOwner}. */
@Value.Immutable
public abstract class GitHubEstateRepository {

  GitHubEstateRepository() {}

  /** The numeric repository id (derived from the position in the file when read). */
  public abstract long id();

  /** The repository name. */
  public abstract String name();

  /** Whether it is private. */
  public abstract boolean isPrivate();

  /** Whether it is archived. */
  @Value.Default
  public boolean archived() {
    return false;
  }

  /** Whether the Defender app can access it when the owner's installation is limited to selected repositories. */
  @Value.Default
  public boolean appAccess() {
    return true;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link GitHubEstateRepository}. */
  public static final class Builder extends ImmutableGitHubEstateRepository.Builder {
    Builder() {}
  }
}
