package io.github.devopsconnector.azuredevops.implementation.models;

/**
 * A graph group.
 *
 * @param subjectKind {@code group}
 * @param principalName such as {@code [fabrikam]\Project Collection Administrators}
 * @param displayName the display name
 * @param origin {@code vsts} or {@code aad}
 * @param domain such as {@code vstfs:///Framework/IdentityDomain/{instanceId}}
 * @param descriptor the subject descriptor, such as {@code vssgp.…}
 */
public record GraphGroupDto(
    String subjectKind, String principalName, String displayName, String origin, String domain,
    String descriptor) {}
