package io.github.devopsconnector.github.implementation.models;

/**
 * The authenticated user ({@code GET /user}, docs.github.com/rest/users/users#get-the-authenticated-user).
 *
 * @param login the login
 * @param id the id
 * @param name the display name; null when not set
 */
public record UserDto(String login, Long id, String name) {}
