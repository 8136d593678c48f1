package io.github.devopsconnector.azuredevops.implementation.models;

/**
 * The {@code accessLevel} of a user entitlement.
 *
 * @param licensingSource {@code account}, {@code msdn}, …
 * @param accountLicenseType {@code express}, {@code advanced}, {@code stakeholder}, …
 * @param msdnLicenseType {@code none}, {@code eligible}, {@code enterprise}, …
 * @param licenseDisplayName the name the portal shows
 * @param status {@code active}, {@code disabled}, {@code pending}, …
 */
public record AccessLevelDto(
    String licensingSource, String accountLicenseType, String msdnLicenseType, String licenseDisplayName,
    String status) {}
