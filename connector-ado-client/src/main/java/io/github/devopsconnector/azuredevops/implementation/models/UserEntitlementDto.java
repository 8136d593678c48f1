package io.github.devopsconnector.azuredevops.implementation.models;

/**
 * {@code GET {org}/_apis/userentitlements/{id}}.
 *
 * @param id the user's VSID
 * @param accessLevel the access level
 */
public record UserEntitlementDto(String id, AccessLevelDto accessLevel) {}
