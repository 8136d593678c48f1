/**
 * The Azure DevOps REST implementation of the SDK's {@code AzureDevOpsClient} port, built on azure-core and the
 * JDK HTTP client. Build one with {@link io.github.devopsconnector.ado.AzureDevOpsClientBuilder}.
 */
module io.github.devopsconnector.ado {
  requires static org.immutables.value.annotations;
  requires transitive io.github.devopsconnector.core;
  requires transitive com.azure.core;
  requires com.azure.core.http.jdk.httpclient;
  requires com.fasterxml.jackson.databind;
  requires java.net.http;

  exports io.github.devopsconnector.ado;

  opens io.github.devopsconnector.ado.implementation.models to com.fasterxml.jackson.databind;
}
