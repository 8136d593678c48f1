package io.github.devopsconnector.github.implementation.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A repository (docs.github.com/rest/repos/repos#list-organization-repositories).
 *
 * @param id the id
 * @param name the name
 * @param fullName {@code owner/name}
 * @param owner the owner
 * @param isPrivate whether it is private
 * @param archived whether it is archived
 */
public record RepositoryDto(Long id, String name, @JsonProperty("full_name") String fullName, AccountDto owner,
    @JsonProperty("private") Boolean isPrivate, Boolean archived) {}
