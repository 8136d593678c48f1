package io.github.devopsconnector.azuredevops.implementation.models;

/**
 * {@code GET _apis/profile/profiles/me}.
 *
 * @param id the profile id
 * @param displayName the display name
 * @param publicAlias the public alias (equal to the id in practice)
 * @param emailAddress the e-mail address
 */
public record ProfileDto(String id, String displayName, String publicAlias, String emailAddress) {}
