/**
 * The HTTP transport the SDK's service clients share. Internal: exported only to the client modules, it may change
 * without notice between any two versions; applications never use it directly.
 */
module io.github.devopsconnector.http {
  requires transitive io.github.devopsconnector.core;
  requires transitive com.azure.core;
  requires com.azure.core.http.jdk.httpclient;
  requires transitive com.fasterxml.jackson.databind;
  requires java.net.http;

  exports io.github.devopsconnector.http to io.github.devopsconnector.azuredevops, io.github.devopsconnector.arm,
      io.github.devopsconnector.github, io.github.devopsconnector.gitlab;
}
