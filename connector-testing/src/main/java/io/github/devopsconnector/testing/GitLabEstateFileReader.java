package io.github.devopsconnector.testing;

import static io.github.devopsconnector.testing.EstateFileRules.count;
import static io.github.devopsconnector.testing.EstateFileRules.quote;
import static io.github.devopsconnector.testing.EstateJson.valueOr;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import io.github.devopsconnector.core.DevOpsPlatform;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.gitlab.GitLabAccessLevel;
import io.github.devopsconnector.core.gitlab.GitLabUser;
import io.github.devopsconnector.testing.EstateJson.Expect;
import io.github.devopsconnector.testing.EstateJson.Located;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Reads a GitLab estate file ({@code "platform": "gitLab"}) as strictly as the other estate files: Jackson binds it
 * into the DTOs below (see {@link EstateJson}), then bad values, duplicates and limits are errors naming the JSON
 * path, the problem, and the line and column. {@code generate} expands, deterministically, into subgroups and
 * projects named {@code subgroup-001} and {@code project-00001}.
 */
final class GitLabEstateFileReader extends EstateFileChecks {

  /** The {@code platform} of a GitLab estate file. */
  static final String GITLAB = "gitLab";
  /** At most this many projects in one top-level group's tree, listed and generated together. */
  static final int MAX_PROJECTS_PER_GROUP = 100_000;
  /** At most this many subgroups in one top-level group's tree, listed and generated together. */
  static final int MAX_SUBGROUPS_PER_GROUP = 10_000;
  /** GitLab nests subgroups at most 20 levels deep (docs.gitlab.com/user/group/subgroups). */
  static final int MAX_DEPTH = 20;
  /** The first top-level group id of a file; ids follow in file order. */
  static final long FIRST_GROUP_ID = 70_000_001L;
  /** The first subgroup id of a file; ids follow in file order (generated ones where {@code generate} stands). */
  static final long FIRST_SUBGROUP_ID = 71_000_001L;
  /** The first project id of a file; ids follow in file order. */
  static final long FIRST_PROJECT_ID = 600_000_001L;

  static final List<String> PLANS = List.of("free", "premium", "ultimate");
  static final Map<String, GitLabAccessLevel> ACCESS_LEVELS = Map.of("owner", GitLabAccessLevel.OWNER,
      "maintainer", GitLabAccessLevel.MAINTAINER, "developer", GitLabAccessLevel.DEVELOPER,
      "reporter", GitLabAccessLevel.REPORTER, "guest", GitLabAccessLevel.GUEST, "none", GitLabAccessLevel.NO_ACCESS);

  @JsonClassDescription("a GitLab estate file")
  @OfPlatform(Platform.GITLAB)
  static final class EstateDto extends AccountEstateDto<UserDto> {
    @Expect(value = "a list of group objects", element = "a group object") List<Located<GroupDto>> groups;
  }

  @JsonClassDescription("the user")
  static final class UserDto extends AccountUserDto {
    @Expect("a string (the user's username)") Located<String> username;
  }

  /** A subgroup; a top-level group is one with more fields. */
  @JsonClassDescription("a subgroup")
  static class SubgroupDto {
    @Expect("a string (the path)") Located<String> path;
    @Expect("a string (the display name)") Located<String> name;
    @Expect(value = "a list of project objects", element = "a project: an object with path and optionally name")
    List<Located<ProjectDto>> projects = List.of();
    @Expect(value = "a list of subgroup objects", element = "a subgroup: an object with path and optionally name")
    List<Located<SubgroupDto>> subgroups = List.of();
  }

  @JsonClassDescription("a group")
  static final class GroupDto extends SubgroupDto {
    @Expect("a string (the user's access level: owner, maintainer, developer, reporter, guest or none)")
    Located<String> accessLevel;
    @Expect("a string (the plan, one of free, premium, ultimate)") Located<String> plan;
    @Expect("what to generate: an object with projects and optionally subgroups, depth and seed")
    Located<GenerateDto> generate;
  }

  @JsonClassDescription("a project")
  static final class ProjectDto {
    @Expect("a string (the project's path)") Located<String> path;
    @Expect("a string (the display name)") Located<String> name;
    @Expect("true or false") Boolean archived = false;
  }

  @JsonClassDescription("generate")
  static final class GenerateDto {
    @Expect(value = "at most 100,000 projects in the group's whole tree", min = 0, max = MAX_PROJECTS_PER_GROUP)
    Located<Long> projects;
    @Expect(value = "at most 10,000 subgroups", min = 0, max = MAX_SUBGROUPS_PER_GROUP) Located<Long> subgroups;
    @Expect(value = "how many levels of subgroups, at most 20", min = 0, max = MAX_DEPTH) Located<Long> depth;
    @Expect("any whole number; the same seed gives the same tree") Located<Long> seed;
  }

  /** A subgroup or project namespace while it is read: its own projects and subgroups, built bottom-up. */
  private static final class Node {
    final long id;
    final String path;
    final String name;
    final int level;
    final List<GitLabEstateProject> projects = new ArrayList<>();
    final List<Node> children = new ArrayList<>();
    final Unique<String> paths;

    Node(GitLabEstateFileReader reader, long id, String path, String name, int level, String at) {
      this.id = id;
      this.path = path;
      this.name = name;
      this.level = level;
      this.paths = reader.new Unique<>(at, "path", "a namespace's project and subgroup paths compare ignoring case");
    }

    GitLabEstateSubgroup subgroup() {
      return GitLabEstateSubgroup.builder().id(id).path(path).name(name).projects(projects)
          .subgroups(children.stream().map(Node::subgroup).collect(java.util.stream.Collectors.toList())).build();
    }
  }


  GitLabEstateFileReader(String source) {
    super(source, DevOpsPlatform.GITLAB);
  }

  private final Unique<OrganizationName> groupPaths = new Unique<>("$.groups", "path", "paths compare ignoring case");
  private long nextSubgroupId = FIRST_SUBGROUP_ID;
  private long nextProjectId = FIRST_PROJECT_ID;
  private long projectTotal;
  private long treeProjects;
  private long treeSubgroups;

  /** Reads the file. */
  GitLabEstate read(EstateJson.Input input) {
    AccountFile<GitLabUser, GroupDto, GitLabEstateGroup> file = accountFile(input, EstateDto.class, "groups",
        dto -> dto.groups, located -> user(located, "username", located.value().username,
            text -> pathProblem("username", text), GitLabUser::of), "paths", this::organizationName, this::group);
    return GitLabEstate.builder().tenantId(file.tenantId()).user(file.user())
        .onboardedElsewhere(file.onboardedElsewhere()).addAllGroups(file.accounts()).build();
  }

  private GitLabEstateGroup group(String at, int index, Located<GroupDto> located) {
    GroupDto dto = located.value();
    OrganizationName path = dto.path == null ? null
        : groupPaths.add(organizationName(at + ".path", dto.path), index, at + ".path", dto.path);
    require(path, at + ".path", located, "every group needs a path");
    String name = dto.name == null ? path.value()
        : checked(at + ".name", dto.name, EstateFileRules::displayNameProblem);
    GitLabAccessLevel accessLevel = dto.accessLevel == null ? GitLabAccessLevel.OWNER
        : oneOf(at + ".accessLevel", dto.accessLevel, Optional.ofNullable(ACCESS_LEVELS.get(dto.accessLevel.value())),
            List.of("owner", "maintainer", "developer", "reporter", "guest", "none"));
    Optional<String> plan = Optional.ofNullable(dto.plan).map(p -> oneOf(at + ".plan", p,
        Optional.of(p.value()).filter(PLANS::contains), PLANS));
    treeProjects = 0;
    treeSubgroups = 0;
    Node root = new Node(this, FIRST_GROUP_ID + index, path.value(), name, 0, at);
    // Listed and generated namespaces take their ids in the order the file gives them.
    boolean generateFirst = dto.generate != null && (!dto.projects.isEmpty() || !dto.subgroups.isEmpty())
        && dto.generate.isBefore(first(dto.projects, dto.subgroups));
    if (generateFirst) {
      generate(at + ".generate", dto.generate, root);
    }
    fill(at, root, dto.projects, dto.subgroups);
    if (dto.generate != null && !generateFirst) {
      generate(at + ".generate", dto.generate, root);
    }
    return GitLabEstateGroup.builder().id(root.id).path(path).name(name).accessLevel(accessLevel).plan(plan)
        .projects(root.projects).subgroups(root.subgroup().subgroups()).build();
  }

  private static Located<?> first(List<? extends Located<?>> projects, List<? extends Located<?>> subgroups) {
    if (projects.isEmpty()) {
      return subgroups.get(0);
    }
    return subgroups.isEmpty() || projects.get(0).isBefore(subgroups.get(0)) ? projects.get(0) : subgroups.get(0);
  }

  /** Reads a namespace's listed projects and subgroups, depth first. */
  private void fill(String at, Node node, List<Located<ProjectDto>> projects, List<Located<SubgroupDto>> subgroups) {
    for (int i = 0; i < projects.size(); i++) {
      String projectAt = at + ".projects[" + i + "]";
      ProjectDto dto = projects.get(i).value();
      String path = checked(projectAt + ".path", dto.path, text -> pathProblem("project path", text));
      require(path, projectAt + ".path", projects.get(i), "every project needs a path");
      node.paths.add(path.toLowerCase(Locale.ROOT), i, projectAt + ".path", dto.path);
      String name = dto.name == null ? path : checked(projectAt + ".name", dto.name, EstateFileRules::displayNameProblem);
      node.projects.add(project(projectAt, projects.get(i), path, name, dto.archived));
    }
    for (int i = 0; i < subgroups.size(); i++) {
      String subgroupAt = at + ".subgroups[" + i + "]";
      Located<SubgroupDto> located = subgroups.get(i);
      SubgroupDto dto = located.value();
      String path = checked(subgroupAt + ".path", dto.path, text -> pathProblem("subgroup path", text));
      require(path, subgroupAt + ".path", located, "every subgroup needs a path");
      // Projects and subgroups of one namespace share its paths: both are URL segments under it.
      node.paths.add(path.toLowerCase(Locale.ROOT), projects.size() + i, subgroupAt + ".path", dto.path);
      if (node.level + 1 > MAX_DEPTH) {
        throw fail(subgroupAt, located, "subgroups nest at most " + MAX_DEPTH + " levels deep in GitLab");
      }
      Node child = subgroup(subgroupAt, located, path,
          dto.name == null ? path : checked(subgroupAt + ".name", dto.name, EstateFileRules::displayNameProblem),
          node.level + 1);
      node.children.add(child);
      fill(subgroupAt, child, dto.projects, dto.subgroups);
    }
  }

  private Node subgroup(String at, Located<?> where, String path, String name, int level) {
    if (++treeSubgroups > MAX_SUBGROUPS_PER_GROUP) {
      throw fail(at, where, "more than " + count(MAX_SUBGROUPS_PER_GROUP) + " subgroups in one group's tree");
    }
    return new Node(this, nextSubgroupId++, path, name, level, at);
  }

  private GitLabEstateProject project(String at, Located<?> where, String path, String name, boolean archived) {
    if (++treeProjects > MAX_PROJECTS_PER_GROUP) {
      throw fail(at, where, "more than " + count(MAX_PROJECTS_PER_GROUP) + " projects in one group's tree");
    }
    if (++projectTotal > EstateFiles.MAX_REPOSITORIES) {
      throw fail(at, where, "more than " + count(EstateFiles.MAX_REPOSITORIES) + " projects in the file");
    }
    return GitLabEstateProject.builder().id(nextProjectId++).path(path).name(name).archived(archived).build();
  }

  /**
   * {@code "generate": {"projects": p, "subgroups": s, "depth": d, "seed": n}}: s subgroups named
   * {@code subgroup-001}, ..., the i-th (from 0) on level {@code 1 + i % d} under a subgroup of the level above
   * drawn by the seed (the group itself for level 1), so that the tree is exactly d levels deep; then p projects named
   * {@code project-00001}, ..., each in the group or one of the generated subgroups drawn by the seed.
   */
  private void generate(String at, Located<GenerateDto> located, Node root) {
    GenerateDto dto = located.value();
    require(dto.projects, at + ".projects", located, "generate needs projects, how many to make in the whole tree");
    long subgroups = valueOr(dto.subgroups, 0L);
    long depth = dto.depth == null ? Math.min(1, subgroups) : dto.depth.value();
    if (subgroups > 0 && depth == 0) {
      throw fail(at + ".depth", dto.depth == null ? located : dto.depth, "is 0, but " + count(subgroups) + " subgroups need at least one level");
    }
    if (depth > subgroups) {
      throw fail(at + ".depth", dto.depth, "is " + depth + ", which needs at least " + depth + " subgroups, one per "
          + "level; generate has " + count(subgroups));
    }
    Random random = new Random(valueOr(dto.seed, 0L));
    List<List<Node>> levels = new ArrayList<>();
    List<Node> nodes = new ArrayList<>(List.of(root));
    for (int i = 0; i < subgroups; i++) {
      int level = 1 + (int) (i % depth);
      if (root.level + level > MAX_DEPTH) {
        throw fail(at + ".depth", dto.depth == null ? located : dto.depth, "subgroups nest at most " + MAX_DEPTH + " levels deep in GitLab");
      }
      if (levels.size() < level) {
        levels.add(new ArrayList<>());
      }
      // Drawn in a fixed order so that the same seed always gives the same tree.
      Node parent = level == 1 ? root : levels.get(level - 2).get(random.nextInt(levels.get(level - 2).size()));
      String path = String.format(Locale.ROOT, "subgroup-%03d", i + 1);
      claim(at + ".subgroups", dto.subgroups, parent, path, "subgroup");
      Node child = subgroup(at, located, path, path, parent.level + 1);
      parent.children.add(child);
      levels.get(level - 1).add(child);
      nodes.add(child);
    }
    for (long i = 1; i <= dto.projects.value(); i++) {
      Node home = nodes.get(random.nextInt(nodes.size()));
      String path = String.format(Locale.ROOT, "project-%05d", i);
      claim(at + ".projects", dto.projects, home, path, "project");
      home.projects.add(project(at, located, path, path, random.nextInt(10) == 0));
    }
  }

  private void claim(String at, Located<?> where, Node node, String path, String what) {
    if (node.paths.seen.putIfAbsent(path, -1) != null) {
      throw fail(at, where, "the generated " + what + " " + quote(path) + " has the path of a listed project or "
          + "subgroup of the same namespace; rename the listed one");
    }
  }

  /**
   * GitLab's rule for project, subgroup and user paths: 1 to 255 ASCII letters, digits, {@code _ - .}, not starting
   * with {@code -} and not ending in {@code .git} or {@code .atom} (docs.gitlab.com/user/reserved_names).
   */
  static Optional<String> pathProblem(String what, String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (text.isEmpty() || text.length() > 255 || !text.matches("[A-Za-z0-9_.][A-Za-z0-9_.-]*")
        || lower.endsWith(".git") || lower.endsWith(".atom")) {
      return Optional.of("the " + what + " " + quote(text) + " must be 1 to 255 ASCII letters, digits, '_', '-' and "
          + "'.', not starting with '-' and not ending in '.git' or '.atom'");
    }
    return Optional.empty();
  }
}
