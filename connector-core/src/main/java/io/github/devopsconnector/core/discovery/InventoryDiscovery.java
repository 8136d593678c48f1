package io.github.devopsconnector.core.discovery;

/** Placeholder: replaced by the discovery implementation. */
public final class InventoryDiscovery {
  private InventoryDiscovery() {}
}
