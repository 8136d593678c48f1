/**
 * The Azure DevOps REST implementation of the SDK's {@code AzureDevOpsClient} port, built on azure-core and the
 * JDK HTTP client. Build one with {@link io.github.devopsconnector.azuredevops.AzureDevOpsRestClientBuilder}.
 */
module io.github.devopsconnector.azuredevops {
  requires static org.immutables.value.annotations;
  requires transitive io.github.devopsconnector.core;
  requires io.github.devopsconnector.http;
  requires transitive com.azure.core;
  requires com.azure.core.http.jdk.httpclient;
  requires com.fasterxml.jackson.databind;
  requires java.net.http;

  exports io.github.devopsconnector.azuredevops;

  opens io.github.devopsconnector.azuredevops.implementation.models to com.fasterxml.jackson.databind;
}
