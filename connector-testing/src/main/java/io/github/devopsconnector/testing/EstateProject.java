package io.github.devopsconnector.testing;

import java.util.List;
import org.immutables.value.Value;

/** A project of an {@link EstateOrganization}. */
@Value.Immutable
public abstract class EstateProject {

  EstateProject() {}

  /** The project id (a GUID). */
  public abstract String id();

  /** The project name. */
  public abstract String name();

  /** Its Git repositories. */
  public abstract List<EstateRepository> repositories();

  /** Its pipelines. */
  public abstract List<EstatePipeline> pipelines();

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link EstateProject}. */
  public static final class Builder extends ImmutableEstateProject.Builder {
    Builder() {}
  }
}
