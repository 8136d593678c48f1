package io.github.devopsconnector.testing;

import io.github.devopsconnector.core.AccessLevel;
import io.github.devopsconnector.core.OAuthAppAccess;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.TenantId;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.immutables.value.Value;

/** One organization of an {@link Estate}, and the signed-in user's standing in it. */
@Value.Immutable
public abstract class EstateOrganization {

  EstateOrganization() {}

  /** The organization name. */
  public abstract OrganizationName name();

  /** The organization id; by default derived from the name, so estates are reproducible. */
  @Value.Default
  public String id() {
    return UUID.nameUUIDFromBytes(("org:" + name().value().toLowerCase(java.util.Locale.ROOT))
        .getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** The Microsoft Entra tenant the organization is connected to; empty when it is not connected to one. */
  public abstract Optional<TenantId> tenantId();

  /** The user's access level. */
  @Value.Default
  public AccessLevel accessLevel() {
    return AccessLevel.BASIC;
  }

  /** Whether the user is a Project Collection Administrator. */
  @Value.Default
  public boolean projectCollectionAdministrator() {
    return true;
  }

  /** Whether the PCA membership comes through a nested group rather than directly. */
  @Value.Default
  public boolean administratorThroughNestedGroup() {
    return false;
  }

  /** The "Third-party application access via OAuth" policy. */
  @Value.Default
  public OAuthAppAccess oauthThirdPartyAccess() {
    return OAuthAppAccess.ON;
  }

  /** Whether the organization refuses the user altogether (answers 401/404 to every call). */
  @Value.Default
  public boolean accessible() {
    return true;
  }

  /** The projects. */
  public abstract List<EstateProject> projects();

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link EstateOrganization}. */
  public static final class Builder extends ImmutableEstateOrganization.Builder {
    Builder() {}
  }
}
