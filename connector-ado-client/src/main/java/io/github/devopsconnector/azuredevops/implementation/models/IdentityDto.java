package io.github.devopsconnector.azuredevops.implementation.models;

/**
 * An identity of {@code connectionData}.
 *
 * @param id the VSID (storage key)
 * @param descriptor the identity descriptor, such as {@code Microsoft.IdentityModel.Claims.ClaimsIdentity;tenant\email}
 * @param subjectDescriptor the graph subject descriptor, such as {@code aad.…}
 * @param providerDisplayName the display name
 * @param isActive whether the identity is active
 */
public record IdentityDto(
    String id, String descriptor, String subjectDescriptor, String providerDisplayName, Boolean isActive) {}
