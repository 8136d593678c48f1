package io.github.devopsconnector.azuredevops;

import io.github.devopsconnector.testsupport.TargetCall;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsUser;
import java.util.Optional;
import java.util.function.Function;

/**
 * The client calls the hostile-response and fuzz tests aim at: the method and decoded path of the request whose
 * answer is spoiled, how the client's messages name the call, how to make it, and a valid answer to it.
 */
enum WireCall implements TargetCall {
  PROFILE("GET", "/_apis/profile/profiles/me", "read the signed-in user's profile", c -> c.signedInUser()),
  ACCOUNTS("GET", "/_apis/accounts", "list the organizations of the signed-in user",
      c -> c.organizations(Constants.ME)),
  PROJECTS("GET", Wire.PROJECTS, "list the projects of the organization fabrikam",
      c -> c.projects(Wire.ORG, Optional.empty())),
  PROJECTS_AFTER_5("GET", Wire.PROJECTS, "list the projects of the organization fabrikam",
      c -> c.projects(Wire.ORG, Optional.of("5"))),
  REPOSITORIES("GET", "/fabrikam/_apis/git/repositories", "list the Git repositories of the organization fabrikam",
      c -> c.repositories(Wire.ORG)),
  PROJECT_REPOSITORIES("GET", "/fabrikam/" + Constants.PROJECT + "/_apis/git/repositories",
      "list the Git repositories of the project " + Constants.PROJECT,
      c -> c.repositories(Wire.ORG, Constants.PROJECT)),
  PIPELINES("GET", "/fabrikam/" + Constants.PROJECT + "/_apis/pipelines",
      "list the pipelines of the project " + Constants.PROJECT,
      c -> c.pipelines(Wire.ORG, Constants.PROJECT, Optional.empty())),
  PIPELINES_AFTER_TOKEN("GET", "/fabrikam/" + Constants.PROJECT + "/_apis/pipelines",
      "list the pipelines of the project " + Constants.PROJECT,
      c -> c.pipelines(Wire.ORG, Constants.PROJECT, Optional.of("b3BhcXVl"))),
  CONNECTION_DATA("GET", Wire.CONNECTION_DATA, "read who the signed-in user is in the organization fabrikam",
      c -> c.organizationTenant(Wire.ORG)),
  ENTITLEMENT("GET", "/fabrikam/_apis/userentitlements/" + Wire.VSID,
      "read the signed-in user's access level in the organization fabrikam", c -> c.accessLevel(Wire.ORG)),
  GROUPS("GET", Wire.GROUPS, "check whether the signed-in user is a Project Collection Administrator",
      c -> c.isProjectCollectionAdministrator(Wire.ORG)),
  MEMBERSHIP_CHECK("HEAD", Wire.membershipCheck(Wire.USER, Wire.PCA),
      "check whether the signed-in user is a Project Collection Administrator",
      c -> c.isProjectCollectionAdministrator(Wire.ORG)),
  MEMBERSHIPS("GET", Wire.membershipsUp(Wire.USER),
      "check whether the signed-in user is a Project Collection Administrator",
      c -> c.isProjectCollectionAdministrator(Wire.ORG)),
  POLICY("GET", Wire.POLICY, "read the OAuth policy of the organization fabrikam", c -> c.oauthAppAccess(Wire.ORG));

  final String method;
  final String path;
  final String operation;
  final Function<AzureDevOpsRestClient, Object> invoke;

  WireCall(String method, String path, String operation, Function<AzureDevOpsRestClient, Object> invoke) {
    this.method = method;
    this.path = path;
    this.operation = operation;
    this.invoke = invoke;
  }

  /** The valid answer the tests start from (for the HEAD check: none, its status says it all). */
  @Override
  public String validBody() {
    switch (this) {
      case PROFILE:
        return Payloads.exampleBody("GET__profile_profiles_me.json");
      case ACCOUNTS:
        return Payloads.exampleBody("GET__Accounts_memberId-_userId_.json");
      case PROJECTS:
      case PROJECTS_AFTER_5:
        return Payloads.exampleBody("GET__projects.json");
      case REPOSITORIES:
      case PROJECT_REPOSITORIES:
        return Payloads.exampleBody("GET__git_repositories.json");
      case PIPELINES:
      case PIPELINES_AFTER_TOKEN:
        return Payloads.text("pipelines-page2.json");
      case CONNECTION_DATA:
        return Payloads.text("connectionData-aad.json");
      case ENTITLEMENT:
        return Payloads.exampleBody("GET__memberEntitlementManagement_UserEntitlementById.json");
      case GROUPS:
        return Payloads.text("graph-groups-page2.json");
      case MEMBERSHIPS:
        return "{\"count\":1,\"value\":[{\"containerDescriptor\":\"" + Wire.PCA + "\",\"memberDescriptor\":\""
            + Wire.USER + "\"}]}";
      case POLICY:
        return Payloads.text("policy-oauth-allowed.json");
      default:
        return "";
    }
  }

  @Override
  public String method() {
    return method;
  }

  @Override
  public String path() {
    return path;
  }

  /** Constants the enum's own initializers need (an enum cannot refer to its static fields there). */
  static final class Constants {
    static final String PROJECT = "Fabrikam-Fiber-Git";
    static final AzureDevOpsUser ME = AzureDevOpsUser.of("d6245f20-2af8-44f4-9451-8107cb2767db", "Normal Paulk", Optional.empty());

    private Constants() {}
  }
}
