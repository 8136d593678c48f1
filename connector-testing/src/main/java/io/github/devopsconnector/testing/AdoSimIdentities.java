package io.github.devopsconnector.testing;

import io.github.devopsconnector.core.AccessLevel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The signed-in identity in an organization: user and service principal entitlements with their access level, and
 * storage-key descriptors (Descriptors - Get).
 */
final class AdoSimIdentities {

  private final AdoSimWorld world;
  private final Estate estate;
  private final String base;

  AdoSimIdentities(AdoSimWorld world) {
    this.world = world;
    this.estate = world.estate();
    this.base = world.base();
  }

  AdoSimReply entitlement(AdoSimOrg org, String vsid) {
    if (!org.vsid.equalsIgnoreCase(vsid) || estate.user().servicePrincipal()) {
      return AdoSimReply.error(404, "VS403283: Could not find user with id '" + vsid + "'.",
          "Microsoft.VisualStudio.Services.MemberEntitlementManagement.WebApi.UserEntitlementNotFoundException, "
              + "Microsoft.VisualStudio.Services.MemberEntitlementManagement.WebApi",
          "UserEntitlementNotFoundException");
    }
    EstateUser user = estate.user();
    Map<String, Object> graphUser = new LinkedHashMap<>();
    graphUser.put("subjectKind", "user");
    graphUser.put("metaType", "member");
    graphUser.put("domain", org.org.tenantId().map(Object::toString).orElse("Windows Live ID"));
    graphUser.put("principalName", user.email());
    graphUser.put("mailAddress", user.email());
    graphUser.put("origin", org.org.tenantId().isPresent() ? "aad" : "msa");
    graphUser.put("originId", user.id());
    graphUser.put("displayName", user.displayName());
    graphUser.put("url", base + "/" + org.segment + "/_apis/graph/users/" + org.subjectDescriptor);
    graphUser.put("descriptor", org.subjectDescriptor);
    return AdoSimReply.ok(entitlement(org, "user", graphUser));
  }

  /**
   * {@code GET {org}/_apis/graph/descriptors/{storageKey}} (Descriptors - Get, "Resolve a storage key to a
   * descriptor"): the organization's id gives its collection scope descriptor, a project id the project's scope
   * descriptor, the user's id their subject descriptor. The scope descriptors are {@code scp.} and the Base64 of
   * the id here, but a client must not build them itself: they are opaque, which is why the API resolves them.
   */
  AdoSimReply descriptor(AdoSimOrg org, String storageKey) {
    String value = null;
    if (storageKey.equalsIgnoreCase(org.org.id())) {
      value = scopeDescriptor(org.org.id());
    } else if (storageKey.equalsIgnoreCase(org.vsid)) {
      value = org.subjectDescriptor;
    } else {
      for (EstateProject project : org.org.projects()) {
        if (project.id().equalsIgnoreCase(storageKey)) {
          value = scopeDescriptor(project.id());
        }
      }
    }
    if (value == null) {
      return AdoSimReply.error(404, "VS860018: The subject with storage key '" + storageKey + "' could not be found.",
          "Microsoft.VisualStudio.Services.Graph.GraphSubjectNotFoundException, Microsoft.VisualStudio.Services.WebApi",
          "GraphSubjectNotFoundException");
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("value", value);
    json.put("_links", Map.of("self", Map.of("href", base + "/" + org.segment + "/_apis/Graph/Descriptors/"
        + storageKey)));
    return AdoSimReply.ok(json);
  }

  /**
   * {@code GET {org}/_apis/serviceprincipalentitlements/{id}}: a service principal's entitlement, with its access
   * level. Service principals have no user entitlement; this is where theirs is (Service Principal Entitlements -
   * Get, in the REST reference's MemberEntitlementManagement area).
   */
  AdoSimReply servicePrincipalEntitlement(AdoSimOrg org, String id) {
    if (!estate.user().servicePrincipal() || !org.vsid.equalsIgnoreCase(id)) {
      return AdoSimReply.error(404, "VS403283: Could not find service principal with id '" + id + "'.",
          "Microsoft.VisualStudio.Services.MemberEntitlementManagement.WebApi."
              + "ServicePrincipalEntitlementNotFoundException, "
              + "Microsoft.VisualStudio.Services.MemberEntitlementManagement.WebApi",
          "ServicePrincipalEntitlementNotFoundException");
    }
    EstateUser user = estate.user();
    Map<String, Object> principal = new LinkedHashMap<>();
    principal.put("subjectKind", "servicePrincipal");
    principal.put("metaType", "application");
    principal.put("origin", "aad");
    principal.put("originId", user.id());
    principal.put("displayName", user.displayName());
    principal.put("descriptor", org.subjectDescriptor);
    return AdoSimReply.ok(entitlement(org, "servicePrincipal", principal));
  }

  static String scopeDescriptor(String id) {
    return "scp." + AdoSimIds.base64Url(id.toLowerCase(Locale.ROOT));
  }

  /** An entitlement of the user or service principal: the subject under {@code kind}, with its access level. */
  private static Map<String, Object> entitlement(AdoSimOrg org, String kind, Map<String, Object> subject) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", org.vsid);
    json.put(kind, subject);
    json.put("accessLevel", accessLevel(org.org.accessLevel()));
    json.put("lastAccessedDate", AdoSimCatalog.TIMESTAMP);
    json.put("dateCreated", "2024-03-01T08:00:00.000Z");
    json.put("projectEntitlements", List.of());
    json.put("extensions", List.of());
    json.put("groupAssignments", List.of());
    return json;
  }

  private static Map<String, Object> accessLevel(AccessLevel level) {
    String source;
    String license;
    String msdn;
    String status = "active";
    switch (level) {
      case BASIC:
        license = "express";
        source = "account";
        msdn = "none";
        break;
      case BASIC_PLUS_TEST_PLANS:
        license = "advanced";
        source = "account";
        msdn = "none";
        break;
      case VISUAL_STUDIO_SUBSCRIBER:
        license = "none";
        source = "msdn";
        msdn = "eligible";
        break;
      case STAKEHOLDER:
        license = "stakeholder";
        source = "account";
        msdn = "none";
        break;
      case NONE:
      default:
        license = "none";
        source = "none";
        msdn = "none";
        status = "none";
        break;
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("licensingSource", source);
    json.put("accountLicenseType", license);
    json.put("msdnLicenseType", msdn);
    json.put("licenseDisplayName", level.displayName());
    json.put("status", status);
    json.put("statusMessage", "");
    json.put("assignmentSource", "unknown");
    return json;
  }
}
