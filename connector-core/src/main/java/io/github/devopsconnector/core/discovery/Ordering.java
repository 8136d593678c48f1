package io.github.devopsconnector.core.discovery;

import io.github.devopsconnector.core.azuredevops.AzureDevOpsProject;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsRepository;
import java.util.Comparator;

/** The one order of every list in a result: by name ignoring case, then by exact name, then by id. */
final class Ordering {

  private Ordering() {}

  static final Comparator<AzureDevOpsProject> PROJECTS = Comparator.comparing(AzureDevOpsProject::name, String.CASE_INSENSITIVE_ORDER)
      .thenComparing(AzureDevOpsProject::name)
      .thenComparing(AzureDevOpsProject::id);

  /** Written out rather than composed: an organization's thousands of repositories are sorted with it. */
  static final Comparator<AzureDevOpsRepository> REPOSITORIES = (a, b) -> {
    int order = String.CASE_INSENSITIVE_ORDER.compare(a.name(), b.name());
    if (order == 0) {
      order = a.name().compareTo(b.name());
    }
    return order != 0 ? order : a.id().compareTo(b.id());
  };

  static final Comparator<DiscoveredPipeline> PIPELINES =
      Comparator.comparing(DiscoveredPipeline::name, String.CASE_INSENSITIVE_ORDER)
          .thenComparing(DiscoveredPipeline::name)
          .thenComparingLong(DiscoveredPipeline::id);

  static final Comparator<io.github.devopsconnector.core.OrganizationName> ORGANIZATIONS =
      Comparator.comparing((io.github.devopsconnector.core.OrganizationName o) -> o.value(),
          String.CASE_INSENSITIVE_ORDER).thenComparing(o -> o.value());

  static final Comparator<io.github.devopsconnector.core.github.GitHubRepository> GITHUB_REPOSITORIES =
      Comparator.comparing(io.github.devopsconnector.core.github.GitHubRepository::name, String.CASE_INSENSITIVE_ORDER)
          .thenComparing(io.github.devopsconnector.core.github.GitHubRepository::name)
          .thenComparingLong(io.github.devopsconnector.core.github.GitHubRepository::id);

  /** GitLab projects by full path ({@code group/subgroup/project}), ignoring case, then id. */
  static final Comparator<io.github.devopsconnector.core.gitlab.GitLabProject> GITLAB_PROJECTS =
      Comparator.comparing(io.github.devopsconnector.core.gitlab.GitLabProject::fullPath, String.CASE_INSENSITIVE_ORDER)
          .thenComparing(io.github.devopsconnector.core.gitlab.GitLabProject::fullPath)
          .thenComparingLong(io.github.devopsconnector.core.gitlab.GitLabProject::id);

  static final Comparator<OrganizationOutcome> OUTCOMES =
      Comparator.comparing((OrganizationOutcome o) -> o.organization().value(), String.CASE_INSENSITIVE_ORDER)
          .thenComparing(o -> o.organization().value())
          .thenComparing(o -> o.id().orElse(""));
}
