package io.github.devopsconnector.quality;

import io.github.devopsconnector.core.AccessLevel;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.TenantId;
import io.github.devopsconnector.core.ado.AdoOrganization;
import io.github.devopsconnector.core.ado.AdoPipeline;
import io.github.devopsconnector.core.ado.AdoProject;
import io.github.devopsconnector.core.ado.AdoRepository;
import io.github.devopsconnector.core.ado.AdoUser;
import io.github.devopsconnector.core.ado.AzureDevOpsClient;
import io.github.devopsconnector.core.ado.AzureDevOpsException;
import io.github.devopsconnector.core.ado.OAuthAppAccessStatus;
import io.github.devopsconnector.core.ado.ResultPage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * Passes every call to a real client and records, per organization, each {@link AzureDevOpsException} the client
 * threw: what really failed, independently of what discovery then reports. Thread-safe.
 */
final class RecordingAzureDevOpsClient implements AzureDevOpsClient {

  private final AzureDevOpsClient delegate;
  private final Map<OrganizationName, Queue<AzureDevOpsException>> failures = new ConcurrentHashMap<>();
  private final Queue<AzureDevOpsException> userFailures = new ConcurrentLinkedQueue<>();

  RecordingAzureDevOpsClient(AzureDevOpsClient delegate) {
    this.delegate = delegate;
  }

  /** The exceptions calls about this organization threw, in the order they were thrown. */
  List<AzureDevOpsException> failures(OrganizationName organization) {
    Queue<AzureDevOpsException> recorded = failures.get(organization);
    return recorded == null ? List.of() : List.copyOf(recorded);
  }

  /** Every exception calls about organizations threw. */
  List<AzureDevOpsException> allFailures() {
    return failures.values().stream().flatMap(Queue::stream).toList();
  }

  /** The exceptions of the calls about no organization (the profile and the accounts). */
  List<AzureDevOpsException> userFailures() {
    return List.copyOf(userFailures);
  }

  private <T> T record(OrganizationName organization, Supplier<T> call) {
    try {
      return call.get();
    } catch (AzureDevOpsException e) {
      (organization == null ? userFailures : failures.computeIfAbsent(organization,
          o -> new ConcurrentLinkedQueue<>())).add(e);
      throw e;
    }
  }

  @Override
  public AdoUser signedInUser() {
    return record(null, delegate::signedInUser);
  }

  @Override
  public List<AdoOrganization> organizations(AdoUser user) {
    return record(null, () -> delegate.organizations(user));
  }

  @Override
  public ResultPage<AdoProject> projects(OrganizationName organization, Optional<String> continuationToken) {
    return record(organization, () -> delegate.projects(organization, continuationToken));
  }

  @Override
  public List<AdoRepository> repositories(OrganizationName organization) {
    return record(organization, () -> delegate.repositories(organization));
  }

  @Override
  public List<AdoRepository> repositories(OrganizationName organization, String project) {
    return record(organization, () -> delegate.repositories(organization, project));
  }

  @Override
  public ResultPage<AdoPipeline> pipelines(OrganizationName organization, String project,
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
