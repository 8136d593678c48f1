package io.github.devopsconnector.core.discovery;

import io.github.devopsconnector.core.TenantId;
import io.github.devopsconnector.core.edit.TenantRegistry;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * What the builders of {@link GitHubInventoryDiscovery} and {@link GitLabInventoryDiscovery} share: the options,
 * the executor and the tenant registry check.
 *
 * @param <B> the builder itself, so that every setter returns it
 */
abstract class AccountDiscoveryBuilder<B extends AccountDiscoveryBuilder<B>> {
  DiscoveryOptions options = DiscoveryOptions.defaults();
  Executor executor;
  Optional<TenantId> tenant = Optional.empty();
  Optional<TenantRegistry> registry = Optional.empty();

  AccountDiscoveryBuilder() {}

  /**
   * The options; only {@link DiscoveryOptions#timeout()} applies, since requests are sent one at a time. Default
   * {@link DiscoveryOptions#defaults()}.
   *
   * @param options the options
   * @return this builder
   */
  public B options(DiscoveryOptions options) {
    this.options = Objects.requireNonNull(options, "options");
    return self();
  }

  /**
   * Where the work runs; by default a daemon thread of its own per discovery. The executor is never shut down.
   *
   * @param executor the executor
   * @return this builder
   */
  public B executor(Executor executor) {
    this.executor = Objects.requireNonNull(executor, "executor");
    return self();
  }

  /**
   * Also checks, per organization (GitHub owner, GitLab top-level group), whether another connector of the tenant
   * holds it ({@link io.github.devopsconnector.core.FindingCode#GITHUB_OWNER_ONBOARDED_ELSEWHERE},
   * {@link io.github.devopsconnector.core.FindingCode#GITLAB_GROUP_ONBOARDED_ELSEWHERE}).
   *
   * @param tenant the Microsoft Entra tenant of the connector's subscription
   * @param registry which connector of the tenant onboarded which organization
   * @return this builder
   */
  public B checkOnboarding(TenantId tenant, TenantRegistry registry) {
    this.tenant = Optional.of(Objects.requireNonNull(tenant, "tenant"));
    this.registry = Optional.of(Objects.requireNonNull(registry, "registry"));
    return self();
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }
}
