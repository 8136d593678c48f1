package io.github.devopsconnector.azuredevops.implementation.models;

/**
 * An item of {@code GET _apis/accounts?memberId=}.
 *
 * @param accountId the organization id
 * @param accountName the organization name
 * @param accountUri the organization URL
 */
public record AccountDto(String accountId, String accountName, String accountUri) {}
