/**
 * The GitLab REST (v4) implementation of the SDK's {@code GitLabClient} port, on the SDK's shared transport
 * (azure-core and the JDK HTTP client). Build one with {@link io.github.devopsconnector.gitlab.GitLabRestClientBuilder}.
 */
module io.github.devopsconnector.gitlab {
  requires transitive io.github.devopsconnector.core;
  requires io.github.devopsconnector.http;
  requires transitive com.azure.core;
  requires com.azure.core.http.jdk.httpclient;
  requires com.fasterxml.jackson.databind;
  requires java.net.http;

  exports io.github.devopsconnector.gitlab;

  opens io.github.devopsconnector.gitlab.implementation.models to com.fasterxml.jackson.databind;
}
