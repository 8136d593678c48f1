package io.github.devopsconnector.testing;

import org.immutables.value.Value;

/** A pipeline of an {@link EstateProject}. */
@Value.Immutable
public abstract class EstatePipeline {

  EstatePipeline() {}

  /** The pipeline id, unique within the organization. */
  @Value.Parameter
  public abstract long id();

  /** The pipeline name. */
  @Value.Parameter
  public abstract String name();

  /** A pipeline. */
  public static EstatePipeline of(long id, String name) {
    return ImmutableEstatePipeline.of(id, name);
  }
}
