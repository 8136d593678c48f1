package io.github.devopsconnector.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Azure-side rules of onboarding, as findings with stable codes: the cloud must have DevOps connectors, the
 * caller must be allowed to write connectors in the resource group, the subscription must have registered
 * {@code Microsoft.Security}, and an Azure DevOps organization can be onboarded by only one connector of a tenant.
 * Clients gather the facts (permissions, registration state, onboarding states) and these rules judge them.
 */
public final class AzureRules {

  private AzureRules() {}

  /**
   * The {@link FindingCode#CLOUD_NOT_SUPPORTED} finding for a cloud without DevOps connectors.
   *
   * @param cloud the refused cloud
   * @return the finding
   */
  public static Finding cloudNotSupported(AzureCloud cloud) {
    Objects.requireNonNull(cloud, "cloud");
    return Finding.of(FindingCode.CLOUD_NOT_SUPPORTED, "cloud",
        "Defender for Cloud DevOps connectors are offered only in the Azure commercial cloud, not in "
            + cloud.cliName() + "; no request was sent.",
        "Create the connector in a subscription of the Azure commercial cloud ("
            + AzureCloud.COMMERCIAL.resourceManagerEndpoint() + ").");
  }

  /**
   * The {@link FindingCode#AZURE_PERMISSION_MISSING} finding when the caller cannot write
   * {@code Microsoft.Security/securityConnectors} in the resource group.
   *
   * @param subscription the subscription
   * @param resourceGroup the resource group
   * @param permissions what the caller may do there
   * @return the finding, or empty when the permission is granted
   */
  public static Optional<Finding> writePermission(SubscriptionId subscription, ResourceGroupName resourceGroup,
      AzurePermissions permissions) {
    if (permissions.canWriteSecurityConnectors()) {
      return Optional.empty();
    }
    return Optional.of(Finding.of(FindingCode.AZURE_PERMISSION_MISSING, "resourceGroup",
        "The caller may not create or edit connectors in the resource group " + resourceGroup
            + " of the subscription " + subscription + ": " + AzurePermissions.WRITE_SECURITY_CONNECTORS
            + " is not granted.",
        "Ask an owner of the resource group for the Contributor or Security Admin role on it (Security Reader "
            + "can only read connectors), then sign in again."));
  }

  /**
   * The {@link FindingCode#AZURE_RESOURCE_PROVIDER_NOT_REGISTERED} finding when the subscription has not
   * registered {@code Microsoft.Security}.
   *
   * @param subscription the subscription
   * @param registrationState the provider's {@code registrationState} ({@code Registered}, {@code NotRegistered},
   *     ...)
   * @return the finding, or empty when the state is {@code Registered}
   */
  public static Optional<Finding> securityProviderRegistration(SubscriptionId subscription,
      String registrationState) {
    if ("Registered".equalsIgnoreCase(registrationState)) {
      return Optional.empty();
    }
    return Optional.of(Finding.of(FindingCode.AZURE_RESOURCE_PROVIDER_NOT_REGISTERED, "subscription",
        "The subscription " + subscription + " has not registered the Microsoft.Security resource provider (its "
            + "state is " + registrationState + "), so Azure refuses to create connectors in it.",
        "Run 'az provider register --namespace Microsoft.Security --subscription " + subscription
            + "' (or register it under Subscription > Resource providers in the portal) and wait until it is "
            + "Registered."));
  }

  /**
   * The Azure prerequisites of creating a connector in a resource group: {@link #writePermission} and
   * {@link #securityProviderRegistration}.
   *
   * @param subscription the subscription
   * @param resourceGroup the resource group
   * @param permissions what the caller may do in the resource group
   * @param registrationState the {@code registrationState} of {@code Microsoft.Security} in the subscription
   * @return the findings, in that order
   */
  public static ValidationReport prerequisites(SubscriptionId subscription, ResourceGroupName resourceGroup,
      AzurePermissions permissions, String registrationState) {
    List<Finding> findings = new ArrayList<>();
    writePermission(subscription, resourceGroup, permissions).ifPresent(findings::add);
    securityProviderRegistration(subscription, registrationState).ifPresent(findings::add);
    return ValidationReport.of(findings);
  }

  /**
   * The {@link FindingCode#ADO_ORGANIZATION_ONBOARDED_ELSEWHERE} finding for an organization the connector's
   * authorization reaches that another connector of the tenant onboarded (each can be onboarded once per tenant).
   *
   * @param organization the organization's name as the service gave it
   * @return the finding
   */
  public static Finding onboardedByOtherConnector(String organization) {
    Objects.requireNonNull(organization, "organization");
    return Finding.of(FindingCode.ADO_ORGANIZATION_ONBOARDED_ELSEWHERE, Finding.organizationSubject(organization),
        "The organization " + organization + " is already onboarded by another connector in this tenant; "
            + "an organization can be onboarded only once per tenant.",
        "Leave it out of this connector, or remove it from the connector that holds it first.");
  }
}
