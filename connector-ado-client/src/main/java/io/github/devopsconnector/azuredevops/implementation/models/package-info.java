/**
 * Wire shapes of the Azure DevOps REST responses the client reads, bound by Jackson. Only the fields the client
 * uses are declared; everything else is ignored. Not exported; not API.
 */
package io.github.devopsconnector.azuredevops.implementation.models;
