package io.github.devopsconnector.testing;

import io.github.devopsconnector.core.DevOpsPlatform;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.TenantId;
import io.github.devopsconnector.core.edit.InMemoryTenantRegistry;
import io.github.devopsconnector.core.github.GitHubUser;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A fake GitHub world: the signed-in user, the owners they can see, the Defender app's installations and the
 * repositories. Read from an estate file with {@code "platform": "gitHub"} ({@link EstateFiles#readGitHub}); served
 * by {@link InMemoryGitHubClient} and {@link GitHubSimulator}.
 */
@Value.Immutable
public abstract class GitHubEstate {

  GitHubEstate() {}

  /** The Microsoft Entra tenant of the subscription the connector is created in. */
  public abstract TenantId tenantId();

  /** The signed-in user. */
  public abstract GitHubUser user();

  /** Owners another connector of the tenant has onboarded. */
  public abstract Set<OrganizationName> onboardedElsewhere();

  /** The owners, in file order. */
  public abstract List<GitHubEstateOwner> owners();

  /** The owner with this login (ignoring case). */
  public final Optional<GitHubEstateOwner> owner(OrganizationName login) {
    return owners().stream().filter(o -> o.login().equals(login)).findFirst();
  }

  /**
   * A new tenant registry in which every owner of {@link #onboardedElsewhere()} is held, as a GitHub owner of the
   * estate's tenant, by {@link Estates#ELSEWHERE_CONNECTOR_ID}.
   */
  public final InMemoryTenantRegistry tenantRegistry() {
    InMemoryTenantRegistry registry = new InMemoryTenantRegistry();
    for (OrganizationName owner : onboardedElsewhere()) {
      registry.claim(tenantId(), DevOpsPlatform.GITHUB, owner, Estates.ELSEWHERE_CONNECTOR_ID);
    }
    return registry;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link GitHubEstate}. */
  public static final class Builder extends ImmutableGitHubEstate.Builder {
    Builder() {}
  }
}
