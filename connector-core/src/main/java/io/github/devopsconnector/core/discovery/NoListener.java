package io.github.devopsconnector.core.discovery;

/** The listener that does nothing; discovery skips building progress snapshots for it. */
final class NoListener implements DiscoveryListener {
  static final NoListener INSTANCE = new NoListener();

  private NoListener() {}
}
