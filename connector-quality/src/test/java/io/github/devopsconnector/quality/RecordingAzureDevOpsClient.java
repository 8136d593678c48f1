package io.github.devopsconnector.quality;

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
import io.github.devopsconnector.core.azuredevops.ResultPage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * Passes every call to a real client and records, per organization, each {@link ServiceException} the client
 * threw: what really failed, independently of what discovery then reports. Thread-safe.
 */
final class RecordingAzureDevOpsClient implements AzureDevOpsClient {

  private final AzureDevOpsClient delegate;
  private final Map<OrganizationName, Queue<ServiceException>> failures = new ConcurrentHashMap<>();
  private final Queue<ServiceException> userFailures = new ConcurrentLinkedQueue<>();

  RecordingAzureDevOpsClient(AzureDevOpsClient delegate) {
    this.delegate = delegate;
  }

  /** The exceptions calls about this organization threw, in the order they were thrown. */
  List<ServiceException> failures(OrganizationName organization) {
    Queue<ServiceException> recorded = failures.get(organization);
    return recorded == null ? List.of() : List.copyOf(recorded);
  }

  /** Every exception calls about organizations threw. */
  List<ServiceException> allFailures() {
    return failures.values().stream().flatMap(Queue::stream).toList();
  }

  /** The exceptions of the calls about no organization (the profile and the accounts). */
  List<ServiceException> userFailures() {
    return List.copyOf(userFailures);
  }

  private <T> T record(OrganizationName organization, Supplier<T> call) {
    try {
      return call.get();
    } catch (ServiceException e) {
      (organization == null ? userFailures : failures.computeIfAbsent(organization,
          o -> new ConcurrentLinkedQueue<>())).add(e);
      throw e;
    }
  }

  @Override
  public AzureDevOpsUser signedInUser() {
    return record(null, delegate::signedInUser);
  }

  @Override
  public List<AzureDevOpsOrganization> organizations(AzureDevOpsUser user) {
    return record(null, () -> delegate.organizations(user));
  }

  @Override
  public ResultPage<AzureDevOpsProject> projects(OrganizationName organization, Optional<String> continuationToken) {
    return record(organization, () -> delegate.projects(organization, continuationToken));
  }

  @Override
  public List<AzureDevOpsRepository> repositories(OrganizationName organization) {
    return record(organization, () -> delegate.repositories(organization));
  }

  @Override
  public List<AzureDevOpsRepository> repositories(OrganizationName organization, String project) {
    return record(organization, () -> delegate.repositories(organization, project));
  }

  @Override
  public ResultPage<AzureDevOpsPipeline> pipelines(OrganizationName organization, String project,
      Optional<String> continuationToken) {
    return record(organization, () -> delegate.pipelines(organization, project, continuationToken));
  }

  @Override
  public AccessLevel accessLevel(OrganizationName organization) {
    return record(organization, () -> delegate.accessLevel(organization));
  }

  @Override
  public boolean isProjectCollectionAdministrator(OrganizationName organization) {
    return record(organization, () -> delegate.isProjectCollectionAdministrator(organization));
  }

  @Override
  public OAuthAppAccessStatus oauthAppAccess(OrganizationName organization) {
    return record(organization, () -> delegate.oauthAppAccess(organization));
  }

  @Override
  public Optional<TenantId> organizationTenant(OrganizationName organization) {
    return record(organization, () -> delegate.organizationTenant(organization));
  }

  @Override
  public String toString() {
    return "Recording[" + delegate + "]";
  }
}
