/**
 * JUnit 5 and AssertJ support for tests of code that uses the DevOps connector SDK: {@code SimulatorExtension}
 * runs the Azure DevOps and Azure Resource Manager simulators around a test class or a test and injects them with
 * clients built for them; {@code ConnectorAssertions} asserts on validation reports, preflight reports and
 * inventories with failure messages that show the findings.
 */
module io.github.devopsconnector.testing.junit5 {
  requires transitive io.github.devopsconnector.testing;
  requires transitive io.github.devopsconnector.azuredevops;
  requires transitive io.github.devopsconnector.arm;
  requires transitive org.junit.jupiter.api;
  requires transitive org.assertj.core;

  exports io.github.devopsconnector.testing.junit5;
  exports io.github.devopsconnector.testing.assertj;
}
