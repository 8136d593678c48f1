package io.github.devopsconnector.gitlab.implementation.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A group of {@code GET /groups} (docs.gitlab.com/api/groups#list-groups).
 *
 * @param id the group id
 * @param path the group's own path
 * @param name the display name
 * @param fullPath the path with every parent namespace
 * @param parentId the parent group's id; null for a top-level group
 */
public record GroupDto(Long id, String path, String name, @JsonProperty("full_path") String fullPath,
    @JsonProperty("parent_id") Long parentId) {}
