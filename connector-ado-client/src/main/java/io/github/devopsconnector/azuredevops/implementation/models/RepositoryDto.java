package io.github.devopsconnector.azuredevops.implementation.models;

/**
 * A {@code GitRepository}.
 *
 * @param id the repository id
 * @param name the repository name
 * @param url the API URL
 * @param remoteUrl the clone URL
 * @param webUrl the web URL
 * @param defaultBranch the default branch; absent for an empty repository
 * @param project the project it belongs to
 * @param isDisabled whether the repository is disabled
 */
public record RepositoryDto(
    String id,
    String name,
    String url,
    String remoteUrl,
    String webUrl,
    String defaultBranch,
    ProjectDto project,
    Boolean isDisabled) {}
