package io.github.devopsconnector.azuredevops.implementation;

import io.github.devopsconnector.core.TenantId;
import java.util.Optional;

/**
 * Who the signed-in user is inside one organization, from {@code connectionData}.
 *
 * @param vsid the user's identity id (storage key), the key of the user entitlement
 * @param subjectDescriptor the user's graph subject descriptor
 * @param tenant the organization's Microsoft Entra tenant, when it is connected to one
 * @param instanceId the organization (collection) id, the storage key of its scope
 */
record ConnectionIdentity(String vsid, Optional<String> subjectDescriptor, Optional<TenantId> tenant,
    Optional<String> instanceId) {

  /**
   * The tenant named in an identity descriptor {@code <type>;<tenantId>\<name>}: the GUID between {@code ;} and
   * {@code \}. Microsoft-account-backed organizations have no GUID there, and so no tenant.
   */
  static Optional<TenantId> tenantOf(String descriptor) {
    if (descriptor == null) {
      return Optional.empty();
    }
    int semicolon = descriptor.indexOf(';');
    if (semicolon < 0) {
      return Optional.empty();
    }
    int backslash = descriptor.indexOf('\\', semicolon + 1);
    if (backslash < 0) {
      return Optional.empty();
    }
    String candidate = descriptor.substring(semicolon + 1, backslash).trim();
    return TenantId.isValid(candidate) ? Optional.of(TenantId.parse(candidate)) : Optional.empty();
  }
}
