/**
 * Implementation of the Azure DevOps REST client: pipeline policies (authentication, rate-limit pacing and
 * retries, origin guard), request building, response decoding and error mapping. Not exported; not API.
 */
package io.github.devopsconnector.azuredevops.implementation;
