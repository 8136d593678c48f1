package io.github.devopsconnector.testing;

import java.util.Objects;

/**
 * A pipeline of an {@link EstateProject}.
 *
 * @param id the pipeline id, unique within the organization
 * @param name the pipeline name
 */
public record EstatePipeline(long id, String name) {

  /**
   * Checks the parts.
   *
   * @throws NullPointerException if the name is null
   */
  public EstatePipeline {
    Objects.requireNonNull(name, "name");
  }

  /**
   * A pipeline.
   *
   * @param id the pipeline id
   * @param name the pipeline name
   * @return the pipeline
   */
  public static EstatePipeline of(long id, String name) {
    return new EstatePipeline(id, name);
  }
}
