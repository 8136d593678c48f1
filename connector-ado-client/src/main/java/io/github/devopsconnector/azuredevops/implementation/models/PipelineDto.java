package io.github.devopsconnector.azuredevops.implementation.models;

/**
 * A {@code Pipeline}.
 *
 * @param id the pipeline id
 * @param name the pipeline name
 * @param folder the folder, such as {@code \}
 */
public record PipelineDto(Long id, String name, String folder) {}
