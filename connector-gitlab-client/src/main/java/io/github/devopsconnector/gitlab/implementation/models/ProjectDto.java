package io.github.devopsconnector.gitlab.implementation.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A project of {@code GET /groups/:id/projects} (docs.gitlab.com/api/groups#list-projects).
 *
 * @param id the project id
 * @param name the display name
 * @param path the project's own path
 * @param pathWithNamespace the full path, namespaces included
 * @param archived whether it is archived
 */
public record ProjectDto(Long id, String name, String path,
    @JsonProperty("path_with_namespace") String pathWithNamespace, Boolean archived) {}
