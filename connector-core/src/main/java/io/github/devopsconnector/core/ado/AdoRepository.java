package io.github.devopsconnector.core.ado;

import java.util.Optional;
import org.immutables.value.Value;

/** A Git repository ({@code GitRepository}). Only Git repositories are listed; TFVC is not supported by Defender. */
@Value.Immutable
public abstract class AdoRepository {

  AdoRepository() {}

  /** The repository id. */
  public abstract String id();

  /** The repository name. */
  public abstract String name();

  /** The clone URL ({@code remoteUrl}). */
  public abstract String url();

  /** The default branch, such as {@code refs/heads/main}; empty for an empty repository. */
  public abstract Optional<String> defaultBranch();

  /** The id of the project the repository belongs to. */
  public abstract String projectId();

  /** The name of the project the repository belongs to. */
  public abstract String projectName();

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link AdoRepository}. */
  public static final class Builder extends ImmutableAdoRepository.Builder {
    Builder() {}
  }
}
