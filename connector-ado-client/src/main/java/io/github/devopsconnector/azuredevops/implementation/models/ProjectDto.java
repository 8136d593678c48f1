package io.github.devopsconnector.azuredevops.implementation.models;

/**
 * A {@code TeamProjectReference}.
 *
 * @param id the project id
 * @param name the project name
 * @param state the project state, such as {@code wellFormed}
 */
public record ProjectDto(String id, String name, String state) {}
