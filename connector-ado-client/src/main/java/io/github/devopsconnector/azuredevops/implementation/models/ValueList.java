package io.github.devopsconnector.azuredevops.implementation.models;

import java.util.List;

/**
 * The collection wrapper Azure DevOps returns lists in: {@code {"count": n, "value": [...]}}.
 *
 * @param count the number of items
 * @param value the items
 * @param <T> the item shape
 */
public record ValueList<T>(Integer count, List<T> value) {}
