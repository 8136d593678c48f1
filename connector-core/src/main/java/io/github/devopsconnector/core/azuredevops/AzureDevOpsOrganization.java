package io.github.devopsconnector.core.azuredevops;

import io.github.devopsconnector.core.OrganizationName;
import java.util.Optional;
import org.immutables.value.Value;

/** An Azure DevOps organization (an "account" in the accounts API). */
@Value.Immutable
public abstract class AzureDevOpsOrganization {

  AzureDevOpsOrganization() {}

  /** The organization id ({@code accountId}). */
  public abstract String id();

  /** The organization name ({@code accountName}). */
  public abstract OrganizationName name();

  /**
   * The organization URL, where its projects, repositories and pipelines are served:
   * {@code https://dev.azure.com/{organization}} in Azure DevOps Services.
   */
  public abstract String url();

  /**
   * The organization's URL on the identity host, as the accounts API gives it in {@code accountUri}
   * ({@code https://vssps.dev.azure.com/{organization}/} in Azure DevOps Services), when it gave one. Graph and
   * organization policy requests go there; it is not the organization URL.
   */
  public abstract Optional<String> identityUrl();

  /**
   * An organization.
   *
   * @param url the organization URL, such as {@code https://dev.azure.com/fabrikam}
   */
  public static AzureDevOpsOrganization of(String id, OrganizationName name, String url) {
    return ImmutableAzureDevOpsOrganization.builder().id(id).name(name).url(url).build();
  }

  /**
   * An organization with its identity-host URL.
   *
   * @param url the organization URL, such as {@code https://dev.azure.com/fabrikam}
   * @param identityUrl the {@code accountUri} of the accounts API, such as
   *     {@code https://vssps.dev.azure.com/fabrikam/}
   */
  public static AzureDevOpsOrganization of(String id, OrganizationName name, String url, String identityUrl) {
    return ImmutableAzureDevOpsOrganization.builder().id(id).name(name).url(url).identityUrl(identityUrl).build();
  }
}
