package io.github.devopsconnector.testing;

import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.gitlab.GitLabAccessLevel;
import io.github.devopsconnector.core.gitlab.GitLabClient;
import io.github.devopsconnector.core.gitlab.GitLabGroup;
import io.github.devopsconnector.core.gitlab.GitLabProject;
import io.github.devopsconnector.core.gitlab.GitLabUser;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A {@link GitLabClient} over a {@link GitLabEstate}, in memory: what a GitLab REST client would read for the
 * estate's user, without HTTP. It answers as GitLab does where the estate says so: groups the user is not a member
 * of (access level {@code none}) are not listed and their projects answer 404, and a group's plan shows to its
 * Owners only (the namespaces API's {@code plan}, docs.gitlab.com/api/namespaces). Thread-safe.
 *
 * <pre>{@code
 * GitLabEstate estate = EstateFiles.readGitLab(Path.of("src/test/resources/gitlab-estate.json"));
 * PreflightReport report = Preflight.builder().client(InMemoryGitLabClient.of(estate))
 *     .tenantRegistry(estate.tenantRegistry()).build()
 *     .check(OrganizationSelection.allExisting(), estate.tenantId(), ValidationReport.of(List.of()));
 * }</pre>
 */
public final class InMemoryGitLabClient implements GitLabClient {

  private final GitLabEstate estate;
  private final Map<OrganizationName, ServiceException> failures = new ConcurrentHashMap<>();

  private InMemoryGitLabClient(GitLabEstate estate) {
    this.estate = estate;
  }

  /**
   * A client over the estate.
   *
   * @param estate the estate
   * @return the client
   */
  public static InMemoryGitLabClient of(GitLabEstate estate) {
    return new InMemoryGitLabClient(Objects.requireNonNull(estate, "estate"));
  }

  /**
   * Fails every call about this top-level group (reading its projects) with the exception, until
   * {@link #clearFailures()}.
   *
   * @param group the group's path
   * @param failure what to throw
   */
  public void failGroup(OrganizationName group, ServiceException failure) {
    failures.put(Objects.requireNonNull(group, "group"), Objects.requireNonNull(failure, "failure"));
  }

  /** Forgets every failure of {@link #failGroup}. */
  public void clearFailures() {
    failures.clear();
  }

  /** The estate served. */
  public GitLabEstate estate() {
    return estate;
  }

  @Override
  public GitLabUser currentUser() {
    return estate.user();
  }

  @Override
  public List<GitLabGroup> groups() {
    return estate.groups().stream().filter(g -> g.accessLevel() != GitLabAccessLevel.NO_ACCESS)
        .map(InMemoryGitLabClient::group).collect(Collectors.toUnmodifiableList());
  }

  static GitLabGroup group(GitLabEstateGroup group) {
    return GitLabGroup.builder().id(group.id()).path(group.path()).name(group.name())
        .accessLevel(group.accessLevel())
        .plan(group.accessLevel() == GitLabAccessLevel.OWNER ? group.plan() : Optional.empty()).build();
  }

  @Override
  public List<GitLabProject> projects(GitLabGroup group) {
    Objects.requireNonNull(group, "group");
    ServiceException failure = failures.get(group.path());
    if (failure != null) {
      throw failure;
    }
    // GitLab answers 404 for a group the user cannot see (docs.gitlab.com/api/rest/troubleshooting).
    GitLabEstateGroup found = estate.group(group.path()).filter(g -> g.accessLevel() != GitLabAccessLevel.NO_ACCESS)
        .orElseThrow(() -> ServiceException.builder(ServiceException.Kind.NOT_FOUND, "404 Group Not Found")
            .service("GitLab").statusCode(404).build());
    return found.allProjects();
  }

  @Override
  public String toString() {
    return "InMemoryGitLabClient{" + estate.user().username() + ", " + estate.groups().size() + " groups}";
  }
}
