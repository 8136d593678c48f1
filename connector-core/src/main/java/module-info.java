/**
 * Core of the DevOps connector SDK: the connector domain, its validation rules, ownership and edit sessions, and
 * inventory discovery and preflight over a pluggable Azure DevOps client. Depends on nothing but SLF4J.
 */
module io.github.devopsconnector.core {
  requires static org.immutables.value.annotations;
  requires org.slf4j;

  exports io.github.devopsconnector.core;
  exports io.github.devopsconnector.core.azuredevops;
  exports io.github.devopsconnector.core.edit;
  exports io.github.devopsconnector.core.discovery;
}
