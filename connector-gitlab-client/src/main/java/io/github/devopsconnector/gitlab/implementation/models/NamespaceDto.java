package io.github.devopsconnector.gitlab.implementation.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A namespace ({@code GET /namespaces/:id}, docs.gitlab.com/api/namespaces#get-details-on-a-namespace); GitLab shows
 * {@code plan} on GitLab.com, and only to the group's Owners.
 *
 * @param id the namespace id
 * @param kind {@code group} or {@code user}
 * @param fullPath the full path
 * @param plan the plan, such as {@code ultimate}, when shown
 */
public record NamespaceDto(Long id, String kind, @JsonProperty("full_path") String fullPath, String plan) {}
