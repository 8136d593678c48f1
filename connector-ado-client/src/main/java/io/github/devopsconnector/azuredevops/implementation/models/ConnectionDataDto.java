package io.github.devopsconnector.azuredevops.implementation.models;

/**
 * {@code GET {org}/_apis/connectionData}.
 *
 * @param authenticatedUser the identity that authenticated
 * @param authorizedUser the identity the request runs as
 * @param instanceId the organization (collection) id
 * @param deploymentType {@code hosted} or {@code onPremises}
 */
public record ConnectionDataDto(
    IdentityDto authenticatedUser, IdentityDto authorizedUser, String instanceId, String deploymentType) {}
