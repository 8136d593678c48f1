package io.github.devopsconnector.azuredevops.implementation.models;

/**
 * An organization policy, such as {@code Policy.DisallowOAuthAuthentication}.
 *
 * @param name the policy name
 * @param value the configured value
 * @param effectiveValue the value in effect
 * @param enforce whether the value is enforced
 * @param isValueUndefined whether no value was ever set
 */
public record PolicyDto(String name, Boolean value, Boolean effectiveValue, Boolean enforce, Boolean isValueUndefined) {}
