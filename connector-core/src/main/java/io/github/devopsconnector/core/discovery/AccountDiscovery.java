package io.github.devopsconnector.core.discovery;

import io.github.devopsconnector.core.OrganizationSelection;
import io.github.devopsconnector.core.TenantId;
import io.github.devopsconnector.core.edit.TenantRegistry;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * What {@link GitHubInventoryDiscovery} and {@link GitLabInventoryDiscovery} share: the settings of their builder and
 * the discovery of every selected account under the deadline.
 */
abstract class AccountDiscovery {

  private final Optional<TenantId> tenant;
  private final Optional<TenantRegistry> registry;
  private final DiscoveryOptions options;
  private final Executor executor;

  AccountDiscovery(AccountDiscoveryBuilder<?> builder) {
    this.options = builder.options;
    this.executor = builder.executor;
    this.tenant = builder.tenant;
    this.registry = builder.registry;
  }

  /** Where the runs of this discovery look up who holds an account. */
  final AccountRun.Scope scope() {
    return new AccountRun.Scope(registry, tenant, Optional.empty());
  }

  /** The inventory entries of the selected accounts, read by the run under the options' timeout. */
  final <S, R, E> List<E> discover(AccountRun<?, S, R> run, OrganizationSelection selection,
      AccountRun.Entry<S, R, E> entry, String name) {
    Objects.requireNonNull(selection, "selection");
    return AccountRun.underDeadline(() -> run.discover(selection, entry), options.timeout(), executor, name,
        run.platform());
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "{timeout " + options.timeout() + "}";
  }
}
