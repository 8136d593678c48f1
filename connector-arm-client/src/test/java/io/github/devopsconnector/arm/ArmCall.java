package io.github.devopsconnector.arm;

import io.github.devopsconnector.testsupport.TargetCall;
import io.github.devopsconnector.arm.models.UpdateDevOpsConfigurationOptions;
import io.github.devopsconnector.core.ConnectorId;
import io.github.devopsconnector.arm.models.AutoDiscovery;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Function;

/**
 * The client calls the hostile-response and fuzz tests aim at: the method and decoded path of the request whose
 * answer is spoiled, how to make the call, and a valid answer to it (from the copied ARM examples).
 */
enum ArmCall implements TargetCall {
  CONNECTOR("GET", Paths.CONNECTOR, c -> c.getConnector(Paths.ID)),
  CONNECTORS("GET", Paths.SUBSCRIPTION + "/providers/Microsoft.Security/securityConnectors",
      c -> c.listConnectors(ArmTestSupport.SUBSCRIPTION).stream().toList()),
  DEVOPS_CONFIGURATION("GET", Paths.DEVOPS, c -> c.getDevOpsConfiguration(Paths.ID)),
  OPERATION_RESULT("GET", Paths.OPERATION, c -> c.updateDevOpsConfiguration(Paths.ID,
      UpdateDevOpsConfigurationOptions.builder().autoDiscovery(AutoDiscovery.ENABLED).build())),
  AVAILABLE_ORGS("POST", Paths.DEVOPS + "/listAvailableAzureDevOpsOrgs",
      c -> c.listAvailableAzureDevOpsOrgs(Paths.ID)),
  ORGS("GET", Paths.DEVOPS + "/azureDevOpsOrgs", c -> c.listAzureDevOpsOrgs(Paths.ID).stream().toList()),
  PERMISSIONS("GET", Paths.GROUP + "/providers/Microsoft.Authorization/permissions",
      c -> c.getPermissions(ArmTestSupport.SUBSCRIPTION, ArmTestSupport.RESOURCE_GROUP)),
  PROVIDER("GET", Paths.SUBSCRIPTION + "/providers/Microsoft.Security",
      c -> c.getSecurityProviderRegistration(ArmTestSupport.SUBSCRIPTION));

  final String method;
  final String path;
  final Function<DefenderConnectorClient, Object> invoke;

  ArmCall(String method, String path, Function<DefenderConnectorClient, Object> invoke) {
    this.method = method;
    this.path = path;
    this.invoke = invoke;
  }

  /** The valid answer the tests start from. */
  @Override
  public String validBody() {
    switch (this) {
      case CONNECTOR:
        return example("2024-08-01-preview__GetSecurityConnectorSingleResource_example.json");
      case CONNECTORS:
        return "{\"value\":[" + example("2024-08-01-preview__GetSecurityConnectorSingleResource_example.json")
            + "]}";
      case DEVOPS_CONFIGURATION:
        return example("2025-03-01__GetDevOpsConfigurations_example.json");
      case OPERATION_RESULT:
        return example("2025-03-01__GetDevOpsOperationResultsSucceeded_example.json");
      case AVAILABLE_ORGS:
        return example("2025-03-01__ListAvailableAzureDevOpsOrgs_example.json");
      case ORGS:
        return example("2025-03-01__ListAzureDevOpsOrgs_example.json");
      case PERMISSIONS:
        return "{\"value\":[{\"actions\":[\"Microsoft.Security/*\"],\"notActions\":[],\"dataActions\":[],"
            + "\"notDataActions\":[]}]}";
      case PROVIDER:
        return "{\"id\":\"" + Paths.SUBSCRIPTION + "/providers/Microsoft.Security\",\"namespace\":"
            + "\"Microsoft.Security\",\"registrationState\":\"Registered\"}";
      default:
        return "{}";
    }
  }

  @Override
  public String method() {
    return method;
  }

  @Override
  public String path() {
    return path;
  }

  private static String example(String fixture) {
    return ((ObjectNode) ArmTestSupport.fixture(fixture).at("/responses/200/body")).toString();
  }

  /** Paths the enum's own initializers need (an enum cannot refer to its static fields there). */
  static final class Paths {
    static final ConnectorId ID = ArmTestSupport.id("hostile");
    static final String SUBSCRIPTION = "/subscriptions/" + ArmTestSupport.SUBSCRIPTION.value();
    static final String GROUP = SUBSCRIPTION + "/resourceGroups/" + ArmTestSupport.RESOURCE_GROUP.value();
    static final String CONNECTOR = GROUP + "/providers/Microsoft.Security/securityConnectors/hostile";
    static final String DEVOPS = CONNECTOR + "/devops/default";
    static final String OPERATION = SUBSCRIPTION + "/providers/Microsoft.Security/operationResults/op-1";

    private Paths() {}
  }
}
