package io.github.devopsconnector.testing;

import io.github.devopsconnector.core.OAuthAppAccess;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the signed-in user sees of themselves: the profile (Profiles - Get), the organizations they belong to
 * (Accounts - List), an organization's connection data, and its OAuth application policy.
 */
final class AdoSimSignIn {

  static final String OAUTH_POLICY = "Policy.DisallowOAuthAuthentication";

  private final Estate estate;

  AdoSimSignIn(AdoSimWorld world) {
    this.estate = world.estate();
  }

  AdoSimReply profile() {
    EstateUser user = estate.user();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("displayName", user.displayName());
    json.put("publicAlias", user.id());
    json.put("emailAddress", user.email());
    json.put("coreRevision", 1647);
    json.put("timeStamp", "2025-01-15T09:30:00.000+00:00");
    json.put("id", user.id());
    json.put("revision", 1647);
    return AdoSimReply.ok(json);
  }

  AdoSimReply accounts(Map<String, String> query) {
    String member = query.getOrDefault("memberId", query.get("ownerId"));
    if (member == null || member.isBlank()) {
      return AdoSimReply.error(400, "VS800075: One of the following parameters is required: ownerId, memberId.",
          AdoSimReply.ARGUMENT_TYPE, "ArgumentException");
    }
    if (!member.trim().equalsIgnoreCase(estate.user().id())) {
      return AdoSimReply.error(401, "TF400813: The user '" + estate.user().id()
          + "' is not authorized to access this resource.", AdoSimReply.UNAUTHORIZED_TYPE, "UnauthorizedRequestException");
    }
    List<Object> value = new ArrayList<>();
    for (EstateOrganization org : estate.organizations()) {
      Map<String, Object> account = new LinkedHashMap<>();
      account.put("accountId", org.id());
      // The service answers with the organization's identity (SPS) host, not its dev.azure.com URL: the accounts
      // example of the REST specification (GET__Accounts_memberId-_userId_.json) has
      // "accountUri": "https://vssps.dev.azure.com/Fabrikam-Fiber-Inc/". The simulator answers the same.
      account.put("accountUri", "https://vssps.dev.azure.com/" + AdoSimIds.segment(org.name().value()) + "/");
      account.put("accountName", org.name().value());
      account.put("properties", Map.of());
      value.add(account);
    }
    return AdoSimReply.ok(AdoSimReply.collection(value));
  }

  AdoSimReply connectionData(AdoSimOrg org) {
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("id", org.vsid);
    user.put("descriptor", org.identityDescriptor);
    user.put("subjectDescriptor", org.subjectDescriptor);
    user.put("providerDisplayName", estate.user().displayName());
    user.put("isActive", true);
    user.put("properties", Map.of("Account", Map.of("$type", "System.String", "$value", estate.user().email())));
    user.put("resourceVersion", 2);
    user.put("metaTypeId", 0);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("authenticatedUser", user);
    json.put("authorizedUser", new LinkedHashMap<>(user));
    json.put("instanceId", org.org.id());
    json.put("deploymentId", AdoSimIds.uuid("deployment:" + org.org.id()));
    json.put("deploymentType", "hosted");
    Map<String, Object> location = new LinkedHashMap<>();
    location.put("serviceOwner", "00025394-6065-48ca-87d9-7f5672854ef7");
    location.put("defaultAccessMappingMoniker", "PublicAccessMapping");
    location.put("lastChangeId", 62693399);
    location.put("lastChangeId64", 62693399);
    json.put("locationServiceData", location);
    return AdoSimReply.ok(json);
  }

  AdoSimReply policy(AdoSimOrg org, String name) {
    if (!name.equalsIgnoreCase(OAUTH_POLICY)) {
      return AdoSimReply.error(404, "The policy '" + name + "' is not known to this simulator.",
          "Microsoft.VisualStudio.Services.Organization.PolicyNotFoundException, Microsoft.VisualStudio.Services.WebApi",
          "PolicyNotFoundException");
    }
    OAuthAppAccess state = org.org.oauthThirdPartyAccess();
    if (state == OAuthAppAccess.UNKNOWN) {
      return AdoSimReply.error(405, "The requested resource does not support http method 'GET'.",
          "System.Web.Http.HttpResponseException, System.Web.Http", "HttpResponseException")
          .withHeader("Allow", "PATCH");
    }
    // The policy disallows OAuth: "On" in the portal is the value false.
    boolean disallowed = state == OAuthAppAccess.OFF;
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", OAUTH_POLICY);
    json.put("value", disallowed);
    json.put("effectiveValue", disallowed);
    json.put("enforce", false);
    json.put("isValueUndefined", false);
    return AdoSimReply.ok(json);
  }
}
