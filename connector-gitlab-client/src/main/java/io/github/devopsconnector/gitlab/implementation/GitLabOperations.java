package io.github.devopsconnector.gitlab.implementation;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.util.logging.ClientLogger;
import com.fasterxml.jackson.core.type.TypeReference;
import io.github.devopsconnector.core.DevOpsPlatform;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.gitlab.GitLabAccessLevel;
import io.github.devopsconnector.core.gitlab.GitLabGroup;
import io.github.devopsconnector.core.gitlab.GitLabProject;
import io.github.devopsconnector.core.gitlab.GitLabUser;
import io.github.devopsconnector.gitlab.implementation.models.GroupDto;
import io.github.devopsconnector.gitlab.implementation.models.MemberDto;
import io.github.devopsconnector.gitlab.implementation.models.NamespaceDto;
import io.github.devopsconnector.gitlab.implementation.models.ProjectDto;
import io.github.devopsconnector.gitlab.implementation.models.UserDto;
import io.github.devopsconnector.http.DetachedResponse;
import io.github.devopsconnector.http.HttpTransport;
import io.github.devopsconnector.http.LinkPaging;
import io.github.devopsconnector.http.Urls;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The GitLab REST v4 calls: URL building, offset paging by the {@code Link} header with loop detection and a page
 * limit, and mapping to the core port's models. Every route, parameter and field is GitLab's documented one
 * (docs.gitlab.com/api; each method names its page).
 */
public final class GitLabOperations {
  /** GitLab's largest page (docs.gitlab.com/api/rest#offset-based-pagination: per_page, "maximum 100"). */
  static final int PER_PAGE = 100;
  private static final ClientLogger LOGGER = new ClientLogger(GitLabOperations.class);
  private static final TypeReference<List<GroupDto>> GROUPS = new TypeReference<>() {};
  private static final TypeReference<List<ProjectDto>> PROJECTS = new TypeReference<>() {};

  private final HttpTransport<String> transport;
  private final GitLabErrorMapper errors;
  private final String api;
  private final int maxPages;

  /**
   * Operations.
   *
   * @param transport the transport
   * @param errors the client's failures
   * @param api the REST API root, such as {@code https://gitlab.com/api/v4}
   * @param maxPages the most pages one listing follows
   */
  public GitLabOperations(HttpTransport<String> transport, GitLabErrorMapper errors, String api, int maxPages) {
    this.transport = Objects.requireNonNull(transport, "transport");
    this.errors = Objects.requireNonNull(errors, "errors");
    this.api = Objects.requireNonNull(api, "api");
    this.maxPages = maxPages;
  }

  /**
   * The headers every request carries: {@code Accept: application/json}, the only type the REST API answers with.
   *
   * @return new headers
   */
  public static HttpHeaders requestHeaders() {
    return new HttpHeaders().set(HttpHeaderName.ACCEPT, "application/json");
  }

  /**
   * The signed-in user: {@code GET /user} (docs.gitlab.com/api/users#get-the-current-user).
   *
   * @return the user
   */
  public GitLabUser currentUser() {
    String call = "read the signed-in GitLab user";
    HttpTransport.Decoded<UserDto> read = transport.getJson(Urls.at(api).raw("user").toString(), call,
        r -> errors.decode(r, UserDto.class, call));
    UserDto user = read.value();
    if (user.username() == null || user.username().isBlank() || user.id() == null) {
      throw errors.protocol(call, "the user has no username or id", read.response(), null);
    }
    return GitLabUser.of(user.username(), user.id(), Optional.ofNullable(user.name()).filter(n -> !n.isBlank()));
  }

  /**
   * Every top-level group the user is a member of: {@code GET /groups?top_level_only=true}
   * (docs.gitlab.com/api/groups#list-groups: for an authenticated user who is not an administrator, the groups the
   * user is a member of), with the user's access level, inherited memberships included
   * ({@code GET /groups/:id/members/all/:user_id}, docs.gitlab.com/api/members#get-a-member-of-a-group-or-project-
   * including-inherited-and-invited-members; 404 when the user is no member of the group itself, as for a member of
   * a subgroup only), and, for groups the user owns, the plan ({@code GET /namespaces/:id},
   * docs.gitlab.com/api/namespaces#get-details-on-a-namespace, whose {@code plan} GitLab shows to Owners).
   *
   * @return the groups, in GitLab's order (by id)
   */
  public List<GitLabGroup> groups() {
    GitLabUser user = currentUser();
    String call = "list the top-level groups of the signed-in user";
    // all_available=false: only the user's groups, also for an administrator (whose default is every group).
    String first = Urls.at(api).raw("groups").query("top_level_only", "true").query("all_available", "false")
        .query("order_by", "id").query("sort", "asc").query("per_page", String.valueOf(PER_PAGE)).toString();
    List<GroupDto> found = list(first, call, r -> errors.decode(r, GROUPS, call));
    List<GitLabGroup> groups = new ArrayList<>(found.size());
    for (GroupDto group : found) {
      if (group.id() == null || group.path() == null || group.path().isBlank()) {
        throw errors.invalid(call, "a group has no id or path");
      }
      if (group.parentId() != null) {
        continue;
      }
      if (!OrganizationName.isValidFor(DevOpsPlatform.GITLAB, group.path())) {
        LOGGER.warning("Skipping the GitLab group {} ({}): its path is not a name the SDK can onboard.",
            group.id(), Urls.shorten(group.path()));
        continue;
      }
      GitLabAccessLevel level = accessLevel(group.id(), user.id());
      Optional<String> plan = level == GitLabAccessLevel.OWNER ? plan(group.id()) : Optional.empty();
      groups.add(GitLabGroup.builder().id(group.id()).path(OrganizationName.parse(group.path()))
          .name(group.name() == null || group.name().isBlank() ? group.path() : group.name()).accessLevel(level)
          .plan(plan).build());
    }
    return groups;
  }

  private GitLabAccessLevel accessLevel(long groupId, long userId) {
    String call = "read the signed-in user's access level in the GitLab group " + groupId;
    String url = Urls.at(api).raw("groups", String.valueOf(groupId), "members", "all", String.valueOf(userId))
        .toString();
    try {
      MemberDto member = transport.getJson(url, call, r -> errors.decode(r, MemberDto.class, call)).value();
      if (member.accessLevel() == null) {
        throw errors.invalid(call, "the membership has no access_level");
      }
      return GitLabAccessLevel.forValue(member.accessLevel());
    } catch (ServiceException e) {
      if (e.kind() == ServiceException.Kind.NOT_FOUND) {
        return GitLabAccessLevel.NO_ACCESS;
      }
      throw e;
    }
  }

  private Optional<String> plan(long groupId) {
    String call = "read the plan of the GitLab group " + groupId;
    NamespaceDto namespace = transport.getJson(Urls.at(api).raw("namespaces", String.valueOf(groupId)).toString(),
        call, r -> errors.decode(r, NamespaceDto.class, call)).value();
    return Optional.ofNullable(namespace.plan()).filter(p -> !p.isBlank()).map(p -> p.toLowerCase(Locale.ROOT));
  }

  /**
   * Every project of the group's tree, archived ones included: {@code GET /groups/:id/projects?include_subgroups=
   * true&with_shared=false} (docs.gitlab.com/api/groups#list-projects: {@code archived} unset lists both, projects
   * shared with the group from elsewhere are left out).
   *
   * @param group the top-level group
   * @return the projects, in GitLab's order (by id)
   */
  public List<GitLabProject> projects(GitLabGroup group) {
    Objects.requireNonNull(group, "group");
    String call = "list the projects of the GitLab group " + group.path();
    String first = Urls.at(api).raw("groups", String.valueOf(group.id()), "projects")
        .query("include_subgroups", "true").query("with_shared", "false").query("order_by", "id")
        .query("sort", "asc").query("per_page", String.valueOf(PER_PAGE)).toString();
    List<ProjectDto> found = list(first, call, r -> errors.decode(r, PROJECTS, call));
    String prefix = group.path().value().toLowerCase(Locale.ROOT) + "/";
    List<GitLabProject> projects = new ArrayList<>(found.size());
    for (ProjectDto project : found) {
      if (project.id() == null || project.pathWithNamespace() == null || project.name() == null) {
        throw errors.invalid(call, "a project has no id, name or path_with_namespace");
      }
      if (!project.pathWithNamespace().toLowerCase(Locale.ROOT).startsWith(prefix)) {
        throw errors.invalid(call, "the project " + Urls.shorten(project.pathWithNamespace()) + " is not in the "
            + "group's tree");
      }
      projects.add(GitLabProject.builder().id(project.id()).group(group.path())
          .fullPath(project.pathWithNamespace()).name(project.name())
          .archived(Boolean.TRUE.equals(project.archived())).build());
    }
    return projects;
  }

  /** Every item of a listing, following the {@code Link} header's {@code next} (docs.gitlab.com/api/rest#pagination-link-header). */
  private <T> List<T> list(String first, String call, Function<DetachedResponse, List<T>> decoder) {
    return LinkPaging.list(transport, api, first, call, maxPages, decoder,
        (what, response) -> errors.protocol(call, what, response, null));
  }

  /** Releases the transport's connections and threads; idempotent. */
  public void close() {
    transport.close();
  }

  @Override
  public String toString() {
    return "GitLabOperations{" + api + "}";
  }
}
