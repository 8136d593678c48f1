package io.github.devopsconnector.arm.implementation;

import com.fasterxml.jackson.core.type.TypeReference;
import io.github.devopsconnector.arm.implementation.ArmDtos.ChildResourceDto;
import io.github.devopsconnector.arm.implementation.ArmDtos.DevOpsResourceDto;
import io.github.devopsconnector.arm.implementation.ArmDtos.GitHubResourceDto;
import io.github.devopsconnector.arm.implementation.ArmDtos.GitLabResourceDto;
import io.github.devopsconnector.arm.implementation.ArmDtos.PageDto;
import io.github.devopsconnector.arm.models.AzureDevOpsOrganizationResource;
import io.github.devopsconnector.arm.models.AzureDevOpsProjectResource;
import io.github.devopsconnector.arm.models.AzureDevOpsRepositoryResource;
import io.github.devopsconnector.arm.models.GitHubOwnerResource;
import io.github.devopsconnector.arm.models.GitHubRepositoryResource;
import io.github.devopsconnector.arm.models.GitLabGroupResource;
import io.github.devopsconnector.arm.models.GitLabProjectResource;
import io.github.devopsconnector.arm.models.OnboardingState;
import io.github.devopsconnector.core.DevOpsPlatform;
import io.github.devopsconnector.http.Urls;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One kind of resource a connector's {@code devops/default} holds (Azure DevOps organizations, projects and
 * repositories; GitHub owners and repositories; GitLab groups and projects; the {@code listAvailable...} and
 * {@code listSubgroups} actions): where it lives under {@code devops/default}, the DTO its JSON binds to and its
 * public model, so that one listing, one read and one action serve every platform.
 *
 * <p>The path is made of {@link #collections()}, each but the last followed by the name of one item, and the last
 * followed by one when a single item is read: {@code azureDevOpsOrgs/{org}/projects/{project}/repos[/{repo}]}.
 *
 * @param <D> the DTO an item binds to
 * @param <T> the public model of an item
 */
public final class ArmInventory<D extends ChildResourceDto, T> {

  private static final TypeReference<PageDto<DevOpsResourceDto>> AZURE_DEVOPS_PAGE = new TypeReference<>() {};
  private static final TypeReference<PageDto<GitHubResourceDto>> GITHUB_PAGE = new TypeReference<>() {};
  private static final TypeReference<PageDto<GitLabResourceDto>> GITLAB_PAGE = new TypeReference<>() {};

  /** {@code azureDevOpsOrgs[/{orgName}]}. */
  public static final ArmInventory<DevOpsResourceDto, AzureDevOpsOrganizationResource> AZURE_DEVOPS_ORGS =
      azureDevOps("Azure DevOps organizations", ArmModels::org, "azureDevOpsOrgs", "organization");
  /** {@code azureDevOpsOrgs/{orgName}/projects[/{projectName}]}. */
  public static final ArmInventory<DevOpsResourceDto, AzureDevOpsProjectResource> AZURE_DEVOPS_PROJECTS =
      azureDevOps("projects", ArmModels::project, "azureDevOpsOrgs", "organization", "projects", "project");
  /** {@code .../projects/{projectName}/repos[/{repoName}]}. */
  public static final ArmInventory<DevOpsResourceDto, AzureDevOpsRepositoryResource> AZURE_DEVOPS_REPOS =
      azureDevOps("repositories", ArmModels::repository, "azureDevOpsOrgs", "organization", "projects", "project",
          "repos", "repository");
  /** {@code POST listAvailableAzureDevOpsOrgs}. */
  public static final ArmInventory<DevOpsResourceDto, AzureDevOpsOrganizationResource> AVAILABLE_AZURE_DEVOPS_ORGS =
      azureDevOps("available Azure DevOps organizations", ArmModels::org, "listAvailableAzureDevOpsOrgs", "");

  /** {@code gitHubOwners[/{ownerName}]}. */
  public static final ArmInventory<GitHubResourceDto, GitHubOwnerResource> GITHUB_OWNERS =
      new ArmInventory<>("GitHub owners", GITHUB_PAGE, GitHubResourceDto.class, ArmModels::gitHubOwner,
          List.of("gitHubOwners"), List.of("owner"));
  /** {@code gitHubOwners/{ownerName}/repos[/{repoName}]}. */
  public static final ArmInventory<GitHubResourceDto, GitHubRepositoryResource> GITHUB_REPOS =
      new ArmInventory<>("repositories", GITHUB_PAGE, GitHubResourceDto.class, ArmModels::gitHubRepository,
          List.of("gitHubOwners", "repos"), List.of("owner", "repository"));
  /** {@code POST listAvailableGitHubOwners}. */
  public static final ArmInventory<GitHubResourceDto, GitHubOwnerResource> AVAILABLE_GITHUB_OWNERS =
      new ArmInventory<>("available GitHub owners", GITHUB_PAGE, GitHubResourceDto.class, ArmModels::gitHubOwner,
          List.of("listAvailableGitHubOwners"), List.of(""));

  /** {@code gitLabGroups[/{groupFQName}]} (GitLabGroups_List, GitLabGroups_Get). */
  public static final ArmInventory<GitLabResourceDto, GitLabGroupResource> GITLAB_GROUPS =
      gitLab("GitLab groups", ArmModels::gitLabGroup, List.of("gitLabGroups"), List.of("group"));
  /** {@code POST gitLabGroups/{groupFQName}/listSubgroups} (GitLabSubgroups_List). */
  public static final ArmInventory<GitLabResourceDto, GitLabGroupResource> GITLAB_SUBGROUPS =
      gitLab("subgroups", ArmModels::gitLabGroup, List.of("gitLabGroups", "listSubgroups"), List.of("group", ""));
  /** {@code gitLabGroups/{groupFQName}/projects[/{projectName}]} (GitLabProjects_List, GitLabProjects_Get). */
  public static final ArmInventory<GitLabResourceDto, GitLabProjectResource> GITLAB_PROJECTS =
      gitLab("projects", ArmModels::gitLabProject, List.of("gitLabGroups", "projects"), List.of("group", "project"));
  /** {@code POST listAvailableGitLabGroups} (GitLabGroups_ListAvailable). */
  public static final ArmInventory<GitLabResourceDto, GitLabGroupResource> AVAILABLE_GITLAB_GROUPS =
      gitLab("available GitLab groups", ArmModels::gitLabGroup, List.of("listAvailableGitLabGroups"), List.of(""));

  private final String description;
  private final TypeReference<PageDto<D>> pageType;
  private final Class<D> type;
  private final Function<D, T> mapper;
  private final List<String> collections;
  private final List<String> itemKinds;

  private ArmInventory(String description, TypeReference<PageDto<D>> pageType, Class<D> type, Function<D, T> mapper,
      List<String> collections, List<String> itemKinds) {
    this.description = description;
    this.pageType = pageType;
    this.type = type;
    this.mapper = mapper;
    this.collections = collections;
    this.itemKinds = itemKinds;
  }

  /** Azure DevOps levels, from alternating collection and item-kind names. */
  private static <T> ArmInventory<DevOpsResourceDto, T> azureDevOps(String description,
      Function<DevOpsResourceDto, T> mapper, String... collectionsAndKinds) {
    List<String> collections = new java.util.ArrayList<>();
    List<String> kinds = new java.util.ArrayList<>();
    for (int i = 0; i < collectionsAndKinds.length; i += 2) {
      collections.add(collectionsAndKinds[i]);
      kinds.add(collectionsAndKinds[i + 1]);
    }
    return new ArmInventory<>(description, AZURE_DEVOPS_PAGE, DevOpsResourceDto.class, mapper, List.copyOf(collections),
        List.copyOf(kinds));
  }

  private static <T> ArmInventory<GitLabResourceDto, T> gitLab(String description,
      Function<GitLabResourceDto, T> mapper, List<String> collections, List<String> kinds) {
    return new ArmInventory<>(description, GITLAB_PAGE, GitLabResourceDto.class, mapper, collections, kinds);
  }

  /**
   * The top-level resources of a platform's connectors, as the connector lists those it onboarded, and their
   * {@code listAvailable...} action: Azure DevOps organizations, GitHub owners, GitLab groups.
   *
   * @param platform the platform
   * @param available the {@code listAvailable...} action rather than the onboarded list
   * @return the inventory, with each item's name and onboarding state
   */
  public static ArmInventory<?, TopLevel> topLevel(DevOpsPlatform platform, boolean available) {
    switch (platform) {
      case GITHUB:
        return (available ? AVAILABLE_GITHUB_OWNERS : GITHUB_OWNERS).as(
            owner -> new TopLevel(owner.name(), owner.onboardingState()));
      case GITLAB:
        // Subgroups are listed too (their names hold a '$'); only top-level groups are selected and held.
        return (available ? AVAILABLE_GITLAB_GROUPS : GITLAB_GROUPS).as(group -> new TopLevel(
            group.topLevel() ? group.name() : null, group.onboardingState()));
      default:
        return (available ? AVAILABLE_AZURE_DEVOPS_ORGS : AZURE_DEVOPS_ORGS).as(
            organization -> new TopLevel(organization.name(), organization.onboardingState()));
    }
  }

  /**
   * A top-level resource, by name, with its onboarding state; a GitLab subgroup has no top-level name.
   *
   * @param name the name; {@code null} for a GitLab subgroup
   * @param onboardingState its onboarding state
   */
  public record TopLevel(String name, Optional<OnboardingState> onboardingState) {

    /**
     * Whether another connector of the tenant onboarded it.
     *
     * @return whether it is held elsewhere
     */
    public boolean heldElsewhere() {
      return onboardingState.filter(OnboardingState.ONBOARDED_BY_OTHER_CONNECTOR::equals).isPresent();
    }
  }

  private <U> ArmInventory<D, U> as(Function<T, U> then) {
    return new ArmInventory<>(description, pageType, type, mapper.andThen(then), collections, itemKinds);
  }

  /** What a listing calls its items, as in "the projects of contoso in ...". */
  String description() {
    return description;
  }

  TypeReference<PageDto<D>> pageType() {
    return pageType;
  }

  Class<D> type() {
    return type;
  }

  Function<D, T> mapper() {
    return mapper;
  }

  /** How many names a path to the collection takes (those of the parents). */
  int parents() {
    return collections.size() - 1;
  }

  /**
   * The path under {@code devops/default}: of the collection when {@code names} are its parents', of one item when
   * they end with the item's own name.
   *
   * @throws IllegalArgumentException if a name is missing, blank, {@code .} or {@code ..}, or there are too few or
   *     too many names
   */
  String path(String... names) {
    if (names.length != parents() && names.length != collections.size()) {
      throw new IllegalArgumentException("Expected " + parents() + " or " + collections.size() + " names of "
          + description + "; got " + names.length + ".");
    }
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < collections.size(); i++) {
      path.append('/').append(collections.get(i));
      if (i < names.length) {
        // '$' joins a GitLab fully qualified name's namespaces; it stays as it is, as in the specification's
        // resource ids and as azure-core's path escaper leaves the sub-delimiters of RFC 3986 in a path segment.
        path.append('/').append(Urls.segment(requireName(names[i], itemKinds.get(i))).replace("%24", "$"));
      }
    }
    return path.toString();
  }

  private static String requireName(String name, String what) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("The " + what + " name is missing.");
    }
    if (name.equals(".") || name.equals("..")) {
      throw new IllegalArgumentException("The " + what + " name \"" + name + "\" is not valid: '.' and '..' would "
          + "change the request's path.");
    }
    return name;
  }
}
