package io.github.devopsconnector.testing;

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
import java.util.Optional;

/** A client whose OAuth policy call fails with 403, as some organizations answer the undocumented policy API. */
final class AzureDevOpsClientWithFailingPolicy implements AzureDevOpsClient {

  private final AzureDevOpsClient delegate;

  AzureDevOpsClientWithFailingPolicy(AzureDevOpsClient delegate) {
    this.delegate = delegate;
  }

  @Override
  public OAuthAppAccessStatus oauthAppAccess(OrganizationName organization) {
    throw AzureDevOpsException.builder(AzureDevOpsException.Kind.NOT_AUTHORIZED, "Forbidden").statusCode(403).build();
  }

  @Override
  public AdoUser signedInUser() {
    return delegate.signedInUser();
  }

  @Override
  public List<AdoOrganization> organizations(AdoUser user) {
    return delegate.organizations(user);
  }

  @Override
  public ResultPage<AdoProject> projects(OrganizationName organization, Optional<String> continuationToken) {
    return delegate.projects(organization, continuationToken);
  }

  @Override
  public List<AdoRepository> repositories(OrganizationName organization) {
    return delegate.repositories(organization);
  }

  @Override
  public List<AdoRepository> repositories(OrganizationName organization, String project) {
    return delegate.repositories(organization, project);
  }

  @Override
  public ResultPage<AdoPipeline> pipelines(OrganizationName organization, String project,
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
