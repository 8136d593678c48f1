package io.github.devopsconnector.core;

/** Placeholder: replaced by the validating builder. */
public final class ConnectorBuilder {
  private ConnectorBuilder() {}

  /** Placeholder. */
  public static ConnectorBuilder azureDevOps() {
    return new ConnectorBuilder();
  }

  /** Placeholder. */
  public ConnectorBuilder supportedRegions(java.util.Collection<AzureRegion> regions) {
    return this;
  }
}
