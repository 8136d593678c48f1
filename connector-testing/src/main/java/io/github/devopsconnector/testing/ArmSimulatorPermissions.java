package io.github.devopsconnector.testing;

import io.github.devopsconnector.core.AzurePermissions;
import java.util.List;
import org.immutables.value.Value;

/**
 * One entry of what {@code Microsoft.Authorization/permissions} answers for an identity in the {@link ArmSimulator}:
 * granted actions and the not-actions removed from them, as in an Azure role definition. The factories give the
 * built-in roles that matter for DevOps connectors.
 */
@Value.Immutable
public abstract class ArmSimulatorPermissions {

  ArmSimulatorPermissions() {}

  /** Granted actions; wildcards such as {@code *} or {@code Microsoft.Security/*} allowed. */
  public abstract List<String> actions();

  /** Actions removed from the granted ones. */
  public abstract List<String> notActions();

  /** Permissions with these actions and not-actions. */
  public static ArmSimulatorPermissions of(List<String> actions, List<String> notActions) {
    return ImmutableArmSimulatorPermissions.builder().addAllActions(actions).addAllNotActions(notActions).build();
  }

  /** The built-in Owner role: everything. */
  public static ArmSimulatorPermissions owner() {
    return of(List.of("*"), List.of());
  }

  /** The built-in Contributor role: everything except managing access. */
  public static ArmSimulatorPermissions contributor() {
    return of(List.of("*"), List.of(
        "Microsoft.Authorization/*/Delete",
        "Microsoft.Authorization/*/Write",
        "Microsoft.Authorization/elevateAccess/Action",
        "Microsoft.Blueprint/blueprintAssignments/write",
        "Microsoft.Blueprint/blueprintAssignments/delete",
        "Microsoft.Compute/galleries/share/action",
        "Microsoft.Purview/consents/write",
        "Microsoft.Purview/consents/delete",
        "Microsoft.Resources/deploymentStacks/manageDenySetting/action",
        "Microsoft.Subscription/cancel/action",
        "Microsoft.Subscription/enable/action"));
  }

  /** The built-in Security Admin role: may create and edit connectors. */
  public static ArmSimulatorPermissions securityAdmin() {
    return of(List.of(
        "Microsoft.Authorization/*/read",
        "Microsoft.Authorization/policyAssignments/*",
        "Microsoft.Authorization/policyDefinitions/*",
        "Microsoft.Authorization/policyExemptions/*",
        "Microsoft.Authorization/policySetDefinitions/*",
        "Microsoft.insights/alertRules/*",
        "Microsoft.Management/managementGroups/read",
        "Microsoft.operationalInsights/workspaces/*/read",
        "Microsoft.Resources/deployments/*",
        "Microsoft.Resources/subscriptions/resourceGroups/read",
        "Microsoft.Security/*",
        "Microsoft.IoTSecurity/*",
        "Microsoft.Support/*"), List.of());
  }

  /** The built-in Security Reader role: reads connectors and findings, writes nothing. */
  public static ArmSimulatorPermissions securityReader() {
    return of(List.of(
        "Microsoft.Authorization/*/read",
        "Microsoft.Insights/alertRules/read",
        "Microsoft.operationalInsights/workspaces/*/read",
        "Microsoft.Resources/deployments/*/read",
        "Microsoft.Resources/subscriptions/resourceGroups/read",
        "Microsoft.Security/*/read",
        "Microsoft.IoTSecurity/*/read",
        "Microsoft.Support/*/read",
        "Microsoft.Management/managementGroups/read"), List.of());
  }

  /** The built-in Reader role: reads everything. */
  public static ArmSimulatorPermissions reader() {
    return of(List.of("*/read"), List.of());
  }

  /** Whether this entry grants the action (matched the way Azure does: ignoring case, {@code *} as a wildcard). */
  public final boolean grants(String action) {
    return AzurePermissions.ofActions(actions(), notActions()).isGranted(action);
  }
}
