package io.github.devopsconnector.arm;

import io.github.devopsconnector.core.AzureCloud;
import io.github.devopsconnector.core.Finding;
import io.github.devopsconnector.core.FindingCode;
import java.util.Objects;

/**
 * Defender for Cloud DevOps connectors exist only in the Azure commercial cloud; Azure Government and Azure operated
 * by 21Vianet are refused before any request. Carries the {@link FindingCode#CLOUD_NOT_SUPPORTED} finding.
 */
public final class CloudNotSupportedException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final transient Finding finding;
  private final AzureCloud cloud;

  /** The refusal for this cloud. */
  public CloudNotSupportedException(AzureCloud cloud) {
    super(message(Objects.requireNonNull(cloud, "cloud")));
    this.cloud = cloud;
    this.finding = Finding.of(FindingCode.CLOUD_NOT_SUPPORTED, "cloud", getMessage(),
        "Create the connector in a subscription of the Azure commercial cloud (" 
            + AzureCloud.COMMERCIAL.resourceManagerEndpoint() + ").");
  }

  /** The {@link FindingCode#CLOUD_NOT_SUPPORTED} finding. */
  public Finding finding() {
    return finding;
  }

  /** The refused cloud. */
  public AzureCloud cloud() {
    return cloud;
  }

  private static String message(AzureCloud cloud) {
    return "Defender for Cloud DevOps connectors are offered only in the Azure commercial cloud, not in "
        + cloud.cliName() + "; no request was sent.";
  }
}
