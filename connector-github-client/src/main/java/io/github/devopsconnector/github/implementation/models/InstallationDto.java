package io.github.devopsconnector.github.implementation.models;

/**
 * An app installation (docs.github.com/rest/orgs/orgs#list-app-installations-for-an-organization and
 * docs.github.com/rest/apps/installations#list-app-installations-accessible-to-the-user-access-token).
 *
 * @param id the installation id
 * @param account the account it is installed on
 * @param repositorySelection {@code all} or {@code selected}
 * @param appSlug the app's slug
 */
public record InstallationDto(Long id, AccountDto account,
    @com.fasterxml.jackson.annotation.JsonProperty("repository_selection") String repositorySelection,
    @com.fasterxml.jackson.annotation.JsonProperty("app_slug") String appSlug) {}
