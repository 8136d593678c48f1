package io.github.devopsconnector.azuredevops;

import com.azure.core.annotation.ServiceClient;
import io.github.devopsconnector.azuredevops.implementation.AdoCall;
import io.github.devopsconnector.azuredevops.implementation.AzureDevOpsOperations;
import io.github.devopsconnector.core.AccessLevel;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.TenantId;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsOrganization;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsPipeline;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsProject;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsRepository;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsUser;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsClient;
import io.github.devopsconnector.core.ServiceException;
import io.github.devopsconnector.core.azuredevops.OAuthAppAccessStatus;
import io.github.devopsconnector.core.azuredevops.RequestObserver;
import io.github.devopsconnector.core.azuredevops.ResultPage;
import io.github.devopsconnector.http.HttpTransport;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link AzureDevOpsClient} over the Azure DevOps REST API. Build one with {@link AzureDevOpsRestClientBuilder}.
 * Immutable once built and safe to share between threads; requests of one client share its rate-limit pacing,
 * and the per-organization connection data (the user's identity ids and the organization's tenant) is read once
 * and reused.
 *
 * <p>Every method fails with {@link ServiceException}: {@code NOT_FOUND} (404), {@code NOT_AUTHORIZED} (401,
 * 403, or a 203 sign-in page), {@code THROTTLED} (429 after retries, with the service's {@code Retry-After}),
 * {@code TRANSIENT} (5xx after retries, I/O failures, timeouts) or {@code PROTOCOL} (malformed JSON, an unexpected
 * shape or scalar type, a redirect, a continuation token that does not move forward, a body larger than 64 MiB,
 * which is not read to the end). The exception carries the HTTP status, the
 * service's error code ({@code TF400813}, {@code TF200016}, …), a remediation, and the azure-core exception as its
 * cause. Arguments that are null or blank fail with {@link NullPointerException} or
 * {@link IllegalArgumentException} naming the argument; a project named {@code .} or {@code ..} (which would change
 * the request's path) with {@link IllegalArgumentException}.
 *
 * <p><b>Time limits.</b> Every call runs under the builder's call timeout (all attempts, retries and waits) and
 * request timeout (one response body), and fails with {@code TRANSIENT} when one runs out. A call whose thread is
 * interrupted ends at once, its request aborted.
 *
 * <p><b>Closing.</b> The client owns its HTTP connections and threads (made on the first request; none when the
 * HTTP client or pipeline came from the caller). {@link #close()} releases them; calls afterwards fail with
 * {@link IllegalStateException}.
 */
@ServiceClient(builder = AzureDevOpsRestClientBuilder.class)
public final class AzureDevOpsRestClient implements AzureDevOpsClient, AutoCloseable {
  private final AzureDevOpsOperations operations;
  private final AzureDevOpsServiceVersion serviceVersion;
  private final String description;
  private final HttpTransport<AdoCall> transport;
  /** Whether the pipeline is the client's own, whose rate-limit policy reports every request to an observer. */
  private final boolean observable;

  AzureDevOpsRestClient(AzureDevOpsOperations operations, AzureDevOpsServiceVersion serviceVersion,
      String description, HttpTransport<AdoCall> transport, boolean observable) {
    this.operations = operations;
    this.serviceVersion = serviceVersion;
    this.description = description;
    this.transport = transport;
    this.observable = observable;
  }

  /**
   * Releases the client's HTTP connections and threads. Calls in flight fail; later calls fail with
   * {@link IllegalStateException}. Closing twice does nothing more.
   */
  @Override
  public void close() {
    transport.close();
  }

  /**
   * The REST API version the client uses.
   *
   * @return the service version
   */
  public AzureDevOpsServiceVersion getServiceVersion() {
    return serviceVersion;
  }

  /**
   * {@inheritDoc}
   *
   * @throws ServiceException when the profile cannot be read
   */
  @Override
  public AzureDevOpsUser signedInUser() {
    return operations.signedInUser();
  }

  /**
   * {@inheritDoc}
   *
   * <p>Organizations whose name is not a valid Azure DevOps organization name are left out (and logged).
   *
   * @throws ServiceException when the accounts cannot be listed
   */
  @Override
  public List<AzureDevOpsOrganization> organizations(AzureDevOpsUser user) {
    return operations.organizations(user);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Pages hold up to 100 projects. The token is the integer the service sends in
   * {@code X-MS-ContinuationToken}.
   *
   * @throws ServiceException when the page cannot be read, or {@code PROTOCOL} when the service's next token
   *     does not move past {@code continuationToken}
   */
  @Override
  public ResultPage<AzureDevOpsProject> projects(OrganizationName organization, Optional<String> continuationToken) {
    return operations.projects(organization, continuationToken);
  }

  /**
   * {@inheritDoc}
   *
   * @throws ServiceException when the repositories cannot be listed
   */
  @Override
  public List<AzureDevOpsRepository> repositories(OrganizationName organization) {
    return operations.repositories(organization);
  }

  /**
   * {@inheritDoc}
   *
   * @param project the project's name or id
   * @throws ServiceException when the repositories cannot be listed
   */
  @Override
  public List<AzureDevOpsRepository> repositories(OrganizationName organization, String project) {
    return operations.repositories(organization, project);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Pages hold up to 100 pipelines; the token is opaque.
   *
   * @param project the project's name or id
   * @throws ServiceException when the page cannot be read, or {@code PROTOCOL} when the service sends back
   *     the token it was given
   */
  @Override
  public ResultPage<AzureDevOpsPipeline> pipelines(OrganizationName organization, String project,
      Optional<String> continuationToken) {
    return operations.pipelines(organization, project, continuationToken);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Read from the user entitlement of the user's identity ({@code connectionData}); an entitlement whose status
   * is not {@code active} is {@link AccessLevel#NONE}.
   *
   * @throws ServiceException when the entitlement cannot be read ({@code NOT_FOUND} when the user has none)
   */
  @Override
  public AccessLevel accessLevel(OrganizationName organization) {
    return operations.accessLevel(organization);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Finds the group whose principal name is {@code [org]\Project Collection Administrators}, checks direct
   * membership, then walks up the user's group memberships breadth-first, at most 10 levels deep.
   *
   * @throws ServiceException when the graph cannot be read, or {@code PROTOCOL} when the group is missing
   */
  @Override
  public boolean isProjectCollectionAdministrator(OrganizationName organization) {
    return operations.isProjectCollectionAdministrator(organization);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Reads {@code Policy.DisallowOAuthAuthentication} through the undocumented organization policy API:
   * {@code effectiveValue} false is {@code ON}, true is {@code OFF}. Any failure (404, 405, 403, a page that is
   * not JSON, throttling, I/O) is {@code UNKNOWN} with the reason; this method never throws
   * {@link ServiceException}.
   */
  @Override
  public OAuthAppAccessStatus oauthAppAccess(OrganizationName organization) {
    return operations.oauthAppAccess(organization);
  }

  /**
   * {@inheritDoc}
   *
   * <p>The tenant is the GUID in the signed-in identity's descriptor in {@code connectionData}; organizations
   * backed by Microsoft accounts have none.
   *
   * @throws ServiceException when the connection data cannot be read
   */
  @Override
  public Optional<TenantId> organizationTenant(OrganizationName organization) {
    return operations.organizationTenant(organization);
  }

  /**
   * {@inheritDoc}
   *
   * <p>The view shares this client's pipeline, connections, pacing and cached connection data; only the requests
   * sent through the view are reported. A client built with a caller's {@code pipeline(...)} has none of its own
   * policies to report from, so it offers no view (callers then count calls).
   */
  @Override
  public Optional<AzureDevOpsClient> withRequestObserver(RequestObserver observer) {
    Objects.requireNonNull(observer, "observer");
    if (!observable) {
      return Optional.empty();
    }
    AzureDevOpsOperations observed = operations.observedBy(observer);
    // The view's transport owns nothing: closing the view leaves this client open.
    return Optional.of(new AzureDevOpsRestClient(observed, serviceVersion, description, observed.transport(),
        true));
  }

  /**
   * Describes the client: endpoints, service version, kind of credential. Never the credential itself.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return description;
  }
}
