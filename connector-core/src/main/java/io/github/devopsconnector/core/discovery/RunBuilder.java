package io.github.devopsconnector.core.discovery;

import io.github.devopsconnector.core.azuredevops.AzureDevOpsClient;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * What the builders of {@link InventoryDiscovery} and {@link Preflight} share: the client, the pacing options, the
 * concurrency override and the executor.
 *
 * @param <B> the builder itself, so that every setter returns it
 */
abstract class RunBuilder<B extends RunBuilder<B>> {
  AzureDevOpsClient client;
  Executor executor;
  private DiscoveryOptions options = DiscoveryOptions.defaults();
  private Integer concurrency;

  RunBuilder() {}

  /**
   * The Azure DevOps client, signed in as the user whose organizations are read; required.
   *
   * @param client the client
   * @return this builder
   */
  public B client(AzureDevOpsClient client) {
    this.client = Objects.requireNonNull(client, "client");
    return self();
  }

  /**
   * The pacing options; default {@link DiscoveryOptions#defaults()}.
   *
   * @param options the options
   * @return this builder
   */
  public B options(DiscoveryOptions options) {
    this.options = Objects.requireNonNull(options, "options");
    return self();
  }

  /**
   * The most requests in flight at once (overrides the options' value).
   *
   * @param concurrency 1 to {@value DiscoveryOptions#MAX_CONCURRENCY}
   * @return this builder
   * @throws IllegalArgumentException if it is not between 1 and {@value DiscoveryOptions#MAX_CONCURRENCY}
   */
  public B concurrency(int concurrency) {
    if (concurrency < 1 || concurrency > DiscoveryOptions.MAX_CONCURRENCY) {
      throw new IllegalArgumentException("The concurrency must be between 1 and "
          + DiscoveryOptions.MAX_CONCURRENCY + "; it is " + concurrency + ".");
    }
    this.concurrency = concurrency;
    return self();
  }

  /**
   * Where the work runs; by default each run makes its own pool of at most {@link DiscoveryOptions#concurrency()}
   * daemon threads. The executor given is never shut down.
   *
   * @param executor the executor
   * @return this builder
   */
  public B executor(Executor executor) {
    this.executor = Objects.requireNonNull(executor, "executor");
    return self();
  }

  /** The options with the concurrency override applied. */
  DiscoveryOptions options() {
    return concurrency == null
        ? options
        : DiscoveryOptions.builder().from(options).concurrency(concurrency).build();
  }

  /** The client; an IllegalStateException naming what needs it when none was given. */
  AzureDevOpsClient requireClient(String article, String what) {
    if (client == null) {
      throw new IllegalStateException(article + " " + what + " needs an AzureDevOpsClient: call client(...) first.");
    }
    return client;
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }
}
