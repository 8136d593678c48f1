package io.github.devopsconnector.arm;

import com.azure.core.annotation.ServiceClient;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.exception.ResourceNotFoundException;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.rest.PagedIterable;
import com.azure.core.http.rest.PagedResponse;
import com.azure.core.http.rest.PagedResponseBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.devopsconnector.arm.implementation.ArmErrors;
import io.github.devopsconnector.arm.implementation.ArmHttp;
import io.github.devopsconnector.arm.implementation.ArmResponse;
import io.github.devopsconnector.arm.implementation.Json;
import io.github.devopsconnector.arm.implementation.OperationPoller;
import io.github.devopsconnector.arm.implementation.Urls;
import io.github.devopsconnector.core.AuthorizationCode;
import io.github.devopsconnector.core.AzurePermissions;
import io.github.devopsconnector.core.Connector;
import io.github.devopsconnector.core.Finding;
import io.github.devopsconnector.core.FindingCode;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.ResourceGroupName;
import io.github.devopsconnector.core.SubscriptionId;
import io.github.devopsconnector.core.ValidationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Creates, reads, edits and deletes Defender for Cloud DevOps connectors for Azure DevOps in Azure Resource Manager,
 * and checks the Azure-side prerequisites. Built by {@link DefenderConnectorClientBuilder}; immutable and safe to
 * share between threads.
 *
 * <p>Every method that talks to ARM throws azure-core's {@link HttpResponseException} (or a subclass:
 * {@code ClientAuthenticationException} for 401, {@link ResourceNotFoundException} for 404,
 * {@code ResourceExistsException} for 409, {@code ResourceModifiedException} for 412, and this package's
 * {@link TokenExchangeFailedException}, {@link NotAuthorizingIdentityException} and
 * {@link ArmOperationFailedException}) when ARM refuses; the message has the status, the ARM error code and what to
 * do, and {@code getValue()} is the {@link ArmError}. Retries of 429 and 5xx happen in the pipeline first. An
 * answer that is not what the API promises (not JSON, not an object, a resource without {@code id} or {@code name},
 * a list without a {@code value} array, a body larger than 64 MiB, which is not read to the end) fails with
 * azure-core's {@code DecodeException}, and a listing whose {@code nextLink}s loop back fails with
 * {@link HttpResponseException} instead of iterating forever; both carry the response.
 */
@ServiceClient(builder = DefenderConnectorClientBuilder.class)
public final class DefenderConnectorClient {

  private static final String CONNECTORS = "/providers/Microsoft.Security/securityConnectors";
  private static final Set<String> TOKEN_ERROR_CODES = Set.of("authenticationfailed", "invalidauthenticationtoken",
      "expiredauthenticationtoken", "invalidauthenticationtokenaudience", "invalidauthenticationtokentenant");

  private final ArmHttp http;
  private final OperationPoller poller;
  private final DefenderConnectorServiceVersion serviceVersion;
  private final String endpoint;

  DefenderConnectorClient(ArmHttp http, OperationPoller poller, DefenderConnectorServiceVersion serviceVersion,
      String endpoint) {
    this.http = http;
    this.poller = poller;
    this.serviceVersion = serviceVersion;
    this.endpoint = endpoint;
  }

  /** The ARM endpoint this client talks to. */
  public String getEndpoint() {
    return endpoint;
  }

  /** The api-versions this client uses. */
  public DefenderConnectorServiceVersion getServiceVersion() {
    return serviceVersion;
  }

  // ------------------------------------------------------------------------------------------------------ create

  /**
   * Creates an Azure DevOps connector: PUTs the {@code securityConnectors} resource (a new hierarchy GUID,
   * {@code AzureDevOps}, {@code AzureDevOpsScope}, the connector's offerings), then PUTs its {@code devops/default}
   * configuration with the one-time code and the organization selection (see the package documentation for the
   * mapping), and waits for that long-running write. For "all existing organizations" without
   * {@link CreateConnectorOptions#existingOrganizations()}, it then lists the organizations the code gives access
   * to and PATCHes every one not onboarded by another connector into the list.
   *
   * <p>The code is sent once and {@linkplain AuthorizationCode#destroy() destroyed} when this method returns,
   * whatever happens. The PUTs create or replace: a connector of the same name is overwritten (use
   * {@link ArmConnectorStore#create} to refuse that). If the configuration write fails, the connector resource
   * stays; call this again with a new code, or {@link #deleteConnector(SecurityConnectorId)}.
   *
   * @return the connector and its configuration as ARM holds them after the write
   * @throws CloudNotSupportedException if the connector is not in the commercial cloud (nothing is sent)
   * @throws IllegalArgumentException if the code was already destroyed (nothing is sent)
   * @throws TokenExchangeFailedException if the code expired or was already used; the configuration is left
   *     {@code Failed}
   * @throws ArmOperationFailedException if the configuration write failed otherwise or did not end in time
   * @throws HttpResponseException if ARM refused a request (e.g. 403 without write permission, 409 when the
   *     subscription has not registered {@code Microsoft.Security})
   */
  public ArmDevOpsConnector createConnector(CreateConnectorOptions options) {
    Objects.requireNonNull(options, "options");
    AuthorizationCode code = options.authorization();
    try {
      Connector connector = options.connector();
      if (!connector.cloud().supportsDevOpsConnectors()) {
        throw new CloudNotSupportedException(connector.cloud());
      }
      if (code.isDestroyed()) {
        throw new IllegalArgumentException("The authorization code was already used and destroyed; authorize again "
            + "in Azure DevOps to get a new one.");
      }
      SecurityConnectorId id = SecurityConnectorId.of(connector);
      ObjectNode body = ArmModels.connectorBody(connector.region().name(),
          options.hierarchyIdentifier().orElseGet(() -> UUID.randomUUID().toString()),
          connector.platform().armEnvironmentName(), connector.platform().armEnvironmentType(),
          connector.offerings(), options.tags());
      ArmResponse put = http.send(HttpMethod.PUT, connectorUrl(id), body, Map.of());
      SecurityConnector resource = read(put, json -> ArmModels.securityConnector(json, put.header("ETag")));

      OrganizationSelection selection = connector.organizations();
      boolean resolveAfterExchange = selection.kind() == OrganizationSelection.Kind.ALL_EXISTING
          && options.existingOrganizations().isEmpty();
      Optional<AutoDiscovery> autoDiscovery = Optional.of(selection.autoDiscovery() ? AutoDiscovery.ENABLED
          : AutoDiscovery.DISABLED);
      Optional<List<String>> names;
      switch (selection.kind()) {
        case EXPLICIT:
          names = Optional.of(names(selection.organizations()));
          break;
        case ALL_EXISTING:
          names = resolveAfterExchange ? Optional.empty() : Optional.of(names(options.existingOrganizations()));
          break;
        default:
          names = Optional.empty();
          break;
      }
      DevOpsConfiguration devOps = writeDevOps(HttpMethod.PUT, id, Optional.of(code), autoDiscovery, names,
          Optional.empty(), Optional.empty());
      if (resolveAfterExchange) {
        List<String> available = listAvailableAzureDevOpsOrgs(id).stream()
            .filter(o -> !o.onboardingState().filter(OnboardingState.ONBOARDED_BY_OTHER_CONNECTOR::equals).isPresent())
            .map(AzureDevOpsOrg::name)
            .collect(Collectors.toList());
        if (!available.isEmpty()) {
          devOps = writeDevOps(HttpMethod.PATCH, id, Optional.empty(), Optional.of(AutoDiscovery.DISABLED),
              Optional.of(available), Optional.empty(), devOps.etag());
        }
      }
      return ArmDevOpsConnector.of(resource, devOps);
    } finally {
      code.destroy();
    }
  }

  private static List<String> names(List<OrganizationName> organizations) {
    return organizations.stream().map(OrganizationName::value).collect(Collectors.toList());
  }

  // -------------------------------------------------------------------------------------------------------- read

  /**
   * The connector resource.
   *
   * @throws ResourceNotFoundException if it does not exist
   */
  public SecurityConnector getConnector(SecurityConnectorId id) {
    Objects.requireNonNull(id, "id");
    ArmResponse response = http.send(HttpMethod.GET, connectorUrl(id), null, Map.of());
    return read(response, json -> ArmModels.securityConnector(json, response.header("ETag")));
  }

  /**
   * The connector resource and its DevOps configuration.
   *
   * @throws ResourceNotFoundException if either does not exist
   */
  public ArmDevOpsConnector getDevOpsConnector(SecurityConnectorId id) {
    return ArmDevOpsConnector.of(getConnector(id), getDevOpsConfiguration(id));
  }

  /**
   * Every connector of a subscription, all pages ({@code nextLink}) fetched as the iteration reaches them.
   * Connectors of other platforms (GitHub, GitLab, clouds) are included.
   */
  public PagedIterable<SecurityConnector> listConnectors(SubscriptionId subscription) {
    Objects.requireNonNull(subscription, "subscription");
    String first = http.url("/subscriptions/" + Urls.segment(subscription.value()) + CONNECTORS,
        serviceVersion.securityConnectorsApiVersion());
    return paged(first, json -> ArmModels.securityConnector(json, Optional.empty()));
  }

  /** Every connector of a resource group, all pages fetched as the iteration reaches them. */
  public PagedIterable<SecurityConnector> listConnectors(SubscriptionId subscription,
      ResourceGroupName resourceGroup) {
    Objects.requireNonNull(subscription, "subscription");
    Objects.requireNonNull(resourceGroup, "resourceGroup");
    String first = http.url(groupPath(subscription, resourceGroup) + CONNECTORS,
        serviceVersion.securityConnectorsApiVersion());
    return paged(first, json -> ArmModels.securityConnector(json, Optional.empty()));
  }

  /**
   * The connector's DevOps configuration, with its etag.
   *
   * @throws ResourceNotFoundException if the connector or its configuration does not exist
   */
  public DevOpsConfiguration getDevOpsConfiguration(SecurityConnectorId id) {
    Objects.requireNonNull(id, "id");
    ArmResponse response = http.send(HttpMethod.GET, devOpsUrl(id, ""), null, Map.of());
    return read(response, json -> ArmModels.devOpsConfiguration(json, response.header("ETag")));
  }

  /** The Azure DevOps organizations the connector onboarded, all pages. */
  public PagedIterable<AzureDevOpsOrg> listAzureDevOpsOrgs(SecurityConnectorId id) {
    Objects.requireNonNull(id, "id");
    return paged(devOpsUrl(id, "/azureDevOpsOrgs"), ArmModels::org);
  }

  /**
   * One onboarded organization.
   *
   * @throws ResourceNotFoundException if it is not onboarded to this connector
   */
  public AzureDevOpsOrg getAzureDevOpsOrg(SecurityConnectorId id, String organization) {
    Objects.requireNonNull(id, "id");
    return read(http.send(HttpMethod.GET, devOpsUrl(id, orgPath(organization)), null, Map.of()), ArmModels::org);
  }

  /** The projects of an onboarded organization, all pages. */
  public PagedIterable<AzureDevOpsProject> listAzureDevOpsProjects(SecurityConnectorId id, String organization) {
    Objects.requireNonNull(id, "id");
    return paged(devOpsUrl(id, orgPath(organization) + "/projects"), ArmModels::project);
  }

  /**
   * One project.
   *
   * @throws ResourceNotFoundException if it is not onboarded to this connector
   */
  public AzureDevOpsProject getAzureDevOpsProject(SecurityConnectorId id, String organization, String project) {
    Objects.requireNonNull(id, "id");
    return read(http.send(HttpMethod.GET, devOpsUrl(id, projectPath(organization, project)), null, Map.of()),
        ArmModels::project);
  }

  /** The repositories of a project, all pages. */
  public PagedIterable<AzureDevOpsRepository> listAzureDevOpsRepos(SecurityConnectorId id, String organization,
      String project) {
    Objects.requireNonNull(id, "id");
    return paged(devOpsUrl(id, projectPath(organization, project) + "/repos"), ArmModels::repository);
  }

  /**
   * One repository.
   *
   * @throws ResourceNotFoundException if it is not onboarded to this connector
   */
  public AzureDevOpsRepository getAzureDevOpsRepo(SecurityConnectorId id, String organization, String project,
      String repository) {
    Objects.requireNonNull(id, "id");
    String path = projectPath(organization, project) + "/repos/" + Urls.segment(requireName(repository, "repository"));
    return read(http.send(HttpMethod.GET, devOpsUrl(id, path), null, Map.of()), ArmModels::repository);
  }

  /**
   * Every Azure DevOps organization the connector's stored authorization reaches, each with its
   * {@code onboardingState}: {@code Onboarded} here, {@code OnboardedByOtherConnector} (greyed out in the portal),
   * or {@code NotOnboarded} ({@code POST listAvailableAzureDevOpsOrgs}).
   *
   * @throws NotAuthorizingIdentityException if the caller is not the identity that authorized the connector
   *     (re-authorize to take ownership, then list)
   */
  public List<AzureDevOpsOrg> listAvailableAzureDevOpsOrgs(SecurityConnectorId id) {
    Objects.requireNonNull(id, "id");
    ArmResponse response;
    try {
      response = http.send(HttpMethod.POST, devOpsUrl(id, "/listAvailableAzureDevOpsOrgs"), null, Map.of());
    } catch (HttpResponseException e) {
      ArmError error = e.getValue() instanceof ArmError ? (ArmError) e.getValue() : null;
      // A bad or expired ARM token is an ordinary authentication failure; any other 401 here means the caller's
      // identity is not the one whose Azure DevOps authorization the connector holds.
      boolean tokenProblem = error != null && TOKEN_ERROR_CODES.contains(error.code().toLowerCase(Locale.ROOT));
      if (e.getResponse() != null && e.getResponse().getStatusCode() == 401 && !tokenProblem) {
        throw new NotAuthorizingIdentityException("Azure Resource Manager answered HTTP 401 ("
            + (error == null ? "Unauthorized" : ArmErrors.clipped(error.code(), 100)) + ") to listing the Azure "
            + "DevOps organizations of " + id + ": the caller is not the identity that authorized the connector. "
            + NotAuthorizingIdentityException.REMEDIATION, e.getResponse(), error);
      }
      throw e;
    }
    return List.copyOf(items(response, response.object(), ArmModels::org));
  }

  // ------------------------------------------------------------------------------------------------------- edit

  /**
   * PATCHes the connector's DevOps configuration and waits for the long-running write. With an authorization code
   * the service exchanges it, and the caller becomes the connector's authorizing identity (its owner). The code is
   * destroyed when this method returns.
   *
   * @return the configuration after the write, with its new etag
   * @throws com.azure.core.exception.ResourceModifiedException if {@link UpdateDevOpsConfigurationOptions#ifMatch()}
   *     is no longer the configuration's etag (412); nothing was saved
   * @throws TokenExchangeFailedException if the code expired or was already used
   * @throws ArmOperationFailedException if the write failed otherwise or did not end in time
   */
  public DevOpsConfiguration updateDevOpsConfiguration(SecurityConnectorId id,
      UpdateDevOpsConfigurationOptions options) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(options, "options");
    try {
      return writeDevOps(HttpMethod.PATCH, id, options.authorization(), options.autoDiscovery(),
          options.topLevelInventoryList(), options.agentlessConfiguration(), options.ifMatch());
    } finally {
      options.authorization().ifPresent(AuthorizationCode::destroy);
    }
  }

  /**
   * Deletes the connector's DevOps configuration and waits for the long-running delete; does nothing if there is
   * none.
   *
   * @throws ArmOperationFailedException if the delete failed or did not end in time
   */
  public void deleteDevOpsConfiguration(SecurityConnectorId id) {
    Objects.requireNonNull(id, "id");
    ArmResponse response;
    try {
      response = http.send(HttpMethod.DELETE, devOpsUrl(id, ""), null, Map.of());
    } catch (ResourceNotFoundException gone) {
      return;
    }
    if (response.status() == 202) {
      poller.await(response, "the delete of the DevOps configuration of " + id);
    }
  }

  /**
   * Deletes a connector: first its DevOps configuration (long-running), then the connector resource. Does nothing
   * if the connector does not exist.
   *
   * @throws ArmOperationFailedException if the configuration delete failed or did not end in time
   */
  public void deleteConnector(SecurityConnectorId id) {
    deleteDevOpsConfiguration(id);
    http.send(HttpMethod.DELETE, connectorUrl(id), null, Map.of());
  }

  // --------------------------------------------------------------------------------------------------- preflight

  /**
   * What the caller may do in the resource group, from every entry of {@code Microsoft.Authorization/permissions}
   * (all pages), as one set of actions and not-actions.
   */
  public AzurePermissions getPermissions(SubscriptionId subscription, ResourceGroupName resourceGroup) {
    Objects.requireNonNull(subscription, "subscription");
    Objects.requireNonNull(resourceGroup, "resourceGroup");
    String url = http.url(groupPath(subscription, resourceGroup) + "/providers/Microsoft.Authorization/permissions",
        serviceVersion.permissionsApiVersion());
    List<String> actions = new ArrayList<>();
    List<String> notActions = new ArrayList<>();
    paged(url, ArmModels::permission).forEach(entry -> {
      entry.path("actions").forEach(a -> actions.add(a.asText()));
      entry.path("notActions").forEach(a -> notActions.add(a.asText()));
    });
    return AzurePermissions.ofActions(actions, notActions);
  }

  /** Whether the subscription registered the {@code Microsoft.Security} resource provider. */
  public ResourceProviderRegistration getSecurityProviderRegistration(SubscriptionId subscription) {
    Objects.requireNonNull(subscription, "subscription");
    String url = http.url("/subscriptions/" + Urls.segment(subscription.value()) + "/providers/Microsoft.Security",
        serviceVersion.providersApiVersion());
    return read(http.send(HttpMethod.GET, url, null, Map.of()),
        json -> ArmModels.providerRegistration(json, "Microsoft.Security"));
  }

  /**
   * Checks the Azure side before creating a connector: {@link FindingCode#AZURE_PERMISSION_MISSING} when the caller
   * cannot write {@code Microsoft.Security/securityConnectors} in the resource group, and
   * {@link FindingCode#AZURE_RESOURCE_PROVIDER_NOT_REGISTERED} when the subscription has not registered
   * {@code Microsoft.Security}.
   */
  public ValidationReport checkAzurePrerequisites(SubscriptionId subscription, ResourceGroupName resourceGroup) {
    List<Finding> findings = new ArrayList<>();
    if (!getPermissions(subscription, resourceGroup).canWriteSecurityConnectors()) {
      findings.add(Finding.of(FindingCode.AZURE_PERMISSION_MISSING, "resourceGroup",
          "The caller may not create or edit connectors in the resource group " + resourceGroup
              + " of the subscription " + subscription + ": " + AzurePermissions.WRITE_SECURITY_CONNECTORS
              + " is not granted.",
          "Ask an owner of the resource group for the Contributor or Security Admin role on it (Security Reader "
              + "can only read connectors), then sign in again."));
    }
    ResourceProviderRegistration registration = getSecurityProviderRegistration(subscription);
    if (!registration.isRegistered()) {
      findings.add(Finding.of(FindingCode.AZURE_RESOURCE_PROVIDER_NOT_REGISTERED, "subscription",
          "The subscription " + subscription + " has not registered the Microsoft.Security resource provider (its "
              + "state is " + registration.registrationState() + "), so Azure refuses to create connectors in it.",
          "Run 'az provider register --namespace Microsoft.Security --subscription " + subscription
              + "' (or register it under Subscription > Resource providers in the portal) and wait until it is "
              + "Registered."));
    }
    return ValidationReport.of(findings);
  }

  /**
   * The {@link FindingCode#ADO_ORGANIZATION_ONBOARDED_ELSEWHERE} findings for the organizations the connector's
   * authorization reaches that another connector of the tenant already onboarded (each can be onboarded once per
   * tenant).
   *
   * @throws NotAuthorizingIdentityException if the caller is not the identity that authorized the connector
   */
  public List<Finding> findOrganizationsOnboardedElsewhere(SecurityConnectorId id) {
    List<Finding> findings = new ArrayList<>();
    for (AzureDevOpsOrg organization : listAvailableAzureDevOpsOrgs(id)) {
      if (organization.onboardingState().filter(OnboardingState.ONBOARDED_BY_OTHER_CONNECTOR::equals).isPresent()) {
        findings.add(Finding.of(FindingCode.ADO_ORGANIZATION_ONBOARDED_ELSEWHERE,
            Finding.organizationSubject(organization.name()),
            "The organization " + organization.name() + " is already onboarded by another connector in this tenant; "
                + "an organization can be onboarded only once per tenant.",
            "Leave it out of this connector, or remove it from the connector that holds it first."));
      }
    }
    return List.copyOf(findings);
  }

  // ------------------------------------------------------------------------------------------------- internals

  /** Writes devops/default (PUT or PATCH), the code only on the wire, and waits for the operation. */
  private DevOpsConfiguration writeDevOps(HttpMethod method, SecurityConnectorId id, Optional<AuthorizationCode> code,
      Optional<AutoDiscovery> autoDiscovery, Optional<List<String>> names, Optional<AgentlessConfiguration> agentless,
      Optional<String> ifMatch) {
    String url = devOpsUrl(id, "");
    Map<String, String> headers = ifMatch.map(etag -> Map.of("If-Match", quote(etag))).orElse(Map.of());
    ArmResponse response;
    if (code.isPresent()) {
      if (code.get().isDestroyed()) {
        throw new IllegalArgumentException("The authorization code was already used and destroyed; authorize again "
            + "in Azure DevOps to get a new one.");
      }
      ObjectNode redacted = ArmModels.devOpsBody(Optional.of(ArmModels.REDACTED), autoDiscovery, names, agentless);
      byte[] secret = Json.bytes(ArmModels.devOpsBody(Optional.of(code.get().reveal()), autoDiscovery, names,
          agentless));
      response = http.sendSecret(method, url, redacted, secret, headers);
    } else {
      response = http.send(method, url, ArmModels.devOpsBody(Optional.empty(), autoDiscovery, names, agentless),
          headers);
    }
    String what = (method == HttpMethod.PUT ? "the creation" : "the update") + " of the DevOps configuration of " + id;
    if (response.status() == 201 || response.status() == 202) {
      poller.await(response, what);
      return getDevOpsConfiguration(id);
    }
    ArmResponse written = response;
    DevOpsConfiguration configuration = read(written,
        json -> ArmModels.devOpsConfiguration(json, written.header("ETag")));
    if (configuration.provisioningState().filter(DevOpsProvisioningState.FAILED::equals).isPresent()) {
      String message = configuration.provisioningStatusMessage().orElse("no reason given");
      throw new ArmOperationFailedException(what.substring(0, 1).toUpperCase(java.util.Locale.ROOT)
          + what.substring(1) + " ended Failed (" + message + "). Check the settings sent and retry.",
          response.detached(), "Failed", null, "Check the settings sent and retry.");
    }
    return configuration.etag().isPresent() ? configuration : getDevOpsConfiguration(id);
  }

  private static String quote(String etag) {
    return etag.equals("*") || etag.startsWith("\"") || etag.startsWith("W/") ? etag : "\"" + etag + "\"";
  }

  private <T> PagedIterable<T> paged(String firstUrl, Function<JsonNode, T> mapper) {
    PageLinks links = new PageLinks();
    return new PagedIterable<>(() -> page(firstUrl, mapper, links), next -> page(next, mapper, links));
  }

  private <T> PagedResponse<T> page(String url, Function<JsonNode, T> mapper, PageLinks links) {
    http.checkSameOrigin(url, "a page link");
    ArmResponse response = http.send(HttpMethod.GET, url, null, Map.of());
    JsonNode json = response.object();
    List<T> items = items(response, json, mapper);
    JsonNode nextLink = json.path("nextLink");
    if (!nextLink.isMissingNode() && !nextLink.isNull() && !nextLink.isTextual()) {
      throw response.malformed("a nextLink that is not a string");
    }
    String next = Json.text(json, "nextLink").orElse(null);
    if (next != null && next.equals(url)) {
      throw new HttpResponseException("Azure Resource Manager returned the same nextLink as the page it answered "
          + "(" + Urls.withoutQuery(url) + "); stopping rather than looping.", response.detached());
    }
    if (links.loopsBack(url, next)) {
      throw new HttpResponseException("Azure Resource Manager returned a nextLink (" + Urls.withoutQuery(next)
          + ") that leads back to a page already read; stopping rather than looping.", response.detached());
    }
    return new PagedResponseBase<Void, T>(response.detached().getRequest(), response.status(),
        response.detached().getHeaders(), items, next, null);
  }

  /** The items of a list answer's {@code value} array, each read by the mapper. */
  private static <T> List<T> items(ArmResponse response, JsonNode json, Function<JsonNode, T> mapper) {
    JsonNode value = json.get("value");
    if (value == null || !value.isArray()) {
      throw response.malformed("a list that has no value array");
    }
    List<T> items = new ArrayList<>(value.size());
    for (JsonNode item : value) {
      if (!item.isObject()) {
        throw response.malformed("a list item that is not an object");
      }
      items.add(mapped(response, item, mapper));
    }
    return items;
  }

  /** A single resource: the body must be a JSON object the mapper can read. */
  private static <T> T read(ArmResponse response, Function<JsonNode, T> mapper) {
    return mapped(response, response.object(), mapper);
  }

  private static <T> T mapped(ArmResponse response, JsonNode json, Function<JsonNode, T> mapper) {
    try {
      return mapper.apply(json);
    } catch (ArmModels.MalformedException e) {
      throw response.malformed(e.getMessage());
    }
  }

  /**
   * The links one listing has followed, page to next page. A nextLink that leads back to a page already read
   * would make the iteration endless, even when it is not the page's own link.
   */
  private static final class PageLinks {
    private final Map<String, String> next = new ConcurrentHashMap<>();

    /** Records the link from {@code url} to {@code nextLink}; whether following the links from there returns to it. */
    boolean loopsBack(String url, String nextLink) {
      if (nextLink == null) {
        next.remove(url);
        return false;
      }
      next.put(url, nextLink);
      String at = nextLink;
      for (int steps = 0; at != null && steps <= next.size(); steps++) {
        if (at.equals(url)) {
          return true;
        }
        at = next.get(at);
      }
      return false;
    }
  }

  private String connectorUrl(SecurityConnectorId id) {
    return http.url(connectorPath(id), serviceVersion.securityConnectorsApiVersion());
  }

  private String devOpsUrl(SecurityConnectorId id, String suffix) {
    return http.url(connectorPath(id) + "/devops/default" + suffix, serviceVersion.devOpsApiVersion());
  }

  private static String connectorPath(SecurityConnectorId id) {
    return groupPath(id.subscription(), id.resourceGroup()) + CONNECTORS + "/" + Urls.segment(id.name().value());
  }

  private static String groupPath(SubscriptionId subscription, ResourceGroupName resourceGroup) {
    return "/subscriptions/" + Urls.segment(subscription.value()) + "/resourceGroups/"
        + Urls.segment(resourceGroup.value());
  }

  private static String orgPath(String organization) {
    return "/azureDevOpsOrgs/" + Urls.segment(requireName(organization, "organization"));
  }

  private static String projectPath(String organization, String project) {
    return orgPath(organization) + "/projects/" + Urls.segment(requireName(project, "project"));
  }

  private static String requireName(String name, String what) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("The " + what + " name is missing.");
    }
    if (name.equals(".") || name.equals("..")) {
      throw new IllegalArgumentException("The " + what + " name \"" + name + "\" is not valid: '.' and '..' would "
          + "change the request's path.");
    }
    return name;
  }

  @Override
  public String toString() {
    return "DefenderConnectorClient[" + endpoint + ", " + serviceVersion + "]";
  }
}
