package io.github.devopsconnector.github.implementation.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * GitHub's error body: {@code {"message": ..., "documentation_url": ...}}
 * (docs.github.com/rest/using-the-rest-api/troubleshooting-the-rest-api).
 *
 * @param message what went wrong
 * @param documentationUrl where it is explained
 */
public record ErrorDto(String message, @JsonProperty("documentation_url") String documentationUrl) {}
