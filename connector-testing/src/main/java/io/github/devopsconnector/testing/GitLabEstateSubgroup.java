package io.github.devopsconnector.testing;

import java.util.List;
import org.immutables.value.Value;

/** A subgroup somewhere in a {@link GitLabEstateGroup}'s tree. */
@Value.Immutable
public abstract class GitLabEstateSubgroup {

  GitLabEstateSubgroup() {}

  /** The numeric group id (derived from the position in the file when read). */
  public abstract long id();

  /** The subgroup's own path (one segment). */
  public abstract String path();

  /** The display name. */
  public abstract String name();

  /** The projects directly in the subgroup. */
  public abstract List<GitLabEstateProject> projects();

  /** The direct subgroups. */
  public abstract List<GitLabEstateSubgroup> subgroups();

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link GitLabEstateSubgroup}. */
  public static final class Builder extends ImmutableGitLabEstateSubgroup.Builder {
    Builder() {}
  }
}
