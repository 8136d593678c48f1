package io.github.devopsconnector.arm.implementation;

import io.github.devopsconnector.http.PageGuard;
import io.github.devopsconnector.http.Urls;
import io.github.devopsconnector.arm.models.UpdateDevOpsConfigurationOptions;
import io.github.devopsconnector.core.ConnectorId;
import io.github.devopsconnector.arm.models.SecurityConnector;
import io.github.devopsconnector.arm.models.ResourceProviderRegistration;
import io.github.devopsconnector.arm.models.OnboardingState;
import io.github.devopsconnector.arm.models.DevOpsProvisioningState;
import io.github.devopsconnector.arm.models.DevOpsConfiguration;
import io.github.devopsconnector.arm.models.CreateConnectorOptions;
import io.github.devopsconnector.arm.models.AutoDiscovery;
import io.github.devopsconnector.arm.models.ArmSystemData;
import io.github.devopsconnector.arm.models.ArmError;
import io.github.devopsconnector.arm.models.AuthorizationOutcomeUnknownException;
import io.github.devopsconnector.arm.models.ArmDevOpsConnector;
import io.github.devopsconnector.arm.models.AgentlessConfiguration;
import io.github.devopsconnector.arm.DefenderConnectorServiceVersion;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.exception.ResourceNotFoundException;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.rest.PagedIterable;
import com.azure.core.http.rest.PagedResponse;
import com.azure.core.http.rest.PagedResponseBase;
import com.fasterxml.jackson.core.type.TypeReference;
import io.github.devopsconnector.arm.implementation.ArmDtos.DevOpsConfigurationDto;
import io.github.devopsconnector.arm.implementation.ArmDtos.ChildResourceDto;
import io.github.devopsconnector.arm.implementation.ArmDtos.PageDto;
import io.github.devopsconnector.arm.implementation.ArmDtos.PermissionDto;
import io.github.devopsconnector.arm.implementation.ArmDtos.ProviderDto;
import io.github.devopsconnector.arm.implementation.ArmDtos.SecurityConnectorDto;
import com.azure.core.util.logging.ClientLogger;
import io.github.devopsconnector.core.AuthorizationCode;
import io.github.devopsconnector.core.AzurePermissions;
import io.github.devopsconnector.core.AzureRules;
import io.github.devopsconnector.core.ConnectorValidationException;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.ServiceException.Kind;
import io.github.devopsconnector.core.Connector;
import io.github.devopsconnector.core.Finding;
import io.github.devopsconnector.core.FindingCode;
import io.github.devopsconnector.core.Identity;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.ResourceGroupName;
import io.github.devopsconnector.core.SubscriptionId;
import io.github.devopsconnector.core.ValidationReport;
import java.time.Duration;
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
 * The operations behind {@link io.github.devopsconnector.arm.DefenderConnectorClient}, each method the one of the
 * same name there (where its contract is documented): URL building, paging with loop detection, the writes that
 * carry a one-time code and their read-back, long-running operations, and the mapping of ARM's JSON to the models.
 * Failures stay typed (azure-core exceptions, {@link ArmFailure}, {@link TransportFailure}) inside a call and become
 * {@code ServiceException}s when it ends ({@link ArmHttp#call}).
 */
public final class DefenderConnectorOperations implements AutoCloseable {

  private static final String CONNECTORS = "/providers/Microsoft.Security/securityConnectors";
  private static final ClientLogger LOGGER = new ClientLogger(DefenderConnectorOperations.class);
  private static final Set<String> TOKEN_ERROR_CODES = Set.of("authenticationfailed", "invalidauthenticationtoken",
      "expiredauthenticationtoken", "invalidauthenticationtokenaudience", "invalidauthenticationtokentenant");

  private static final String PAGING_REMEDIATION = "The service broke the paging protocol; retry later, and if it "
      + "persists report it with the response's x-ms-request-id. A larger maxPages on the client builder helps only "
      + "when the listing is truly that long.";

  private static final TypeReference<PageDto<SecurityConnectorDto>> CONNECTOR_PAGE = new TypeReference<>() {};
  private static final TypeReference<PageDto<PermissionDto>> PERMISSION_PAGE = new TypeReference<>() {};

  private final ArmHttp http;
  private final OperationPoller poller;
  private final DefenderConnectorServiceVersion serviceVersion;
  private final String endpoint;
  private final int maxPages;

  private final com.azure.core.credential.TokenCredential credential;

  /** Operations over this transport and poller, with these api-versions and limits. */
  public DefenderConnectorOperations(ArmHttp http, OperationPoller poller,
      DefenderConnectorServiceVersion serviceVersion, String endpoint, int maxPages,
      com.azure.core.credential.TokenCredential credential) {
    this.maxPages = maxPages;
    this.credential = credential;
    this.http = http;
    this.poller = poller;
    this.serviceVersion = serviceVersion;
    this.endpoint = endpoint;
  }



  /** As {@code DefenderConnectorClient}'s method of the same name. */
  public Identity getSignedInIdentity() {
    com.azure.core.credential.AccessToken token = credential.getTokenSync(
        new com.azure.core.credential.TokenRequestContext().addScopes(
            ArmPipelines.ARM_SCOPE));
    return TokenClaims.identity(token == null ? null : token.getToken())
        .orElseThrow(() -> new IllegalStateException("The credential's token for Azure Resource Manager is not a "
            + "Microsoft Entra access token with an object id (oid) claim; give the signed-in identity yourself "
            + "(Identity.builder()) with its object id, user principal name or application id."));
  }

  // ------------------------------------------------------------------------------------------------------ create

  /** As {@code DefenderConnectorClient}'s method of the same name. */
  public ArmDevOpsConnector createConnector(CreateConnectorOptions options) {
    Objects.requireNonNull(options, "options");
    AuthorizationCode code = options.authorization();
    // Destroyed however the call ends, also when it never starts (a closed client).
    try {
      return http.call(() -> {
        Connector connector = options.connector();
        if (!connector.cloud().supportsDevOpsConnectors()) {
          throw new ConnectorValidationException(ValidationReport.of(
              List.of(AzureRules.cloudNotSupported(connector.cloud()))));
        }
        if (code.isDestroyed()) {
          throw new IllegalArgumentException("The authorization code was already used and destroyed; authorize again "
              + "in Azure DevOps to get a new one.");
        }
        ConnectorId id = ConnectorId.of(connector);
        SecurityConnectorDto body = ArmModels.connectorBody(connector.region().name(),
            options.hierarchyIdentifier().orElseGet(() -> UUID.randomUUID().toString()),
            connector.platform().armEnvironmentName(), connector.platform().armEnvironmentType(),
            connector.offerings(), options.tags());
        checkVersion(options.agentlessConfiguration());
        ArmResponse put = http.send(HttpMethod.PUT, connectorUrl(id), body, Map.of());
        SecurityConnector resource = read(put, SecurityConnectorDto.class, json -> ArmModels.securityConnector(json, put.header("ETag")));

        OrganizationSelection selection = connector.organizations();
        Optional<AutoDiscovery> autoDiscovery = Optional.of(selection.autoDiscovery() ? AutoDiscovery.ENABLED
            : AutoDiscovery.DISABLED);
        Optional<List<String>> names;
        switch (selection.kind()) {
          case EXPLICIT:
            names = Optional.of(names(selection.organizations()));
            break;
          case ALL_EXISTING:
            // As the specification's CreateOrUpdateDevOpsConfigurationsOnboardCurrentOnly example: autoDiscovery
            // Disabled and no list onboards the organizations that exist now, in the one write that exchanges the code.
            names = options.existingOrganizations().isEmpty() ? Optional.empty()
                : Optional.of(names(options.existingOrganizations()));
            break;
          default:
            names = Optional.empty();
            break;
        }
        // A connector ARM just created (201) has no configuration yet; otherwise one may exist and be replaced.
        DevOpsConfiguration devOps = writeDevOps(HttpMethod.PUT, id, Optional.of(code), autoDiscovery, names,
            options.agentlessConfiguration(), Optional.empty(), put.status() == 201);
        return ArmDevOpsConnector.of(resource, devOps);
      });
    } finally {
      code.destroy();
    }
  }

  private static List<String> names(List<OrganizationName> organizations) {
    return organizations.stream().map(OrganizationName::value).collect(Collectors.toList());
  }

  // -------------------------------------------------------------------------------------------------------- read

  /** As {@code DefenderConnectorClient}'s method of the same name. */
  public SecurityConnector getConnector(ConnectorId id) {
    Objects.requireNonNull(id, "id");
    return http.call(() -> {
      ArmResponse response = http.send(HttpMethod.GET, connectorUrl(id), null, Map.of());
      return read(response, SecurityConnectorDto.class, json -> ArmModels.securityConnector(json, response.header("ETag")));
    });
  }

  /** As {@code DefenderConnectorClient}'s method of the same name. */
  public ArmDevOpsConnector getDevOpsConnector(ConnectorId id) {
    return http.call(() -> ArmDevOpsConnector.of(getConnector(id), getDevOpsConfiguration(id)));
  }

  /** As {@code DefenderConnectorClient}'s method of the same name. */
  public PagedIterable<SecurityConnector> listConnectors(SubscriptionId subscription) {
    Objects.requireNonNull(subscription, "subscription");
    String first = http.url("/subscriptions/" + Urls.segment(subscription.value()) + CONNECTORS,
        serviceVersion.securityConnectorsApiVersion());
    return paged(first, "the security connectors of " + subscription, CONNECTOR_PAGE,
        json -> ArmModels.securityConnector(json, Optional.empty()), SecurityConnectorDto::id);
  }

  /** As {@code DefenderConnectorClient}'s method of the same name. */
  public PagedIterable<SecurityConnector> listConnectors(SubscriptionId subscription,
      ResourceGroupName resourceGroup) {
    Objects.requireNonNull(subscription, "subscription");
    Objects.requireNonNull(resourceGroup, "resourceGroup");
    String first = http.url(groupPath(subscription, resourceGroup) + CONNECTORS,
        serviceVersion.securityConnectorsApiVersion());
    return paged(first, "the security connectors of " + subscription + "/" + resourceGroup, CONNECTOR_PAGE,
        json -> ArmModels.securityConnector(json, Optional.empty()), SecurityConnectorDto::id);
  }

  /** As {@code DefenderConnectorClient}'s method of the same name. */
  public DevOpsConfiguration getDevOpsConfiguration(ConnectorId id) {
    Objects.requireNonNull(id, "id");
    return http.call(() -> {
      ArmResponse response = http.send(HttpMethod.GET, devOpsUrl(id, ""), null, Map.of());
      return read(response, DevOpsConfigurationDto.class, json -> ArmModels.devOpsConfiguration(json, response.header("ETag")));
    });
  }

  // -------------------------------------------------------------------------------------------------- inventory

  /**
   * Every item of one kind of resource under the connector's DevOps configuration, all pages, fetched as the
   * iteration reaches them ({@code GET}, each {@code nextLink} with {@code GET}).
   *
   * @param id the connector
   * @param inventory what to list
   * @param parents the names of the items above it ({@code organization}, then {@code project}, ...)
   * @return the items
   * @throws IllegalArgumentException if a name is missing or would change the path
   */
  public <D extends ChildResourceDto, T> PagedIterable<T> list(ConnectorId id, ArmInventory<D, T> inventory,
      String... parents) {
    Objects.requireNonNull(id, "id");
    String url = devOpsUrl(id, inventory.path(parents));
    return paged(url, listing(id, inventory, parents), inventory.pageType(), inventory.mapper(), ChildResourceDto::id);
  }

  /**
   * One item, by the names of the items above it and its own.
   *
   * @throws IllegalArgumentException if a name is missing or would change the path (nothing is sent)
   */
  public <D extends ChildResourceDto, T> T get(ConnectorId id, ArmInventory<D, T> inventory, String... names) {
    Objects.requireNonNull(id, "id");
    return http.call(() -> read(http.send(HttpMethod.GET, devOpsUrl(id, inventory.path(names)), null, Map.of()),
        inventory.type(), inventory.mapper()));
  }

  /**
   * Every item an action answers ({@code listAvailable...}, {@code listSubgroups}): the first page is a POST, and the
   * response's nextLink is read with GET, as every ARM nextLink.
   *
   * @throws IllegalArgumentException if a name is missing or would change the path (nothing is sent)
   */
  public <D extends ChildResourceDto, T> List<T> listByAction(ConnectorId id, ArmInventory<D, T> inventory,
      String... parents) {
    Objects.requireNonNull(id, "id");
    return http.call(() -> {
      String what = listing(id, inventory, parents);
      PageState state = new PageState(what, maxPages);
      List<T> items = new ArrayList<>();
      PagedResponse<T> page = firstActionPage(devOpsUrl(id, inventory.path(parents)), what, inventory, state);
      items.addAll(page.getValue());
      while (page.getContinuationToken() != null) {
        page = page(HttpMethod.GET, page.getContinuationToken(), inventory.pageType(), inventory.mapper(),
            ChildResourceDto::id, state);
        items.addAll(page.getValue());
      }
      return List.copyOf(items);
    });
  }

  private static String listing(ConnectorId id, ArmInventory<?, ?> inventory, String... parents) {
    return "the " + inventory.description() + " of " + (parents.length == 0 ? "" : String.join("/", parents) + " in ")
        + id;
  }

  private <D extends ChildResourceDto, T> PagedResponse<T> firstActionPage(String url, String what,
      ArmInventory<D, T> inventory, PageState state) {
    try {
      return page(HttpMethod.POST, url, inventory.pageType(), inventory.mapper(), ChildResourceDto::id, state);
    } catch (HttpResponseException e) {
      ArmError error = e.getValue() instanceof ArmError ? (ArmError) e.getValue() : null;
      // A bad or expired ARM token is an ordinary authentication failure; any other 401 here means the caller's
      // identity is not the one whose DevOps authorization the connector holds.
      boolean tokenProblem = error != null && TOKEN_ERROR_CODES.contains(error.code().toLowerCase(Locale.ROOT));
      if (e.getResponse() != null && e.getResponse().getStatusCode() == 401 && !tokenProblem) {
        throw new ArmFailure(Kind.NOT_AUTHORIZED, "Azure Resource Manager answered HTTP 401 ("
            + (error == null ? "Unauthorized" : ArmErrors.clipped(error.code(), 100)) + ") to listing " + what
            + ": the caller is not the identity that authorized the connector.",
            ArmErrors.NOT_AUTHORIZING_IDENTITY_REMEDIATION, e.getResponse(), error, null);
      }
      throw e;
    }
  }

  // ------------------------------------------------------------------------------------------------------- edit

  /** As {@code DefenderConnectorClient}'s method of the same name. */
  public DevOpsConfiguration updateDevOpsConfiguration(ConnectorId id,
      UpdateDevOpsConfigurationOptions options) {
    Objects.requireNonNull(options, "options");
    // Destroyed however the call ends, also when it never starts (a closed client).
    try {
      Objects.requireNonNull(id, "id");
      return http.call(() -> writeDevOps(HttpMethod.PATCH, id, options.authorization(), options.autoDiscovery(),
          options.topLevelInventoryList(), options.agentlessConfiguration(), options.ifMatch(), false));
    } finally {
      options.authorization().ifPresent(AuthorizationCode::destroy);
    }
  }

  /** As {@code DefenderConnectorClient}'s method of the same name. */
  public void deleteDevOpsConfiguration(ConnectorId id) {
    Objects.requireNonNull(id, "id");
    http.call(() -> {
      ArmResponse response;
      try {
        response = http.send(HttpMethod.DELETE, devOpsUrl(id, ""), null, Map.of());
      } catch (ResourceNotFoundException gone) {
        return null;
      }
      if (response.status() == 202) {
        poller.await(response, "the delete of the DevOps configuration of " + id);
      }
      return null;
    });
  }

  /** As {@code DefenderConnectorClient}'s method of the same name. */
  public void deleteConnector(ConnectorId id) {
    http.call(() -> {
      deleteDevOpsConfiguration(id);
      http.send(HttpMethod.DELETE, connectorUrl(id), null, Map.of());
      return null;
    });
  }

  // --------------------------------------------------------------------------------------------------- preflight

  /** As {@code DefenderConnectorClient}'s method of the same name. */
  public AzurePermissions getPermissions(SubscriptionId subscription, ResourceGroupName resourceGroup) {
    return http.call(() -> {
      Objects.requireNonNull(subscription, "subscription");
      Objects.requireNonNull(resourceGroup, "resourceGroup");
      String url = http.url(groupPath(subscription, resourceGroup) + "/providers/Microsoft.Authorization/permissions",
          serviceVersion.permissionsApiVersion());
      List<PermissionDto> entries = new ArrayList<>();
      paged(url, "the permissions in " + resourceGroup, PERMISSION_PAGE, ArmModels::permission, entry -> null)
          .forEach(entries::add);
      return ArmModels.permissions(entries);
    });
  }

  /** As {@code DefenderConnectorClient}'s method of the same name. */
  public ResourceProviderRegistration getSecurityProviderRegistration(SubscriptionId subscription) {
    Objects.requireNonNull(subscription, "subscription");
    String url = http.url("/subscriptions/" + Urls.segment(subscription.value()) + "/providers/Microsoft.Security",
        serviceVersion.providersApiVersion());
    return http.call(() -> read(http.send(HttpMethod.GET, url, null, Map.of()), ProviderDto.class,
        json -> ArmModels.providerRegistration(json, "Microsoft.Security")));
  }

  /** As {@code DefenderConnectorClient}'s method of the same name. */
  public ValidationReport checkAzurePrerequisites(SubscriptionId subscription, ResourceGroupName resourceGroup) {
    return http.call(() -> AzureRules.prerequisites(subscription, resourceGroup,
        getPermissions(subscription, resourceGroup),
        getSecurityProviderRegistration(subscription).registrationState()));
  }

  /** As {@code DefenderConnectorClient}'s method of the same name. */
  public List<Finding> findOrganizationsOnboardedElsewhere(ConnectorId id) {
    return listByAction(id, ArmInventory.AVAILABLE_AZURE_DEVOPS_ORGS).stream()
        .filter(organization -> organization.onboardingState()
            .filter(OnboardingState.ONBOARDED_BY_OTHER_CONNECTOR::equals).isPresent())
        .map(organization -> AzureRules.onboardedByOtherConnector(organization.name()))
        .collect(Collectors.toUnmodifiableList());
  }

  // ------------------------------------------------------------------------------------------------- internals

  /** Writes devops/default (PUT or PATCH), the code only on the wire, and waits for the operation. */
  private DevOpsConfiguration writeDevOps(HttpMethod method, ConnectorId id, Optional<AuthorizationCode> code,
      Optional<AutoDiscovery> autoDiscovery, Optional<List<String>> names, Optional<AgentlessConfiguration> agentless,
      Optional<String> ifMatch, boolean knownAbsent) {
    checkVersion(agentless);
    String url = devOpsUrl(id, "");
    Map<String, String> headers = ifMatch.map(etag -> Map.of("If-Match", quote(etag))).orElse(Map.of());
    String what = (method == HttpMethod.PUT ? "the creation" : "the update") + " of the DevOps configuration of " + id;
    ArmResponse response;
    if (code.isPresent()) {
      if (code.get().isDestroyed()) {
        throw new IllegalArgumentException("The authorization code was already used and destroyed; authorize again "
            + "in Azure DevOps to get a new one.");
      }
      // What the configuration looked like before, to tell after an ambiguous failure whether the write landed.
      Optional<DevOpsConfiguration> before = knownAbsent ? Optional.empty() : findDevOpsConfiguration(id);
      DevOpsConfigurationDto redacted = ArmModels.devOpsBody(Optional.of(ArmModels.REDACTED), autoDiscovery, names, agentless);
      byte[] secret = io.github.devopsconnector.http.Json.bytes(ArmModels.devOpsBody(Optional.of(code.get().reveal()), autoDiscovery, names,
          agentless));
      try {
        response = http.sendSecret(method, url, redacted, secret, headers);
      } catch (AmbiguousWriteException ambiguous) {
        return settle(id, before, ambiguous.failure(), what);
      }
    } else {
      response = http.send(method, url, ArmModels.devOpsBody(Optional.empty(), autoDiscovery, names, agentless),
          headers);
    }
    if (response.status() == 201 || response.status() == 202) {
      poller.await(response, what);
      return getDevOpsConfiguration(id);
    }
    ArmResponse written = response;
    DevOpsConfiguration configuration = read(written, DevOpsConfigurationDto.class,
        json -> ArmModels.devOpsConfiguration(json, written.header("ETag")));
    if (configuration.provisioningState().filter(DevOpsProvisioningState.FAILED::equals).isPresent()) {
      String message = configuration.provisioningStatusMessage().orElse("no reason given");
      throw new ArmFailure(Kind.OPERATION_FAILED, capitalized(what) + " ended Failed (" + message + ").",
          "Check the settings sent and retry.", response.detached(), null, null);
    }
    return configuration;
  }

  /** The configuration, or empty when it does not exist. */
  private Optional<DevOpsConfiguration> findDevOpsConfiguration(ConnectorId id) {
    try {
      return Optional.of(getDevOpsConfiguration(id));
    } catch (ResourceNotFoundException absent) {
      return Optional.empty();
    }
  }

  /**
   * After a write carrying a code failed ambiguously: reads the configuration back (polling while it is still
   * being provisioned, within the poll timeout) and says what is known. The code is not sent again.
   */
  private DevOpsConfiguration settle(ConnectorId id, Optional<DevOpsConfiguration> before,
      RuntimeException failure, String what) {
    Duration spent = Duration.ZERO;
    while (true) {
      ArmResponse read;
      try {
        read = http.send(HttpMethod.GET, devOpsUrl(id, ""), null, Map.of());
      } catch (ResourceNotFoundException absent) {
        throw unknown(id, what, failure, "the configuration does not exist");
      } catch (RuntimeException readFailure) {
        failure.addSuppressed(readFailure);
        throw unknown(id, what, failure, "reading it back failed too");
      }
      DevOpsConfiguration now = read(read, DevOpsConfigurationDto.class, json -> ArmModels.devOpsConfiguration(json, read.header("ETag")));
      if (!changedSince(before, now)) {
        throw unknown(id, what, failure, "the configuration shows no change");
      }
      String state = now.provisioningState().map(DevOpsProvisioningState::toString).orElse("");
      if (state.equalsIgnoreCase("Succeeded")) {
        LOGGER.atInfo().log("A write carrying an authorization code failed ambiguously, but it took effect.");
        return now;
      }
      if (state.equalsIgnoreCase("Failed") || state.equalsIgnoreCase("Canceled")) {
        String message = now.provisioningStatusMessage().orElse("no reason given");
        if (message.toLowerCase(Locale.ROOT).contains("token") || message.toLowerCase(Locale.ROOT).contains("exchange")) {
          throw new ArmFailure(Kind.NOT_AUTHORIZED, capitalized(what) + " reached Azure but the code exchange failed ("
              + ArmErrors.clipped(message, 300) + ").", ArmErrors.TOKEN_EXCHANGE_REMEDIATION, read.detached(),
              ArmError.of(ArmErrors.TOKEN_EXCHANGE_FAILED, ArmErrors.clipped(message, 300)), null);
        }
        throw new ArmFailure(Kind.OPERATION_FAILED, capitalized(what) + " reached Azure and ended " + state + " ("
            + ArmErrors.clipped(message, 300) + "). Check the settings sent, authorize again and retry.",
            "Check the settings sent, authorize again in Azure DevOps and retry.", read.detached(), null, null);
      }
      if (spent.plus(poller.pauseCost()).compareTo(poller.timeout()) > 0) {
        throw unknown(id, what, failure, "it was still " + ArmErrors.clipped(state, 50) + " when the poll timeout ran out");
      }
      poller.pause(what);
      spent = spent.plus(poller.pauseCost());
    }
  }

  private static boolean changedSince(Optional<DevOpsConfiguration> before, DevOpsConfiguration now) {
    if (before.isEmpty()) {
      return true;
    }
    DevOpsConfiguration then = before.get();
    return !Objects.equals(then.etag(), now.etag())
        || !Objects.equals(then.provisioningStatusUpdateTime(), now.provisioningStatusUpdateTime())
        || !Objects.equals(then.systemData().flatMap(ArmSystemData::lastModifiedAt),
            now.systemData().flatMap(ArmSystemData::lastModifiedAt))
        || !Objects.equals(then.provisioningState(), now.provisioningState());
  }

  private static AuthorizationOutcomeUnknownException unknown(ConnectorId id, String what,
      RuntimeException failure, String why) {
    RuntimeException reported = ArmErrors.toServiceException(failure);
    Kind kind = reported instanceof ServiceException ? ((ServiceException) reported).kind() : Kind.TRANSIENT;
    AuthorizationOutcomeUnknownException.Builder builder = AuthorizationOutcomeUnknownException.builder(kind,
        capitalized(what) + " failed after it was sent (" + ArmErrors.clipped(String.valueOf(failure.getMessage()),
            300) + "), and reading it back did not settle whether the one-time code was exchanged: " + why + ".",
        id);
    builder.service(ArmErrors.SERVICE).cause(reported);
    return builder.build();
  }

  private static String capitalized(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  /** Refuses, before anything is sent, what the client's service version does not have. */
  private void checkVersion(Optional<AgentlessConfiguration> agentless) {
    if (agentless.isPresent() && !serviceVersion.hasAgentlessConfiguration()) {
      throw new IllegalArgumentException("Agentless scanning (agentlessConfiguration) is not part of api-version "
          + serviceVersion.devOpsApiVersion() + "; build the client with DefenderConnectorServiceVersion.V2025_03_01 "
          + "or later to set it. Nothing was sent.");
    }
  }

  private static String quote(String etag) {
    return etag.equals("*") || etag.startsWith("\"") || etag.startsWith("W/") ? etag : "\"" + etag + "\"";
  }

  private <D, T> PagedIterable<T> paged(String firstUrl, String listing, TypeReference<PageDto<D>> type,
      Function<D, T> mapper, Function<D, String> idOf) {
    PageState state = new PageState(listing, maxPages);
    return new PagedIterable<>(
        () -> http.call(() -> page(HttpMethod.GET, firstUrl, type, mapper, idOf, state.reset())),
        next -> http.call(() -> page(HttpMethod.GET, next, type, mapper, idOf, state)));
  }

  private <D, T> PagedResponse<T> page(HttpMethod method, String url, TypeReference<PageDto<D>> type,
      Function<D, T> mapper, Function<D, String> idOf, PageState state) {
    http.checkSameOrigin(url, "a page link");
    ArmResponse response = http.send(method, url, null, Map.of());
    PageDto<D> page = response.decode(type);
    if (page.value() == null) {
      throw response.malformed("a list that has no value array");
    }
    List<T> items = new ArrayList<>(page.value().size());
    List<String> ids = new ArrayList<>(page.value().size());
    for (D item : page.value()) {
      if (item == null) {
        throw response.malformed("a list item that is not an object");
      }
      items.add(mapped(response, item, mapper));
      ids.add(idOf.apply(item));
    }
    String next = page.nextLink() == null || page.nextLink().isBlank() ? null : page.nextLink();
    state.check(response, url, next, ids);
    return new PagedResponseBase<Void, T>(response.detached().getRequest(), response.status(),
        response.detached().getHeaders(), items, next, null);
  }

  /** A single resource: the body must bind to the DTO and the mapper must find what the API promises. */
  private static <D, T> T read(ArmResponse response, Class<D> type, Function<D, T> mapper) {
    return mapped(response, response.decode(type), mapper);
  }

  private static <D, T> T mapped(ArmResponse response, D dto, Function<D, T> mapper) {
    try {
      return mapper.apply(dto);
    } catch (ArmModels.MalformedException e) {
      throw response.malformed(e.getMessage());
    }
  }

  /**
   * What one listing has seen: its pages, the links from page to page, and the ids of its items. A listing ends
   * with a {@code PROTOCOL} failure instead of running forever when a nextLink leads back to a page already read,
   * a page repeats an item already seen, or it has more pages than the client follows.
   */
  private static final class PageState {
    private final String listing;
    private final int maxPages;
    private PageGuard guard;

    PageState(String listing, int maxPages) {
      this.listing = listing;
      this.maxPages = maxPages;
      this.guard = new PageGuard(maxPages);
    }

    /** Starts over: each iteration of a listing begins with its first page. */
    synchronized PageState reset() {
      guard = new PageGuard(maxPages);
      return this;
    }

    synchronized void check(ArmResponse response, String url, String nextLink, List<String> ids) {
      Optional<PageGuard.Problem> problem = guard.page(url, nextLink);
      int count = guard.pages();
      if (problem.filter(PageGuard.Problem.POINTS_TO_ITSELF::equals).isPresent()) {
        throw protocol(response, "returned the same nextLink as the page it answered (" + Urls.withoutQuery(url)
            + ")");
      }
      if (problem.filter(PageGuard.Problem.LOOPS_BACK::equals).isPresent()) {
        throw protocol(response, "returned a nextLink (" + Urls.withoutQuery(nextLink) + ") that leads back to a "
            + "page already read");
      }
      for (String id : ids) {
        Optional<String> itemId = Optional.ofNullable(id).filter(v -> !v.isBlank())
            .map(v -> v.toLowerCase(Locale.ROOT));
        if (itemId.isPresent() && !guard.newItem(itemId.get())) {
          throw protocol(response, "returned an item already seen in this listing ("
              + ArmErrors.clipped(itemId.get(), 200) + ") on page " + count);
        }
      }
      if (problem.filter(PageGuard.Problem.TOO_MANY_PAGES::equals).isPresent()) {
        throw protocol(response, "still had a nextLink after " + count + " pages, the most the client follows "
            + "(maxPages)");
      }
    }

    private ArmFailure protocol(ArmResponse response, String what) {
      return new ArmFailure(Kind.PROTOCOL, "Azure Resource Manager " + what + " while listing " + listing + " ("
          + response.detached().getRequest().getHttpMethod() + " "
          + Urls.withoutQuery(response.detached().getRequest().getUrl().toString()) + "); stopping rather than "
          + "looping.", PAGING_REMEDIATION, response.detached(), null, null);
    }
  }

  private String connectorUrl(ConnectorId id) {
    return http.url(connectorPath(id), serviceVersion.securityConnectorsApiVersion());
  }

  private String devOpsUrl(ConnectorId id, String suffix) {
    return http.url(connectorPath(id) + "/devops/default" + suffix, serviceVersion.devOpsApiVersion());
  }

  private static String connectorPath(ConnectorId id) {
    return groupPath(id.subscription(), id.resourceGroup()) + CONNECTORS + "/" + Urls.segment(id.name().value());
  }

  private static String groupPath(SubscriptionId subscription, ResourceGroupName resourceGroup) {
    return "/subscriptions/" + Urls.segment(subscription.value()) + "/resourceGroups/"
        + Urls.segment(resourceGroup.value());
  }

  /** As {@code DefenderConnectorClient}'s method of the same name. */
  @Override
  public void close() {
    http.close();
  }

  @Override
  public String toString() {
    return "DefenderConnectorOperations[" + endpoint + ", " + serviceVersion + "]";
  }
}
