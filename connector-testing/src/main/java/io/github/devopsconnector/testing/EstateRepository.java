package io.github.devopsconnector.testing;

import java.util.Optional;
import org.immutables.value.Value;

/** A Git repository of an {@link EstateProject}. */
@Value.Immutable
public abstract class EstateRepository {

  EstateRepository() {}

  /** The repository id (a GUID). */
  @Value.Parameter
  public abstract String id();

  /** The repository name. */
  @Value.Parameter
  public abstract String name();

  /** The default branch; empty for an empty repository. */
  @Value.Parameter
  public abstract Optional<String> defaultBranch();

  /** A repository. */
  public static EstateRepository of(String id, String name, Optional<String> defaultBranch) {
    return ImmutableEstateRepository.of(id, name, defaultBranch);
  }
}
