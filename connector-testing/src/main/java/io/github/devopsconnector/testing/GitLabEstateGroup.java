package io.github.devopsconnector.testing;

import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.gitlab.GitLabAccessLevel;
import io.github.devopsconnector.core.gitlab.GitLabProject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A top-level group of a {@link GitLabEstate}: the user's access level, the plan, and the tree of subgroups and
 * projects (membership of a top-level group reaches its whole tree, as GitLab's inherited membership does).
 */
@Value.Immutable
public abstract class GitLabEstateGroup {

  GitLabEstateGroup() {}

  /** The numeric group id (derived from the position in the file when read). */
  public abstract long id();

  /** The group's path. */
  public abstract OrganizationName path();

  /** The display name. */
  public abstract String name();

  /** The signed-in user's access level; {@link GitLabAccessLevel#NO_ACCESS} when not a member. */
  public abstract GitLabAccessLevel accessLevel();

  /** The plan: {@code free}, {@code premium} or {@code ultimate}; empty when not known. */
  public abstract Optional<String> plan();

  /** The projects directly in the group. */
  public abstract List<GitLabEstateProject> projects();

  /** The direct subgroups. */
  public abstract List<GitLabEstateSubgroup> subgroups();

  /** Every project of the tree, depth first (the group's own projects before its subgroups'), with full paths. */
  public final List<GitLabProject> allProjects() {
    List<GitLabProject> all = new ArrayList<>();
    collect(path().value(), projects(), subgroups(), all);
    return List.copyOf(all);
  }

  private void collect(String prefix, List<GitLabEstateProject> own, List<GitLabEstateSubgroup> children,
      List<GitLabProject> into) {
    for (GitLabEstateProject project : own) {
      into.add(GitLabProject.builder().id(project.id()).group(path()).fullPath(prefix + "/" + project.path())
          .name(project.name()).archived(project.archived()).build());
    }
    for (GitLabEstateSubgroup child : children) {
      collect(prefix + "/" + child.path(), child.projects(), child.subgroups(), into);
    }
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link GitLabEstateGroup}. */
  public static final class Builder extends ImmutableGitLabEstateGroup.Builder {
    Builder() {}
  }
}
