package io.github.devopsconnector.core.discovery;

import org.immutables.value.Value;

/**
 * A pipeline found by discovery, with the project it belongs to. The project is referenced by id and name (the
 * name instance is shared with the project's other items), not repeated as a whole object.
 */
@Value.Immutable
public abstract class DiscoveredPipeline {

  DiscoveredPipeline() {}

  /** The pipeline id, unique within the organization. */
  @Value.Parameter
  public abstract long id();

  /** The pipeline name. */
  @Value.Parameter
  public abstract String name();

  /** The folder it is in, such as {@code \}. */
  @Value.Parameter
  public abstract String folder();

  /** The id of its project. */
  @Value.Parameter
  public abstract String projectId();

  /** The name of its project. */
  @Value.Parameter
  public abstract String projectName();

  /** A pipeline of a project. */
  public static DiscoveredPipeline of(long id, String name, String folder, String projectId, String projectName) {
    return ImmutableDiscoveredPipeline.of(id, name, folder, projectId, projectName);
  }

  @Override
  public String toString() {
    return "Pipeline{" + projectName() + "/" + name() + " #" + id() + "}";
  }
}
