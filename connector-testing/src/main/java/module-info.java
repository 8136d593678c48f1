/**
 * Test fixtures for integrators of the DevOps connector SDK: estates of Azure DevOps organizations, an in-memory
 * Azure DevOps client, and loopback HTTP simulators of Azure DevOps and Azure Resource Manager. No test-framework
 * dependency.
 */
module io.github.devopsconnector.testing {
  requires static org.immutables.value.annotations;
  requires transitive io.github.devopsconnector.core;
  requires com.fasterxml.jackson.databind;
  requires org.slf4j;
  requires jdk.httpserver;
  // Only ArmSimulator.credential(...) needs it; the users of that method have connector-arm-client, hence azure-core.
  requires static com.azure.core;

  exports io.github.devopsconnector.testing;
  // The estate file DTOs, bound by field.
  opens io.github.devopsconnector.testing to com.fasterxml.jackson.databind;
}
