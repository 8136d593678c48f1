/**
 * The GitHub REST implementation of the SDK's {@code GitHubClient} port, on the SDK's shared transport (azure-core
 * and the JDK HTTP client). Build one with {@link io.github.devopsconnector.github.GitHubRestClientBuilder}.
 */
module io.github.devopsconnector.github {
  requires transitive io.github.devopsconnector.core;
  requires io.github.devopsconnector.http;
  requires transitive com.azure.core;
  requires com.azure.core.http.jdk.httpclient;
  requires com.fasterxml.jackson.databind;
  requires java.net.http;

  exports io.github.devopsconnector.github;

  opens io.github.devopsconnector.github.implementation.models to com.fasterxml.jackson.databind;
}
