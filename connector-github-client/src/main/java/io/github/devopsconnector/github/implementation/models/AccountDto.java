package io.github.devopsconnector.github.implementation.models;

/**
 * A simple user or organization ({@code login}, {@code id}, {@code type}).
 *
 * @param login the login
 * @param id the id
 * @param type {@code User} or {@code Organization}; absent in a membership's organization
 */
public record AccountDto(String login, Long id, String type) {}
