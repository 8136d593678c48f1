/**
 * The Azure DevOps REST client: {@link io.github.devopsconnector.azuredevops.AzureDevOpsRestClientBuilder} builds an
 * {@link io.github.devopsconnector.azuredevops.AzureDevOpsRestClient}, the implementation of the
 * {@link io.github.devopsconnector.core.azuredevops.AzureDevOpsClient} port over the Azure DevOps REST API.
 *
 * <p>The client authenticates with a personal access token or a Microsoft Entra {@code TokenCredential}, talks to
 * Azure DevOps Services (the cloud hosts) or to one base URL (Azure DevOps Server collections, loopback
 * simulators), paces itself by the service's rate-limit headers, retries what is worth retrying, and turns every
 * failure into an {@link io.github.devopsconnector.core.ServiceException} with a kind, the service's error
 * code and a remediation. Credentials go only over HTTPS (or to a loopback address) and only to the configured
 * hosts, and never appear in logs, messages or {@code toString()}.
 */
@SdkStyle
package io.github.devopsconnector.azuredevops;

import io.github.devopsconnector.core.internal.SdkStyle;
