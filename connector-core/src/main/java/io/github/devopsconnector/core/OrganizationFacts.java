package io.github.devopsconnector.core;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * What is known about the onboarding user in one Azure DevOps organization. Facts left empty are not checked.
 */
@Value.Immutable
public abstract class OrganizationFacts {

  OrganizationFacts() {}

  /** The organization. */
  public abstract OrganizationName organization();

  /** Whether the user is a Project Collection Administrator (directly or through nested groups). */
  public abstract Optional<Boolean> projectCollectionAdministrator();

  /** The user's access level. */
  public abstract Optional<AccessLevel> accessLevel();

  /** The "Third-party application access via OAuth" policy. */
  @Value.Default
  public OAuthAppAccess oauthAppAccess() {
    return OAuthAppAccess.UNKNOWN;
  }

  /** Why the OAuth policy is {@link OAuthAppAccess#UNKNOWN}, when it is. */
  public abstract Optional<String> oauthAppAccessDetail();

  /** The organization's Microsoft Entra tenant; empty when not known or when it has none (see {@link #tenantless()}). */
  public abstract Optional<TenantId> tenant();

  /**
   * Whether the organization is known to be connected to no Microsoft Entra tenant (backed by Microsoft accounts
   * alone). Such an organization can never be the connector's tenant's ({@code ADO_TENANT_MISMATCH}). Default:
   * false, so that facts without a {@link #tenant()} mean "tenant not known" and leave the tenant check out.
   */
  @Value.Default
  public boolean tenantless() {
    return false;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link OrganizationFacts}. */
  public static final class Builder extends ImmutableOrganizationFacts.Builder {
    Builder() {}
  }
}
