/**
 * GitLab for the DevOps Connector SDK: {@link io.github.devopsconnector.gitlab.GitLabRestClient}, the REST (v4)
 * implementation of core's {@code GitLabClient} port, built by
 * {@link io.github.devopsconnector.gitlab.GitLabRestClientBuilder} on the SDK's shared transport.
 */
module io.github.devopsconnector.gitlab {
  requires transitive io.github.devopsconnector.core;
  requires transitive com.azure.core;
  requires io.github.devopsconnector.http;
  requires com.fasterxml.jackson.databind;

  exports io.github.devopsconnector.gitlab;

  opens io.github.devopsconnector.gitlab.implementation.models to com.fasterxml.jackson.databind;
}
