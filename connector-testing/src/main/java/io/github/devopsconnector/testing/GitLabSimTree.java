package io.github.devopsconnector.testing;

import io.github.devopsconnector.core.gitlab.GitLabAccessLevel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The GitLab simulator's state: every group and subgroup of a {@link GitLabEstate}, by id and by full path, with the
 * top-level group whose membership reaches it (GitLab's inherited membership: a member of a group is a member of its
 * subgroups and projects with the same role, docs.gitlab.com/user/project/members#inherited-membership).
 */
final class GitLabSimTree {

  /** A group or subgroup. */
  static final class Node {
    final long id;
    final String path;
    final String name;
    final String fullPath;
    final Long parentId;
    final GitLabEstateGroup top;
    final List<GitLabEstateProject> projects;
    final List<Node> children = new ArrayList<>();

    Node(long id, String path, String name, String fullPath, Long parentId, GitLabEstateGroup top,
        List<GitLabEstateProject> projects) {
      this.id = id;
      this.path = path;
      this.name = name;
      this.fullPath = fullPath;
      this.parentId = parentId;
      this.top = top;
      this.projects = projects;
    }

    /** Whether the signed-in user is a member (directly or by inheritance). */
    boolean member() {
      return top.accessLevel() != GitLabAccessLevel.NO_ACCESS;
    }

    /** This node's projects, then every descendant's, each with its namespace's full path. */
    void collect(boolean descendants, List<Map.Entry<Node, GitLabEstateProject>> into) {
      projects.forEach(p -> into.add(Map.entry(this, p)));
      if (descendants) {
        children.forEach(c -> c.collect(true, into));
      }
    }
  }

  private final Map<Long, Node> byId = new LinkedHashMap<>();
  private final Map<String, Node> byPath = new LinkedHashMap<>();

  GitLabSimTree(GitLabEstate estate) {
    for (GitLabEstateGroup group : estate.groups()) {
      Node top = add(new Node(group.id(), group.path().value(), group.name(), group.path().value(), null, group,
          group.projects()));
      group.subgroups().forEach(s -> addSubgroup(top, s));
    }
  }

  private void addSubgroup(Node parent, GitLabEstateSubgroup subgroup) {
    Node node = add(new Node(subgroup.id(), subgroup.path(), subgroup.name(), parent.fullPath + "/" + subgroup.path(),
        parent.id, parent.top, subgroup.projects()));
    parent.children.add(node);
    subgroup.subgroups().forEach(s -> addSubgroup(node, s));
  }

  private Node add(Node node) {
    byId.put(node.id, node);
    byPath.put(node.fullPath.toLowerCase(Locale.ROOT), node);
    return node;
  }

  /**
   * A group by its id or URL-encoded full path ("The ID or URL-encoded path of the group", docs.gitlab.com/api/groups),
   * visible only to its members: GitLab answers 404 for a private group the user cannot see.
   */
  Optional<Node> visible(String idOrPath) {
    Node node;
    try {
      node = byId.get(Long.parseLong(idOrPath));
    } catch (NumberFormatException e) {
      node = byPath.get(idOrPath.toLowerCase(Locale.ROOT));
    }
    return Optional.ofNullable(node).filter(Node::member);
  }

  /** Every group the user is a member of, top-level groups first in estate order, then each tree depth first. */
  List<Node> memberGroups(boolean topLevelOnly) {
    List<Node> all = new ArrayList<>();
    for (Node node : byId.values()) {
      if (node.member() && (!topLevelOnly || node.parentId == null)) {
        all.add(node);
      }
    }
    return all;
  }
}
