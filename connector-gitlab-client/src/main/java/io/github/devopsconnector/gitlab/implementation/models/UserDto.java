package io.github.devopsconnector.gitlab.implementation.models;

/**
 * The signed-in user ({@code GET /user}, docs.gitlab.com/api/users#get-the-current-user).
 *
 * @param id the user id
 * @param username the username
 * @param name the display name
 */
public record UserDto(Long id, String username, String name) {}
