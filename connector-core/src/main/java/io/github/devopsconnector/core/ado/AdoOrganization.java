package io.github.devopsconnector.core.ado;

import io.github.devopsconnector.core.OrganizationName;
import org.immutables.value.Value;

/** An Azure DevOps organization (an "account" in the accounts API). */
@Value.Immutable
public abstract class AdoOrganization {

  AdoOrganization() {}

  /** The organization id ({@code accountId}). */
  public abstract String id();

  /** The organization name ({@code accountName}). */
  public abstract OrganizationName name();

  /** The organization URL ({@code accountUri}). */
  public abstract String url();

  /** An organization. */
  public static AdoOrganization of(String id, OrganizationName name, String url) {
    return ImmutableAdoOrganization.builder().id(id).name(name).url(url).build();
  }
}
