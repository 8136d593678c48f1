package io.github.devopsconnector.testing;

import io.github.devopsconnector.core.DevOpsPlatform;
import io.github.devopsconnector.core.OrganizationName;
import io.github.devopsconnector.core.TenantId;
import io.github.devopsconnector.core.edit.InMemoryTenantRegistry;
import io.github.devopsconnector.core.gitlab.GitLabUser;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A fake GitLab world: the signed-in user, the top-level groups they can see with their access level and plan, and
 * each group's tree of subgroups and projects. Read from an estate file with {@code "platform": "gitLab"}; served by
 * the in-memory GitLab client and the GitLab simulator.
 */
@Value.Immutable
public abstract class GitLabEstate {

  GitLabEstate() {}

  /** The Microsoft Entra tenant of the subscription the connector is created in. */
  public abstract TenantId tenantId();

  /** The signed-in user. */
  public abstract GitLabUser user();

  /** Top-level groups (by path) another connector of the tenant has onboarded. */
  public abstract Set<OrganizationName> onboardedElsewhere();

  /** The top-level groups, in file order. */
  public abstract List<GitLabEstateGroup> groups();

  /** The top-level group with this path (ignoring case). */
  public final Optional<GitLabEstateGroup> group(OrganizationName path) {
    return groups().stream().filter(g -> g.path().equals(path)).findFirst();
  }

  /**
   * A new tenant registry in which every group of {@link #onboardedElsewhere()} is held, as a GitLab group of the
   * estate's tenant, by {@link Estates#ELSEWHERE_CONNECTOR_ID}.
   */
  public final InMemoryTenantRegistry tenantRegistry() {
    InMemoryTenantRegistry registry = new InMemoryTenantRegistry();
    for (OrganizationName group : onboardedElsewhere()) {
      registry.claim(tenantId(), DevOpsPlatform.GITLAB, group, Estates.ELSEWHERE_CONNECTOR_ID);
    }
    return registry;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link GitLabEstate}. */
  public static final class Builder extends ImmutableGitLabEstate.Builder {
    Builder() {}
  }
}
