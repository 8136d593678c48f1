package io.github.devopsconnector.testing;

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
import java.util.Optional;

/** A client whose OAuth policy call fails with 403, as some organizations answer the undocumented policy API. */
final class AzureDevOpsClientWithFailingPolicy implements AzureDevOpsClient {

  private final AzureDevOpsClient delegate;

  AzureDevOpsClientWithFailingPolicy(AzureDevOpsClient delegate) {
    this.delegate = delegate;
  }

  @Override
  public OAuthAppAccessStatus oauthAppAccess(OrganizationName organization) {
    throw ServiceException.builder(ServiceException.Kind.NOT_AUTHORIZED, "Forbidden").statusCode(403).build();
  }

  @Override
  public AzureDevOpsUser signedInUser() {
    return delegate.signedInUser();
  }

  @Override
  public List<AzureDevOpsOrganization> organizations(AzureDevOpsUser user) {
    return delegate.organizations(user);
  }

  @Override
  public ResultPage<AzureDevOpsProject> projects(OrganizationName organization, Optional<String> continuationToken) {
    return delegate.projects(organization, continuationToken);
  }

  @Override
  public List<AzureDevOpsRepository> repositories(OrganizationName organization) {
    return delegate.repositories(organization);
  }

  @Override
  public List<AzureDevOpsRepository> repositories(OrganizationName organization, String project) {
    return delegate.repositories(organization, project);
  }

  @Override
  public ResultPage<AzureDevOpsPipeline> pipelines(OrganizationName organization, String project,
      Optional<String> continuationToken) {
    return delegate.pipelines(organization, project, continuationToken);
  }

  @Override
  public AccessLevel accessLevel(OrganizationName organization) {
    return delegate.accessLevel(organization);
  }

  @Override
  public boolean isProjectCollectionAdministrator(OrganizationName organization) {
    return delegate.isProjectCollectionAdministrator(organization);
  }

  @Override
  public Optional<TenantId> organizationTenant(OrganizationName organization) {
    return delegate.organizationTenant(organization);
  }
}
