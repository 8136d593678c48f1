package io.github.devopsconnector.testing;

import io.github.devopsconnector.testing.AdoSimWorld.Lookup;
import io.github.devopsconnector.testing.AzureDevOpsSimulator.Route;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Routes an authenticated Azure DevOps request to the world's answer, after checking its api-version the way the
 * service does (from the query or the {@code Accept} header; {@code 400} with the service's own messages).
 */
final class AdoSimRouter {

  private static final Map<Route, String> API_VERSIONS = new EnumMap<>(Route.class);

  static {
    // The organization policy API is undocumented and has no location data: the one version known to answer.
    API_VERSIONS.put(Route.OAUTH_POLICY, "5.0-preview.1");
    // The REST reference documents Service Principal Entitlements - Get only at 7.1-preview.1.
    API_VERSIONS.put(Route.SERVICE_PRINCIPAL_ENTITLEMENT, "7.1-preview.1");
  }

  private final AdoSimWorld world;

  AdoSimRouter(AdoSimWorld world) {
    this.world = world;
  }

  AdoSimReply route(AdoSimRequest request, String accept) {
    if (request.route == Route.UNMATCHED) {
      if (request.methodNotAllowed) {
        return AdoSimReply.error(405, "The requested resource does not support http method '" + request.method + "'.",
            "System.Web.Http.HttpResponseException, System.Web.Http", "HttpResponseException");
      }
      String path = request.path.length() > 200 ? request.path.substring(0, 200) : request.path;
      return AdoSimReply.error(404, "The controller for path '" + path
          + "' was not found or does not implement IController.", "System.Web.HttpException, System.Web",
          "HttpException");
    }
    AdoSimOrg org = null;
    if (request.organization != null) {
      Lookup lookup = world.organization(request.organization);
      if (lookup.failure() != null) {
        return lookup.failure();
      }
      org = lookup.view();
    }
    if (request.route == Route.LOCATIONS) {
      // OPTIONS carries no api-version: it is how a client learns which versions exist (VsoClient.js).
      return AdoSimLocations.options(request.parameters.isEmpty() ? null : request.parameters.get(0),
          org == null ? AdoSimLocations.Host.ROOT : AdoSimLocations.Host.ORGANIZATION);
    }
    Optional<AdoSimReply> versionProblem = checkApiVersion(request, accept);
    if (versionProblem.isPresent()) {
      return versionProblem.get();
    }
    switch (request.route) {
      case PROFILE:
        return world.signIn.profile();
      case ACCOUNTS:
        return world.signIn.accounts(request.query);
      case CONNECTION_DATA:
        return world.signIn.connectionData(org);
      case RESOURCE_AREAS:
        return AdoSimLocations.resourceAreas(world.base(), org == null ? null : org.segment);
      case PROJECTS:
        return world.catalog.projects(org, request.query);
      case PROJECT:
        return world.catalog.project(org, request.parameters.get(0));
      case BUILD_DEFINITIONS:
        return world.pipelines.buildDefinitions(org, request.project, request.query);
      case ORGANIZATION_REPOSITORIES:
        return world.catalog.repositories(org);
      case PROJECT_REPOSITORIES:
        return world.catalog.repositories(org, request.project);
      case PIPELINES:
        return world.pipelines.pipelines(org, request.project, request.query);
      case USER_ENTITLEMENT:
        return world.identities.entitlement(org, request.parameters.get(0));
      case SERVICE_PRINCIPAL_ENTITLEMENT:
        return world.identities.servicePrincipalEntitlement(org, request.parameters.get(0));
      case GRAPH_DESCRIPTOR:
        return world.identities.descriptor(org, request.parameters.get(0));
      case GROUPS:
        return world.groups.groups(org, request.query);
      case MEMBERSHIP_CHECK:
        return world.groups.membershipCheck(org, request.parameters.get(0), request.parameters.get(1));
      case MEMBERSHIPS:
        return world.groups.memberships(org, request.parameters.get(0), request.query);
      case OAUTH_POLICY:
        return world.signIn.policy(org, request.parameters.get(0));
      default:
        throw new IllegalStateException("Unrouted " + request.route);
    }
  }

  private static Optional<AdoSimReply> checkApiVersion(AdoSimRequest request, String accept) {
    String given = request.query.get("api-version");
    if (given == null) {
      int at = accept == null ? -1 : accept.toLowerCase(Locale.ROOT).indexOf("api-version=");
      if (at >= 0) {
        given = accept.substring(at + "api-version=".length()).split("[;,\\s]", 2)[0];
      }
    }
    if (given == null || given.isBlank()) {
      if (request.route == Route.CONNECTION_DATA) {
        // azure-devops-node-api's WebApi.connect() reads connectionData without an api-version, and the service
        // answers it with its current version.
        return Optional.empty();
      }
      return Optional.of(AdoSimReply.error(400, "No api-version was supplied for the \"" + request.method
          + "\" request. The version must be supplied either as part of the Accept header (e.g. "
          + "\"application/json; api-version=1.0\") or as a query parameter (e.g. '?api-version=1.0').",
          "Microsoft.VisualStudio.Services.WebApi.VssVersionNotSpecifiedException, "
              + "Microsoft.VisualStudio.Services.WebApi", "VssVersionNotSpecifiedException"));
    }
    String expected = API_VERSIONS.get(request.route);
    if (expected == null) {
      return AdoSimLocations.checkVersion(request.route, given);
    }
    if (!given.trim().equalsIgnoreCase(expected)) {
      return Optional.of(AdoSimReply.error(400, "The requested api-version '" + given + "' is not served by this route; "
          + "the wire contract uses api-version=" + expected + " for " + request.route.template() + ".",
          "Microsoft.VisualStudio.Services.WebApi.VssInvalidApiVersionException, "
              + "Microsoft.VisualStudio.Services.WebApi", "VssInvalidApiVersionException"));
    }
    return Optional.empty();
  }
}
