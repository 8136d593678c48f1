/**
 * Core of the DevOps connector SDK: the connector domain, its validation rules, ownership and edit sessions, and
 * inventory discovery and preflight over pluggable Azure DevOps, GitHub and GitLab clients. Depends on nothing but
 * SLF4J.
 */
module io.github.devopsconnector.core {
  requires static org.immutables.value.annotations;
  requires org.slf4j;

  exports io.github.devopsconnector.core;
  exports io.github.devopsconnector.core.azuredevops;
  exports io.github.devopsconnector.core.github;
  exports io.github.devopsconnector.core.gitlab;
  exports io.github.devopsconnector.core.edit;
  exports io.github.devopsconnector.core.discovery;
  // The SDK's one Immutables style and annotation, shared at compile time by the SDK's modules; not public API.
  exports io.github.devopsconnector.core.internal to io.github.devopsconnector.azuredevops, io.github.devopsconnector.arm,
      io.github.devopsconnector.testing, io.github.devopsconnector.http, io.github.devopsconnector.github,
      io.github.devopsconnector.gitlab;
}
