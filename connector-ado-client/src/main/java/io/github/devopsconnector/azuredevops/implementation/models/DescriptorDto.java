package io.github.devopsconnector.azuredevops.implementation.models;

/**
 * {@code GET {org}/_apis/graph/descriptors/{storageKey}}: the descriptor a storage key resolves to.
 *
 * @param value the descriptor, such as a scope descriptor {@code scp.…}
 */
public record DescriptorDto(String value) {}
