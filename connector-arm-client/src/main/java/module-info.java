/**
 * The Azure Resource Manager side of the DevOps connector SDK: {@code DefenderConnectorClient} creates, reads, edits
 * and deletes Defender for Cloud DevOps connectors on the azure-core HTTP pipeline, checks the Azure prerequisites,
 * and {@code ArmConnectorStore} saves edit sessions to Azure.
 */
module io.github.devopsconnector.arm {
  requires static org.immutables.value.annotations;
  requires transitive io.github.devopsconnector.core;
  // The transport; requiring it reads Jackson too (for the DTOs).
  requires io.github.devopsconnector.http;
  requires transitive com.azure.core;
  requires com.azure.core.http.jdk.httpclient;
  requires java.net.http;

  exports io.github.devopsconnector.arm;
  exports io.github.devopsconnector.arm.models;

  // azure-core creates ExpandableStringEnum values reflectively.
  opens io.github.devopsconnector.arm.models to com.azure.core;
  // The wire DTOs bind through connector-http's strict Jackson mapper.
  opens io.github.devopsconnector.arm.implementation to com.fasterxml.jackson.databind;
}
