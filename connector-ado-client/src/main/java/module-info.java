/**
 * The Azure DevOps REST implementation of the SDK's {@code AzureDevOpsClient} port, built on azure-core and the
 * JDK HTTP client. Build one with {@link io.github.devopsconnector.azuredevops.AzureDevOpsRestClientBuilder}.
 */
module io.github.devopsconnector.azuredevops {
  requires static org.immutables.value.annotations;
  requires transitive io.github.devopsconnector.core;
  // The transport; requiring it reads Jackson too (for the DTOs), and it owns the JDK HTTP client.
  requires io.github.devopsconnector.http;
  requires transitive com.azure.core;

  exports io.github.devopsconnector.azuredevops;

  opens io.github.devopsconnector.azuredevops.implementation.models to com.fasterxml.jackson.databind;
}
